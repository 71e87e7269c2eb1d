export * from './campaign';
