import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@app/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.init();
  logger.log(`Worker ${process.pid} consuming (prefix "${config.queuePrefix}")`);

  // Graceful shutdown: close the BullMQ workers, which lets the job in hand finish, then exit.
  // A job that hangs past the timeout is abandoned; BullMQ's stalled-job check hands it to another worker.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the jobs in hand, then exiting`);
    setTimeout(() => {
      logger.error(`Shutdown took over ${config.workerShutdownTimeoutSeconds} s; exiting anyway`);
      process.exit(1);
    }, config.workerShutdownTimeoutSeconds * 1000).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void bootstrap();
