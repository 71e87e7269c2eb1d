import { DynamicModule, Global, Module } from '@nestjs/common';
import { Database, DATABASE_OPTIONS, DatabaseOptions } from './database.service';
import {
  CalendarRepository,
  CampaignsRepository,
  DeliveriesRepository,
  NotificationsRepository,
  OutboxRepository,
  RemindersRepository,
  ReportsRepository,
  ScoringRepository,
  FormsRepository,
  IdempotencyRepository,
  OrganisationsRepository,
  SecurityAuditRepository,
  UrgesRepository,
  UsersRepository,
} from './repositories';

const REPOSITORIES = [
  CalendarRepository,
  CampaignsRepository,
  DeliveriesRepository,
  NotificationsRepository,
  OutboxRepository,
  RemindersRepository,
  ReportsRepository,
  ScoringRepository,
  FormsRepository,
  IdempotencyRepository,
  OrganisationsRepository,
  SecurityAuditRepository,
  UrgesRepository,
  UsersRepository,
];

/** The Database and the intent-named repositories, available everywhere. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }, Database, ...REPOSITORIES],
      exports: [Database, ...REPOSITORIES],
    };
  }
}
