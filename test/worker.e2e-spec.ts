import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue, QueueEvents } from 'bullmq';
import { AppConfig } from '@app/config';
import { dropDatabase } from '@app/persistence';
import { bullConnection, QUEUES } from '@app/queues';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { deleteKeysWithPrefix } from './support/redis-cleanup';
import { spawnApp } from './support/spawn-app';
import { testConfig } from './support/test-config';
import { waitFor } from './support/wait-for';

// The worker connects to Redis through @nestjs/bullmq, consumes its queues and shuts down gracefully.
describe('worker (e2e)', () => {
  let config: AppConfig;
  let queue: Queue;
  let events: QueueEvents;

  beforeEach(async () => {
    config = testConfig();
    const connection = bullConnection(config.redisUrl);
    queue = new Queue(QUEUES.system, { connection, prefix: config.queuePrefix });
    events = new QueueEvents(QUEUES.system, { connection, prefix: config.queuePrefix });
    await events.waitUntilReady();
  });
  afterEach(async () => {
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteKeysWithPrefix(config.redisUrl, config.queuePrefix);
    await dropDatabase(config.databaseUrl); // the worker creates and migrates the database too
  });

  it('consumes jobs from its queues under QUEUE_PREFIX', async () => {
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    try {
      const job = await queue.add('echo', { message: '你好' });
      await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ message: '你好', pid: process.pid });
    } finally {
      await worker.close();
    }
  });

  it('fails an unknown job name without retrying it', async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    try {
      const job = await queue.add('no-such-job', {}, { attempts: 3 });
      await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/Unknown job "no-such-job"/);
      const failed = await Job.fromId(queue, job.id!);
      expect(failed!.attemptsMade).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('on SIGTERM finishes the job in hand, then exits 0', async () => {
    const proc = spawnApp('worker', config);
    try {
      await waitFor(() => proc.output().includes('consuming'), { timeoutMs: 30_000, what: 'the worker to start' });
      const job = await queue.add('echo', { message: 'in hand', holdMs: 1500 });
      await waitFor(async () => (await job.getState()) === 'active', { what: 'the job to become active' });

      proc.child.kill('SIGTERM');
      const exit = await proc.exited;

      expect(exit).toEqual({ code: 0, signal: null });
      const done = await Job.fromId(queue, job.id!);
      expect(await done!.getState()).toBe('completed');
      expect(done!.returnvalue).toEqual({ message: 'in hand', pid: proc.child.pid });
      expect(proc.output()).toContain('SIGTERM: finishing the jobs in hand');
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    }
  });
});
