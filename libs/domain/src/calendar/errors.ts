/** Errors of the working-day calendar; plain classes so that the API layer can map them (no framework here). */

/**
 * A date falls in a year for which neither chinese-days nor an administrator has supplied the
 * holiday schedule (国务院办公厅放假安排). Guessing "Monday–Friday" would silently move deadlines
 * across the Spring Festival, so every calendar function refuses instead.
 */
export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING';
  constructor(readonly year: number) {
    super(`${year} 年的节假日安排尚未导入，请管理员先导入`);
    this.name = 'CalendarYearMissingError';
  }
}

/** An argument that is not a "YYYY-MM-DD" calendar date (a programming error, not a user one). */
export class CalendarDateError extends Error {
  constructor(readonly input: unknown) {
    super(`“${String(input)}”不是有效的日期（应为 YYYY-MM-DD）`);
    this.name = 'CalendarDateError';
  }
}

export interface CalendarProblem {
  path: string;
  rule: string;
  message: string;
}

/** Year data that breaks a rule of checkCalendarYear was handed to the calendar. */
export class CalendarDataError extends Error {
  constructor(
    readonly year: unknown,
    readonly problems: CalendarProblem[],
  ) {
    super(`${String(year)} 年的节假日数据有误：${problems.map((p) => `${p.path} ${p.message}`).join('；')}`);
    this.name = 'CalendarDataError';
  }
}
