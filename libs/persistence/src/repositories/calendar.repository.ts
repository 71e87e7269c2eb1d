import { Injectable } from '@nestjs/common';
import type { CalendarYearData } from '@app/domain';
import { Database } from '../database.service';

/** Holiday schedules of years loaded by an administrator (used over the package's data). */
@Injectable()
export class CalendarRepository {
  constructor(private readonly db: Database) {}

  async all(): Promise<(CalendarYearData & { updatedAt: Date })[]> {
    const rows: { year: number; holidays: string[]; workdays: string[]; updatedAt: Date }[] = await this.db.source.query(
      `SELECT year, holidays::text[] AS holidays, workdays::text[] AS workdays, updated_at AS "updatedAt" FROM calendar_years ORDER BY year`,
    );
    return rows;
  }

  async upsert(data: CalendarYearData, userId: string): Promise<void> {
    await this.db.source.query(
      `INSERT INTO calendar_years (year, holidays, workdays, updated_by, updated_at) VALUES ($1, $2::date[], $3::date[], $4, now())
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
                                        updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [data.year, data.holidays, data.workdays, userId],
    );
  }
}
