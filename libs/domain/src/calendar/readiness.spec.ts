import { calendarYearToLoad } from './readiness';

// From 1 November (Beijing time) next year's holidays should be loaded; the current year always.
describe('calendarYearToLoad', () => {
  const known = (...years: number[]) => (y: number) => years.includes(y);

  it('asks for next year from 1 November, Beijing time', () => {
    expect(calendarYearToLoad(new Date('2026-10-31T15:59:59Z'), known(2026))).toBeNull();
    expect(calendarYearToLoad(new Date('2026-10-31T16:00:00Z'), known(2026))).toBe(2027); // 11-01 00:00 in Shanghai
    expect(calendarYearToLoad(new Date('2026-12-31T00:00:00Z'), known(2026, 2027))).toBeNull();
  });

  it('asks for the current year whenever it is missing', () => {
    expect(calendarYearToLoad(new Date('2027-03-01T00:00:00Z'), known(2026))).toBe(2027);
  });
});
