import { isWorkday } from 'chinese-days';
import { chineseDaysYears } from './package-data';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.chineseDays();

function datesOf(firstYear: number, lastYear: number): string[] {
  const dates: string[] = [];
  for (let ms = Date.UTC(firstYear, 0, 1); ms < Date.UTC(lastYear + 1, 0, 1); ms += 86_400_000) dates.push(new Date(ms).toISOString().slice(0, 10));
  return dates;
}

// Only inside the package's own years: outside them its isWorkday() silently answers Monday–Friday.
const DATES_2024_2026 = datesOf(2024, 2026);

describe('every date of 2024–2026 agrees with chinese-days isWorkday()', () => {
  it('covers 1096 dates', () => expect(DATES_2024_2026).toHaveLength(1096));

  it.each(DATES_2024_2026.map((date) => [date, isWorkday(date)] as const))('%s working: %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('the package data as loaded', () => {
  it('covers exactly 2004–2026', () => {
    expect([...chineseDaysYears().keys()].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendar.years()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('every date of 2004–2023 agrees with isWorkday() too', () => {
    const disagreements = datesOf(2004, 2023).filter((date) => calendar.isWorkingDay(date) !== isWorkday(date));
    expect(disagreements).toEqual([]);
  });

  it('is read once per process', () => {
    expect(chineseDaysYears()).toBe(chineseDaysYears());
    expect(WorkingDayCalendar.chineseDays()).toBe(calendar);
  });
});
