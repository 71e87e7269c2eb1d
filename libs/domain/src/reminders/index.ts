export * from './kinds';
export * from './plan';
export * from './texts';
export * from './sweep-rules';
export * from './deadline-status';
