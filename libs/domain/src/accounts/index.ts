export * from './lockout';
export * from './password-policy';
export * from './roles';
