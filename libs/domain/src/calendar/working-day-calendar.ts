import { shanghaiDate } from '../time';
import { dateOfDay, dayNumber, daysInYear, firstDayOfYear, shanghaiMidnight, weekdayOfDay, yearOfDay } from './dates';
import { CalendarDataError, CalendarDateError, CalendarYearMissingError } from './errors';
import { chineseDaysYears } from './package-data';
import { CalendarYearData, checkCalendarYear } from './year-data';

// One byte per day over the covered span: a lookup is an array read, whatever the process TZ.
const OFF = 0;
const WORKING = 1;
const NO_DATA = 2;

let chineseDaysCalendar: WorkingDayCalendar | undefined;

/**
 * Working days in mainland China: Monday–Friday, minus the 法定节假日, plus the 调休上班 days of the
 * official notice. Immutable; a year without data is never guessed (CalendarYearMissingError).
 */
export class WorkingDayCalendar {
  private constructor(
    /** The day number (days since 1970-01-01) of days[0]. */
    private readonly firstDay: number,
    private readonly days: Uint8Array,
    private readonly covered: ReadonlySet<number>,
  ) {}

  /**
   * chinese-days' years (2004–2026), read once per process, with `supplied` years (loaded by an
   * administrator) taking the place of the package's data for their year.
   */
  static chineseDays(supplied: readonly CalendarYearData[] = []): WorkingDayCalendar {
    chineseDaysCalendar ??= new WorkingDayCalendar(0, new Uint8Array(0), new Set()).withYears([...chineseDaysYears().values()]);
    return supplied.length === 0 ? chineseDaysCalendar : chineseDaysCalendar.withYears(supplied);
  }

  /** A calendar of exactly these years, without the package's data. */
  static fromYears(years: readonly CalendarYearData[]): WorkingDayCalendar {
    return new WorkingDayCalendar(0, new Uint8Array(0), new Set()).withYears(years);
  }

  /** A new calendar where each given year replaces whatever this one had for it. Throws CalendarDataError on bad data. */
  withYears(years: readonly CalendarYearData[]): WorkingDayCalendar {
    const seen = new Set<number>();
    for (const data of years) {
      const problems = checkCalendarYear(data);
      if (seen.has(data.year)) problems.push({ path: 'year', rule: 'calendar.yearRepeated', message: `${data.year} 年的数据提供了不止一份` });
      if (problems.length > 0) throw new CalendarDataError(data?.year, problems);
      seen.add(data.year);
    }
    if (seen.size === 0) return this;
    const covered = new Set([...this.covered, ...seen]);
    const first = firstDayOfYear(Math.min(...covered));
    const end = firstDayOfYear(Math.max(...covered) + 1);
    const days = new Uint8Array(end - first).fill(NO_DATA);
    if (this.days.length > 0) days.set(this.days, this.firstDay - first);
    for (const data of years) writeYear(days, first, data);
    return new WorkingDayCalendar(first, days, covered);
  }

  /** The years this calendar can answer for, ascending. */
  years(): number[] {
    return [...this.covered].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.covered.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.working(dayNumber(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string): string {
    let day = dayNumber(date);
    this.working(day);
    do day -= 1;
    while (!this.working(day));
    return dateOfDay(day);
  }

  /** The n-th working day after `date`, `date` itself not counted; n = 0 gives `date` back. */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
    let day = dayNumber(date);
    this.working(day); // a date in a year without data is refused even when n = 0
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.working(day)) left -= 1;
    }
    return dateOfDay(day);
  }

  /** Working days in (from, to] — so workingDaysBetween(d, addWorkingDays(d, n)) = n; negative when to < from. */
  workingDaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    this.working(a);
    this.working(b);
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) if (this.working(day)) count += 1;
    return sign * count;
  }

  /**
   * When a time limit of "n 个工作日" that starts at `at` ends. 《民法典》第二百零一条: the starting
   * day is not counted, counting begins the next day (the Shanghai calendar date is what counts);
   * 第二百零三条: the period ends at 24:00 of its last day — here the n-th working day, which also
   * meets 第二百零三条's rule that a last day falling on a holiday moves to the next working day.
   * Returned as the instant 00:00 +08:00 of the day after.
   */
  deadlineAfterWorkingDays(at: Date, n: number): Date {
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new CalendarDateError(at);
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`deadlineAfterWorkingDays: n must be a whole number ≥ 1, got ${n}`);
    const lastDay = dayNumber(this.addWorkingDays(shanghaiDate(at), n));
    return shanghaiMidnight(lastDay + 1);
  }

  /**
   * Working days left until a deadline, on Shanghai calendar dates: the working days after today up
   * to and including the deadline's last day — so when a limit of n working days starts, n are left
   * (the inverse of deadlineAfterWorkingDays). A deadline at 00:00 ends the day before (24:00 of its
   * last day, 第二百零三条). 0 on the last day itself or when no working day lies between; negative
   * (minus the working days since the last day) once it has passed. Throws CalendarYearMissingError
   * when today or the last day falls in a year without data.
   */
  workingDaysLeft(now: Date, dueAt: Date): number {
    const [today, lastDay] = countedSpan(now, dueAt);
    return this.workingDaysBetween(today, lastDay);
  }

  /**
   * workingDaysLeft, or null when a year from today to the last day has no data — checked first, so
   * that list views, which ask for every row, do not pay for an exception per far-off deadline.
   */
  workingDaysLeftIfKnown(now: Date, dueAt: Date): number | null {
    const [today, lastDay] = countedSpan(now, dueAt);
    const years = [Number(today.slice(0, 4)), Number(lastDay.slice(0, 4))];
    for (let year = Math.min(...years); year <= Math.max(...years); year += 1) if (!this.hasYear(year)) return null;
    return this.workingDaysBetween(today, lastDay);
  }

  private working(day: number): boolean {
    const value = this.days[day - this.firstDay];
    if (value === WORKING) return true;
    if (value === OFF) return false;
    throw new CalendarYearMissingError(yearOfDay(day)); // NO_DATA, or outside the span (undefined)
  }
}

/** Today and a deadline's last day as Shanghai dates (a deadline at 00:00 ends the day before). */
function countedSpan(now: Date, dueAt: Date): [today: string, lastDay: string] {
  for (const at of [now, dueAt]) if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new CalendarDateError(at);
  return [shanghaiDate(now), shanghaiDate(new Date(dueAt.getTime() - 1))];
}

function writeYear(days: Uint8Array, first: number, data: CalendarYearData): void {
  const start = firstDayOfYear(data.year);
  for (let i = 0, length = daysInYear(data.year); i < length; i += 1) {
    const weekday = weekdayOfDay(start + i);
    days[start - first + i] = weekday === 0 || weekday === 6 ? OFF : WORKING;
  }
  for (const date of data.holidays) days[dayNumber(date) - first] = OFF;
  for (const date of data.workdays) days[dayNumber(date) - first] = WORKING;
}
