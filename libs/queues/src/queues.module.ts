import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ALL_QUEUES } from './queue-names';
import { QueueErrorLogger } from './queue-error-logger';
import { bullConnection } from './redis-connection';

/** BullMQ connection (REDIS_URL, QUEUE_PREFIX) and every queue of Jixiao, registered for injection. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: bullConnection(config.redisUrl),
            prefix: config.queuePrefix,
          }),
        }),
        queues,
      ],
      providers: [QueueErrorLogger],
      exports: [queues],
    };
  }
}
