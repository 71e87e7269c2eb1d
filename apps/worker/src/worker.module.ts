import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AppConfigModule, loggerModule } from '@app/config';
import { DatabaseModule } from '@app/persistence';
import { QueuesModule } from '@app/queues';
import { DeliverUseCase, DispatchDeliveriesUseCase } from './deliveries/deliveries.use-cases';
import { DeliveriesProcessor } from './processors/deliveries.processor';
import { LifecycleProcessor } from './processors/lifecycle.processor';
import { ReportsProcessor } from './processors/reports.processor';
import { CampaignReportUseCase, ScoreChunkUseCase } from './reports/reports.use-cases';
import { OpenDueSelfEvaluationsUseCase, RelayOutboxUseCase, ScoreFormUseCase } from './lifecycle/lifecycle.use-cases';
import { WorkflowModule } from '@app/workflow';
import { RemindersProcessor } from './processors/reminders.processor';
import { SystemProcessor } from './processors/system.processor';
import { CheckCalendarUseCase } from './reminders/check-calendar.use-case';
import { SweepRemindersUseCase } from './reminders/sweep-reminders.use-case';
import { SchedulersService } from './schedulers.service';

/** The worker process: BullMQ processors and job schedulers only, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggerModule(config, 'worker'),
        // The worker may start before the API: it creates and migrates the database too (advisory lock).
        DatabaseModule.forRoot({ migrate: true }),
        QueuesModule.forRoot(),
        WorkflowModule,
      ],
      providers: [
        SystemProcessor,
        RemindersProcessor,
        DeliveriesProcessor,
        LifecycleProcessor,
        ReportsProcessor,
        CampaignReportUseCase,
        ScoreChunkUseCase,
        RelayOutboxUseCase,
        ScoreFormUseCase,
        OpenDueSelfEvaluationsUseCase,
        SweepRemindersUseCase,
        CheckCalendarUseCase,
        DispatchDeliveriesUseCase,
        DeliverUseCase,
        SchedulersService,
      ],
    };
  }
}
