import { UnrecoverableError, type Job } from 'bullmq';
import { JOB_NAMES, JobData, JobName, QueueName } from '@app/queues';

/** One handler per job name of a queue; the mapped type makes a missing handler a compile error. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobName<Q>]: (data: JobData<Q, N>, job: Job) => Promise<unknown>;
};

/** The runtime half of the check: the worker refuses to start when a job name has no handler. */
export function assertHandlersComplete<Q extends QueueName>(queue: Q, handlers: JobHandlers<Q>): void {
  const missing = JOB_NAMES[queue].filter((name) => typeof handlers[name] !== 'function');
  if (missing.length) throw new Error(`Queue "${queue}" has jobs without a handler: ${missing.join(', ')}`);
}

/**
 * Routes a job to its handler; an unknown name fails the job without retries. `ready` (the
 * database's readiness) is awaited first: BullMQ starts consuming as soon as the module starts,
 * while the database may still be connecting or migrating.
 */
export async function dispatch<Q extends QueueName>(queue: Q, handlers: JobHandlers<Q>, job: Job, ready?: Promise<void>): Promise<unknown> {
  if (ready) await ready;
  if (!(JOB_NAMES[queue] as readonly string[]).includes(job.name)) {
    throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${queue}"`);
  }
  const handler = handlers[job.name as JobName<Q>] as (data: unknown, job: Job) => Promise<unknown>;
  return handler(job.data, job);
}
