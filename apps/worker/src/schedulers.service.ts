import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Database } from '@app/persistence';
import { QUEUES, SCHEDULERS } from '@app/queues';

// Due reminders and deliveries are looked for twice a second (an interval: a time zone means nothing here).
const SWEEP = { every: 500 };
// Daily work runs on the business calendar: 09:00 Beijing time.
const DAILY_0900 = { pattern: '0 0 9 * * *', tz: 'Asia/Shanghai' };
// Opening the year-end is checked at the start of every minute, Beijing time.
const EVERY_MINUTE = { pattern: '0 * * * * *', tz: 'Asia/Shanghai' };
const KEEP_FEW = { removeOnComplete: 100, removeOnFail: 100 };
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
    @InjectQueue(QUEUES.lifecycle) private readonly lifecycle: Queue,
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
        this.reminders.upsertJobScheduler(SCHEDULERS.reminderSweep, SWEEP, { name: 'sweep', data: {}, opts: KEEP_FEW }),
        this.deliveries.upsertJobScheduler(SCHEDULERS.deliveryDispatch, SWEEP, { name: 'dispatch', data: {}, opts: KEEP_FEW }),
        this.reminders.upsertJobScheduler(SCHEDULERS.calendarCheck, DAILY_0900, { name: 'calendar-check', data: {}, opts: KEEP_FEW }),
        this.lifecycle.upsertJobScheduler(SCHEDULERS.outboxRelay, SWEEP, { name: 'relay-outbox', data: {}, opts: KEEP_FEW }),
        this.lifecycle.upsertJobScheduler(SCHEDULERS.openSelfEvaluations, EVERY_MINUTE, { name: 'open-self-evaluations', data: {}, opts: KEEP_FEW }),
      ]);
    } catch (err) {
      this.logger.warn(`Could not register the job schedulers (Redis down?): ${(err as Error).message}`);
    }
  }
}
