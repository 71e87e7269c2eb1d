export * from './types';
export * from './webhook-channel';
export * from './email-channel';
export * from './channel-config';
export { robotMarkdown, robotTitle, truncateUtf8 } from './robot-format';
