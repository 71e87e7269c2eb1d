import { readFileSync } from 'node:fs';
import { CalendarDataError } from './errors';
import { CalendarYearData, checkCalendarYear } from './year-data';

/**
 * The only place that reads chinese-days. Its data file is read directly instead of calling the
 * package's functions because those silently fall back to plain Monday–Friday outside 2004–2026;
 * here a year is covered only if the file lists dates in it.
 */
const DATA_FILE = 'chinese-days/dist/chinese-days.json';

let loaded: ReadonlyMap<number, CalendarYearData> | undefined;

/** The package's years (2004–2026 in 1.5.7), read and checked once per process. */
export function chineseDaysYears(): ReadonlyMap<number, CalendarYearData> {
  loaded ??= groupByYear(JSON.parse(readFileSync(require.resolve(DATA_FILE), 'utf8')) as unknown);
  return loaded;
}

function groupByYear(json: unknown): Map<number, CalendarYearData> {
  const file = json as { holidays?: unknown; workdays?: unknown } | null;
  if (!isDateRecord(file?.holidays) || !isDateRecord(file?.workdays)) {
    throw new Error(`${DATA_FILE}: expected "holidays" and "workdays" objects keyed by date`);
  }
  const years = new Map<number, CalendarYearData>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let data = years.get(year);
    if (!data) years.set(year, (data = { year, holidays: [], workdays: [] }));
    return data;
  };
  for (const date of Object.keys(file.holidays).sort()) yearOf(date).holidays.push(date);
  for (const date of Object.keys(file.workdays).sort()) yearOf(date).workdays.push(date);
  // A package update with a bad entry must stop the process, not move a deadline.
  for (const data of years.values()) {
    const problems = checkCalendarYear(data);
    if (problems.length > 0) throw new CalendarDataError(data.year, problems);
  }
  return years;
}

function isDateRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
