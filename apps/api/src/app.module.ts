import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { AppConfig, AppConfigModule, loggerModule } from '@app/config';
import { DatabaseModule } from '@app/persistence';
import { QueuesModule, RedisModule } from '@app/queues';
import { WorkflowModule } from '@app/workflow';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { FormsModule } from './forms/forms.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationsModule } from './operations/operations.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';
import { ScoringModule } from './scoring/scoring.module';

import { HealthController } from './health/health.controller';

/** The HTTP API. Built from an already-validated config, so tests can boot it with their own. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggerModule(config, 'api'),
        DatabaseModule.forRoot({ migrate: true }),
        RedisModule,
        QueuesModule.forRoot(),
        WorkflowModule,
        AuthModule,
        AccountsModule,
        CalendarModule,
        CampaignsModule,
        FormsModule,
        NotificationsModule,
        OperationsModule,
        ReferenceModule,
        ReportsModule,
        ScoringModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
