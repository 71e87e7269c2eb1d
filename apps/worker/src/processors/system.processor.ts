import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUES } from '@app/queues';
import { assertHandlersComplete, dispatch, JobHandlers } from './job-handlers';

const MAX_HOLD_MS = 10_000;

/** Diagnostics queue: `echo` proves that a worker consumes jobs end to end. */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  private readonly handlers: JobHandlers<typeof QUEUES.system> = {
    echo: async ({ message, holdMs }) => {
      const hold = Math.min(Math.max(0, holdMs ?? 0), MAX_HOLD_MS);
      // Deliberately holds the job active: graceful shutdown must let it finish.
      if (hold) await sleep(hold);
      this.logger.log(`echo: ${message}`);
      return { message, pid: process.pid };
    },
  };

  constructor() {
    super();
    assertHandlersComplete(QUEUES.system, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatch(QUEUES.system, this.handlers, job);
  }
}
