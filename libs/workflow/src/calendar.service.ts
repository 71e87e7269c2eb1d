import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@app/domain';
import { CalendarRepository } from '@app/persistence';

const TTL_MS = 30_000;

/**
 * The working-day calendar of this process: the package's years plus those an administrator
 * loaded. Reloaded at most every 30 s (another API process may have changed it) and at once after a
 * change here.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingDayCalendar; at: number };

  constructor(private readonly years: CalendarRepository) {}

  async current(): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.calendar;
    const calendar = WorkingDayCalendar.chineseDays(await this.years.all());
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
