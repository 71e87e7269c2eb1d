import fc from 'fast-check';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.chineseDays();
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Start dates 2004-01-10 … 2026-09-30 and n ≤ 40, so that every result stays inside the data (≤ 2026).
const FIRST = Date.UTC(2004, 0, 10) / DAY; // previousWorkingDay(2004-01-02) rightly refuses (2003)
const LAST = Date.UTC(2026, 8, 30) / DAY;
const date = fc.integer({ min: FIRST, max: LAST }).map((day) => iso(day * DAY));
const count = fc.integer({ min: 0, max: 40 });

/** Working days in (from, to], counted one isWorkingDay() at a time. */
function countWorkingDays(from: string, to: string): number {
  let n = 0;
  for (let ms = Date.parse(`${from}T00:00:00Z`) + DAY; ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY) if (calendar.isWorkingDay(iso(ms))) n += 1;
  return n;
}

describe('addWorkingDays properties', () => {
  it('addWorkingDays(d, n ≥ 1) is a working day strictly after d with exactly n working days in (d, result]', () => {
    fc.assert(
      fc.property(date, count.filter((n) => n >= 1), (d, n) => {
        const result = calendar.addWorkingDays(d, n);
        expect(result > d).toBe(true);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(countWorkingDays(d, result)).toBe(n);
        expect(calendar.workingDaysBetween(d, result)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('adding is associative: (d + a) + b = d + (a + b)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (d, a, b) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(d, a), b)).toBe(calendar.addWorkingDays(d, a + b));
      }),
      { numRuns: 300 },
    );
  });

  it('previousWorkingDay(d) is the last working day before d, and the next one after it is ≥ d', () => {
    fc.assert(
      fc.property(date, (d) => {
        const previous = calendar.previousWorkingDay(d);
        expect(previous < d).toBe(true);
        expect(calendar.isWorkingDay(previous)).toBe(true);
        expect(countWorkingDays(previous, d)).toBe(calendar.isWorkingDay(d) ? 1 : 0);
        expect(calendar.nextWorkingDay(previous) >= d).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('民法典201/203: a deadline ends at 00:00 +08:00 right after a working day, after the start', () => {
    const instant = fc.integer({ min: FIRST * DAY, max: LAST * DAY }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, count.filter((n) => n >= 1), (at, n) => {
        const due = calendar.deadlineAfterWorkingDays(at, n);
        const shanghaiMs = due.getTime() + 8 * 3600 * 1000;
        expect(shanghaiMs % DAY).toBe(0); // 24:00 of the last day, Shanghai time
        const lastDay = iso(shanghaiMs - DAY);
        const startDay = iso(at.getTime() + 8 * 3600 * 1000);
        expect(calendar.isWorkingDay(lastDay)).toBe(true);
        expect(countWorkingDays(startDay, lastDay)).toBe(n); // the start day itself is never counted
      }),
      { numRuns: 300 },
    );
  });

  it('workingDaysLeft undoes deadlineAfterWorkingDays: a limit of n working days that starts now has n left', () => {
    const instant = fc.integer({ min: FIRST * DAY, max: LAST * DAY }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, count.filter((n) => n >= 1), (at, n) => {
        expect(calendar.workingDaysLeft(at, calendar.deadlineAfterWorkingDays(at, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
