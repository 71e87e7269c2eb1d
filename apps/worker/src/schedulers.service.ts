import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Database } from '@app/persistence';
import { QUEUES, SCHEDULERS } from '@app/queues';

// Every second, in the business time zone (cron with a seconds field).
const EVERY_SECOND = { pattern: '* * * * * *', tz: 'Asia/Shanghai' };
const WATCHDOG_MS = 10_000;

/**
 * Registers the periodic jobs as BullMQ job schedulers, and registers them again every 10 s: if
 * Redis lost its data (restart without persistence, FLUSHALL) the schedulers are back within
 * seconds, and everything pending is still in PostgreSQL for the next sweep.
 */
@Injectable()
export class SchedulersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulersService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the worker starts consuming at once and schedules once the schema exists.
    void this.db.whenReady().then(() => {
      void this.ensure();
      this.timer = setInterval(() => void this.ensure(), WATCHDOG_MS);
      this.timer.unref();
    });
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async ensure(): Promise<void> {
    try {
      await Promise.all([
        this.reminders.upsertJobScheduler(SCHEDULERS.reminderSweep, EVERY_SECOND, { name: 'sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } }),
        this.deliveries.upsertJobScheduler(SCHEDULERS.deliveryDispatch, EVERY_SECOND, { name: 'dispatch', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } }),
      ]);
    } catch (err) {
      this.logger.warn(`Could not register the job schedulers (Redis down?): ${(err as Error).message}`);
    }
  }
}
