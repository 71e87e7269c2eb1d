import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Database } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { CheckCalendarUseCase } from '../reminders/check-calendar.use-case';
import { SweepRemindersUseCase } from '../reminders/sweep-reminders.use-case';
import { assertHandlersComplete, dispatch, JobHandlers } from './job-handlers';

@Processor(QUEUES.reminders)
export class RemindersProcessor extends WorkerHost {
  private readonly handlers: JobHandlers<typeof QUEUES.reminders>;

  constructor(
    private readonly db: Database,
    sweep: SweepRemindersUseCase,
    checkCalendar: CheckCalendarUseCase,
  ) {
    super();
    this.handlers = { sweep: () => sweep.execute(), 'calendar-check': () => checkCalendar.execute(new Date()) };
    assertHandlersComplete(QUEUES.reminders, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatch(QUEUES.reminders, this.handlers, job, this.db.whenReady());
  }
}
