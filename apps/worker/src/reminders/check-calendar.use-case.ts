import { Injectable, Logger } from '@nestjs/common';
import { calendarYearToLoad, WorkingDayCalendar } from '@app/domain';
import { CalendarRepository, Database } from '@app/persistence';

/**
 * Daily: if the holidays of this year or (from November) next year are not loaded, tell every admin
 * once a day — deadlines in that year would otherwise be refused when they are computed.
 */
@Injectable()
export class CheckCalendarUseCase {
  private readonly logger = new Logger(CheckCalendarUseCase.name);

  constructor(
    private readonly years: CalendarRepository,
    private readonly db: Database,
  ) {}

  async execute(now: Date): Promise<{ missing: number | null; notified: number }> {
    const calendar = WorkingDayCalendar.chineseDays(await this.years.all());
    const missing = calendarYearToLoad(now, (y) => calendar.hasYear(y));
    if (missing === null) return { missing, notified: 0 };
    this.logger.warn(`The holidays of ${missing} are not loaded: PUT /api/calendar/${missing}`);
    const day = now.toISOString().slice(0, 10);
    const rows: { id: string }[] = await this.db.source.query(
      `INSERT INTO notifications (user_id, kind, title, body, dedupe_key)
       SELECT id, 'CALENDAR_MISSING', $1, $2, 'cal:' || $3 || ':' || $4 || ':' || id FROM users WHERE role = 'admin'
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [`请导入 ${missing} 年节假日安排`, `${missing} 年的法定节假日与调休安排尚未导入，涉及该年的工作日期限将无法计算。请在“工作日历”中导入国务院办公厅公布的安排。`, missing, day],
    );
    return { missing, notified: rows.length };
  }
}
