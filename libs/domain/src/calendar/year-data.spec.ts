import { CalendarDataError, CalendarYearMissingError } from './errors';
import { chineseDaysYears } from './package-data';
import { WorkingDayCalendar } from './working-day-calendar';
import { CalendarYearData, checkCalendarYear } from './year-data';

/** A made-up 2027 schedule (the real notice is not out): 元旦 01-01…03, 春节 02-06…12 with Sun 02-14 worked. */
const YEAR_2027: CalendarYearData = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-14'],
};

const rules = (data: unknown, routeYear?: number) => checkCalendarYear(data as CalendarYearData, routeYear).map((p) => `${p.path} ${p.rule}`);

describe('years without data are refused, not guessed', () => {
  const calendar = WorkingDayCalendar.chineseDays();

  it.each([2027, 2003, 2100])('%i refuses every function with CalendarYearMissingError', (year) => {
    const date = `${year}-03-01`;
    const calls = [
      () => calendar.isWorkingDay(date),
      () => calendar.addWorkingDays(date, 0),
      () => calendar.nextWorkingDay(date),
      () => calendar.previousWorkingDay(date),
      () => calendar.workingDaysBetween('2025-01-01', date),
      () => calendar.deadlineAfterWorkingDays(new Date(`${date}T10:00:00+08:00`), 1),
    ];
    for (const call of calls) expect(call).toThrow(new CalendarYearMissingError(year));
    expect(calendar.hasYear(year)).toBe(false);
  });

  it('supplying 2027 makes it work, with its holidays and make-up day', () => {
    const calendar2027 = WorkingDayCalendar.chineseDays([YEAR_2027]);
    expect(calendar2027.hasYear(2027)).toBe(true);
    expect(calendar2027.isWorkingDay('2027-02-08')).toBe(false); // Mon inside the supplied 春节 block
    expect(calendar2027.isWorkingDay('2027-02-14')).toBe(true); // supplied make-up Sunday
    expect(calendar2027.isWorkingDay('2027-03-01')).toBe(true); // plain Monday
    // Thu 2026-12-31 (1), then 2027-01-01…03 off, Mon 01-04 (2).
    expect(calendar2027.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect(calendar2027.previousWorkingDay('2027-01-04')).toBe('2026-12-31');
    // The base calendar is untouched.
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarYearMissingError);
    // 2028 is still missing.
    expect(() => calendar2027.isWorkingDay('2028-01-03')).toThrow(new CalendarYearMissingError(2028));
  });

  it('supplied data replaces the package data for its year', () => {
    const year2026 = chineseDaysYears().get(2026)!;
    // An administrator drops the 2026-02-28 make-up Saturday (e.g. a corrected notice).
    const corrected = { ...year2026, workdays: year2026.workdays.filter((d) => d !== '2026-02-28') };
    expect(WorkingDayCalendar.chineseDays().isWorkingDay('2026-02-28')).toBe(true);
    expect(WorkingDayCalendar.chineseDays([corrected]).isWorkingDay('2026-02-28')).toBe(false);
  });

  it('a supplied year far from the package years leaves the gap refused', () => {
    const calendar2030 = WorkingDayCalendar.chineseDays([{ year: 2030, holidays: ['2030-01-01'], workdays: [] }]);
    expect(calendar2030.isWorkingDay('2030-01-02')).toBe(true);
    expect(() => calendar2030.isWorkingDay('2028-06-01')).toThrow(new CalendarYearMissingError(2028));
    expect(calendar2030.years().slice(-2)).toEqual([2026, 2030]);
  });

  it('fromYears knows only the years it was given', () => {
    const only2027 = WorkingDayCalendar.fromYears([YEAR_2027]);
    expect(only2027.years()).toEqual([2027]);
    expect(() => only2027.isWorkingDay('2026-06-01')).toThrow(new CalendarYearMissingError(2026));
  });

  it('bad or repeated supplied data is refused with its problems', () => {
    const bad = { ...YEAR_2027, workdays: ['2027-02-08'] };
    expect(() => WorkingDayCalendar.chineseDays([bad])).toThrow(CalendarDataError);
    expect(() => WorkingDayCalendar.chineseDays([YEAR_2027, YEAR_2027])).toThrow(/2027 年的数据提供了不止一份/);
  });
});

describe('checkCalendarYear (for PUT /api/calendar/:year)', () => {
  it('accepts the made-up 2027 and every year of chinese-days', () => {
    expect(rules(YEAR_2027, 2027)).toEqual([]);
    for (const data of chineseDaysYears().values()) expect(rules(data)).toEqual([]);
  });

  it('dates must be valid YYYY-MM-DD', () => {
    expect(rules({ ...YEAR_2027, holidays: [...YEAR_2027.holidays, '2027-02-29', '2027-2-1', 20270301, null] })).toEqual([
      'holidays[10] calendar.date',
      'holidays[11] calendar.date',
      'holidays[12] calendar.date',
      'holidays[13] calendar.date',
    ]);
  });

  it('dates must be inside the year', () => {
    expect(rules({ ...YEAR_2027, holidays: [...YEAR_2027.holidays, '2026-12-31'], workdays: ['2028-01-08'] })).toEqual([
      'holidays[10] calendar.outsideYear',
      'workdays[0] calendar.outsideYear',
    ]);
  });

  it('no date may be both a holiday and a make-up working day', () => {
    const problems = checkCalendarYear({ ...YEAR_2027, holidays: [...YEAR_2027.holidays, '2027-02-14'] });
    expect(problems).toEqual([{ path: 'workdays[0]', rule: 'calendar.conflict', message: '2027-02-14 不能既是节假日又是调休上班日' }]);
  });

  it('a make-up working day must be a Saturday or Sunday; duplicates are reported', () => {
    expect(rules({ ...YEAR_2027, workdays: ['2027-02-14', '2027-02-15', '2027-02-14'] })).toEqual([
      'workdays[2] calendar.duplicate',
      'workdays[1] calendar.workdayNotWeekend',
    ]);
  });

  it('元旦 must be among the holidays (an empty or partial load)', () => {
    expect(rules({ year: 2027, holidays: [], workdays: [] })).toEqual(['holidays calendar.newYear']);
  });

  it('the year must be a sensible integer and match the route', () => {
    expect(rules({ ...YEAR_2027, year: 1999, holidays: [], workdays: [] })).toEqual(['year calendar.year']);
    expect(rules({ ...YEAR_2027, year: 2027.5 })).toContain('year calendar.year');
    expect(rules(YEAR_2027, 2028)).toEqual(['year calendar.yearMismatch']);
  });

  it('lists must be lists', () => {
    expect(rules({ year: 2027, holidays: '2027-01-01', workdays: undefined })).toEqual(['holidays calendar.list', 'workdays calendar.list']);
    expect(rules(null)).toEqual(['year calendar.year', 'holidays calendar.list', 'workdays calendar.list']);
  });

  it('messages are in Chinese and name the date', () => {
    const [problem] = checkCalendarYear({ ...YEAR_2027, workdays: ['2027-02-15'] });
    expect(problem.message).toBe('调休上班日 2027-02-15 不是周六或周日');
  });
});
