export * from './campaigns.repository';
export * from './organisations.repository';
export * from './pg-errors';
export * from './security-audit.repository';
export * from './users.repository';
