import { shanghaiDate } from '../time';

/**
 * The 国务院办公厅 publishes next year's holiday schedule in late October or November; from
 * 1 November on, a year without data is worth an administrator's attention every day until loaded.
 */
export function calendarYearToLoad(now: Date, hasYear: (year: number) => boolean): number | null {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  if (!hasYear(year)) return year;
  return today.slice(5) >= '11-01' && !hasYear(year + 1) ? year + 1 : null;
}
