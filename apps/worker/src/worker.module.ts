import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AppConfigModule, loggerModule } from '@app/config';
import { QueuesModule } from '@app/queues';

import { SystemProcessor } from './processors/system.processor';

/** The worker process: BullMQ processors only, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [AppConfigModule.forRoot(config), loggerModule(config, 'worker'), QueuesModule.forRoot()],
      providers: [SystemProcessor],
    };
  }
}
