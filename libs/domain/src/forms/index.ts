export * from './catalogue';
export * from './form';
