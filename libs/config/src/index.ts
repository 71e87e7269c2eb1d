export * from './app-config';
export * from './config.module';
export { DEV_ADMIN_PASSWORD, DEV_JWT_SECRET } from './config.schema';
export * from './logger';
