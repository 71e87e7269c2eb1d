export * from './accounts';
export * from './forms';
export * from './money';
export * from './targets/types';
export * from './campaigns';
export * from './time';
export * from './audit';
