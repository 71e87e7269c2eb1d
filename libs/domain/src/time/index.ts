export * from './duration';
export * from './shanghai';
