import { DataSourceOptions } from 'typeorm';
import { OrganisationEntity } from './entities/organisation.entity';
import { SecurityAuditEntity } from './entities/security-audit.entity';
import { UserEntity } from './entities/user.entity';
import { Foundation1763800000000 } from './migrations/1763800000000-Foundation';
import { Lifecycle1763900000000 } from './migrations/1763900000000-Lifecycle';
import { Reminders1764000000000 } from './migrations/1764000000000-Reminders';
import { Scoring1764100000000 } from './migrations/1764100000000-Scoring';
import { ReminderCancelIndex1764150000000 } from './migrations/1764150000000-ReminderCancelIndex';
import { ScoreExplanations1764200000000 } from './migrations/1764200000000-ScoreExplanations';

// Listed as classes, not globs: the same list works under ts-jest, `nest build` and the typeorm CLI.
export const ENTITIES = [OrganisationEntity, UserEntity, SecurityAuditEntity];
export const MIGRATIONS = [
  Foundation1763800000000,
  Lifecycle1763900000000,
  Reminders1764000000000,
  Scoring1764100000000,
  ReminderCancelIndex1764150000000,
  ScoreExplanations1764200000000,
];

/** The one DataSource definition, used by the apps, the tests and the typeorm CLI (data-source.ts). */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      // Instants are stored as timestamptz in UTC; the session zone only affects text rendering.
      options: '-c TimeZone=UTC',
      application_name: 'jixiao',
    },
  };
}
