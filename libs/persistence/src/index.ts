export * from './data-source-options';
export * from './database.module';
export * from './database.service';
export * from './prepare-database';
export * from './entities/organisation.entity';
export * from './entities/security-audit.entity';
export * from './entities/user.entity';
export * from './repositories';
