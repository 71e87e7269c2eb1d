export * from './campaigns.repository';
export * from './forms.repository';
export * from './idempotency.repository';
export * from './organisations.repository';
export * from './pg-errors';
export * from './security-audit.repository';
export * from './users.repository';
