import { CALENDAR_CASES, normalize, serializeAnswer } from './calendar.fixtures';
import { CalendarDateError, CalendarYearMissingError } from './errors';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.chineseDays();

describe('WorkingDayCalendar — named cases (hand-computed, see calendar.fixtures.ts)', () => {
  it.each(CALENDAR_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(serializeAnswer(() => c.ask(calendar))).toEqual(normalize(c.expected));
  });
});

describe('make-up working days (调休上班) and ordinary weekends', () => {
  it.each(['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-09-29', '2025-01-26', '2025-04-27', '2025-09-28', '2026-01-04', '2026-09-20'])(
    'Sunday %s is a make-up working day',
    (date) => expect(calendar.isWorkingDay(date)).toBe(true),
  );
  it.each(['2024-05-11', '2024-09-14', '2024-10-12', '2025-02-08', '2025-10-11', '2026-02-14', '2026-02-28', '2026-05-09', '2026-10-10'])(
    'Saturday %s is a make-up working day',
    (date) => expect(calendar.isWorkingDay(date)).toBe(true),
  );
  it.each(['2024-03-09', '2024-03-10', '2025-06-14', '2025-06-15', '2026-07-18', '2026-07-19'])('ordinary weekend day %s is off', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('the 2025 National Day week: 10-01…10-08 off, 09-28 and 10-11 worked', () => {
    const days = ['2025-09-27', '2025-09-28', '2025-09-29', '2025-09-30', ...range('2025-10-01', 8), '2025-10-09', '2025-10-10', '2025-10-11'];
    expect(days.filter((d) => calendar.isWorkingDay(d))).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11']);
  });

  it('the 2026 Spring Festival: 02-15…02-23 off, 02-14 and 02-28 worked', () => {
    expect(range('2026-02-15', 9).some((d) => calendar.isWorkingDay(d))).toBe(false);
    // 02-09 (Mon) … 03-01 (Sun): the week before, the make-up Saturdays, the week after; 03-01 is a plain Sunday.
    expect(range('2026-02-09', 21).filter((d) => calendar.isWorkingDay(d))).toEqual([
      '2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14',
      '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28',
    ]);
  });
});

describe('counting', () => {
  it('addWorkingDays(d, 0) is d itself, even on a holiday', () => {
    expect(calendar.addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
  });

  it('workingDaysBetween counts (from, to] and is signed', () => {
    // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 — Friday 09-26 itself is not counted.
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-11')).toBe(6);
    expect(calendar.workingDaysBetween('2025-10-11', '2025-09-26')).toBe(-6);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
  });

  it('counts across the turn of the year (2025-12-31 → 2026-01-05)', () => {
    // 2026-01-01…03 off, Sun 01-04 worked (元旦调休), Mon 01-05.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.previousWorkingDay('2026-01-04')).toBe('2025-12-31');
  });

  it('民法典201/203: a deadline is always 00:00 +08:00 after a working day, never the start day', () => {
    const due = calendar.deadlineAfterWorkingDays(new Date('2025-10-09T09:00:00+08:00'), 1);
    // Thu 10-09 not counted; Fri 10-10 is the last day; ends 10-10 24:00.
    expect(due.toISOString()).toBe('2025-10-10T16:00:00.000Z');
  });
});

// nextDeadline.workingDaysLeft of the form views: working days after today up to the deadline's last day.
describe('workingDaysLeft', () => {
  // Monday 2024-03-04, 10:00 in Shanghai.
  const now = new Date('2024-03-04T10:00:00+08:00');

  it('counts the working days after today up to the last day, so a fresh n-working-day limit has n left', () => {
    // Fri 03-15 18:00: Tue 03-05 … Fri 03-08 (4) + Mon 03-11 … Fri 03-15 (5).
    expect(calendar.workingDaysLeft(now, new Date('2024-03-15T18:00:00+08:00'))).toBe(9);
    // A deadline at 00:00 ends the day before: 2024-03-12T00:00 is the end of Mon 03-11.
    expect(calendar.workingDaysLeft(now, new Date('2024-03-12T00:00:00+08:00'))).toBe(5);
    expect(calendar.workingDaysLeft(now, calendar.deadlineAfterWorkingDays(now, 5))).toBe(5);
  });

  it('is 0 on the last day (before and after the hour) and negative once the last day has passed', () => {
    expect(calendar.workingDaysLeft(now, new Date('2024-03-04T18:00:00+08:00'))).toBe(0);
    expect(calendar.workingDaysLeft(now, new Date('2024-03-04T09:00:00+08:00'))).toBe(0);
    // Ended Thursday 02-29 24:00: Fri 03-01 and Mon 03-04 have passed since.
    expect(calendar.workingDaysLeft(now, new Date('2024-03-01T00:00:00+08:00'))).toBe(-2);
  });

  it('skips holidays and counts make-up working days (2024 Spring Festival)', () => {
    // From Fri 2024-02-09 (除夕, off) to the end of Mon 02-19: 02-10…02-17 off, Sun 02-18 worked, Mon 02-19.
    expect(calendar.workingDaysLeft(new Date('2024-02-09T12:00:00+08:00'), new Date('2024-02-20T00:00:00+08:00'))).toBe(2);
  });

  it('refuses a year without data (the API shows null), whichever end lies in it', () => {
    expect(() => calendar.workingDaysLeft(now, new Date('2100-04-30T18:00:00+08:00'))).toThrow(CalendarYearMissingError);
    expect(() => calendar.workingDaysLeft(new Date('2027-06-01T10:00:00+08:00'), now)).toThrow(CalendarYearMissingError);
    expect(() => calendar.workingDaysLeft(new Date('nonsense'), now)).toThrow(CalendarDateError);
  });

  it('workingDaysLeftIfKnown: the same count, or null — without throwing — when a year of the span has no data', () => {
    for (const due of ['2024-03-15T18:00:00+08:00', '2024-03-12T00:00:00+08:00', '2024-03-01T00:00:00+08:00']) {
      expect(calendar.workingDaysLeftIfKnown(now, new Date(due))).toBe(calendar.workingDaysLeft(now, new Date(due)));
    }
    expect(calendar.workingDaysLeftIfKnown(now, new Date('2100-04-30T18:00:00+08:00'))).toBeNull();
    expect(calendar.workingDaysLeftIfKnown(new Date('2100-06-01T10:00:00+08:00'), now)).toBeNull();
    // Both ends known, a year between them not: 2024 and 2026 loaded without 2025.
    const newYearOnly = (year: number) => ({ year, holidays: [`${year}-01-01`], workdays: [] });
    const gap = WorkingDayCalendar.fromYears([newYearOnly(2024), newYearOnly(2026)]);
    expect(gap.workingDaysLeftIfKnown(new Date('2024-12-30T10:00:00+08:00'), new Date('2026-01-06T00:00:00+08:00'))).toBeNull();
    // Friday 2026-01-02 to the end of Monday 01-05: only the Monday is left.
    expect(gap.workingDaysLeftIfKnown(new Date('2026-01-02T10:00:00+08:00'), new Date('2026-01-06T00:00:00+08:00'))).toBe(1);
    expect(() => calendar.workingDaysLeftIfKnown(new Date('nonsense'), now)).toThrow(CalendarDateError);
  });
});

describe('bad input', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '', '2025-10-01T00:00:00Z', '0099-01-01'])('refuses the date %j', (date) => {
    expect(() => calendar.isWorkingDay(date)).toThrow(CalendarDateError);
  });

  it('refuses a negative or fractional count, and a deadline of 0 days or an invalid instant', () => {
    expect(() => calendar.addWorkingDays('2025-10-09', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-10-09', 1.5)).toThrow(RangeError);
    expect(() => calendar.deadlineAfterWorkingDays(new Date('2025-10-09T09:00:00+08:00'), 0)).toThrow(RangeError);
    expect(() => calendar.deadlineAfterWorkingDays(new Date('nonsense'), 1)).toThrow(CalendarDateError);
  });

  it('a year without data carries the year and a Chinese message', () => {
    const error = catchError(() => calendar.isWorkingDay('2027-06-01'));
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    expect(error).toMatchObject({ year: 2027, code: 'CALENDAR_YEAR_MISSING', message: '2027 年的节假日安排尚未导入，请管理员先导入' });
  });
});

function range(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
