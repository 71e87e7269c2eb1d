import { CalendarProblem } from './errors';
import { dayNumber, tryDayNumber, weekdayOfDay } from './dates';

/**
 * One year's official schedule, as the 国务院办公厅 notice publishes it: the 法定节假日 (including
 * the weekend days inside a holiday block) and the 调休上班 make-up working days (weekend days that
 * are worked). Every other day is a working day from Monday to Friday.
 */
export interface CalendarYearData {
  year: number;
  holidays: string[];
  workdays: string[];
}

/** Years an administrator may load; chinese-days starts at 2004. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

/**
 * Every problem of a year's data (empty = usable), for `PUT /api/calendar/:year`; `routeYear` is
 * the year of the URL when there is one. The input may come straight from JSON, so shapes are checked.
 */
export function checkCalendarYear(data: CalendarYearData, routeYear?: number): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (path: string, rule: string, message: string) => problems.push({ path, rule, message });
  const year = data?.year;
  const yearOk = Number.isInteger(year) && year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
  if (!yearOk) add('year', 'calendar.year', `年份应为 ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR} 之间的整数`);
  else if (routeYear !== undefined && routeYear !== year) {
    add('year', 'calendar.yearMismatch', `数据中的年份 ${year} 与请求路径中的年份 ${routeYear} 不一致`);
  }
  const holidays = checkList(data?.holidays, 'holidays', yearOk ? year : null, add);
  const workdays = checkList(data?.workdays, 'workdays', yearOk ? year : null, add);

  workdays.forEach((i, date) => {
    if (holidays.has(date)) add(`workdays[${i}]`, 'calendar.conflict', `${date} 不能既是节假日又是调休上班日`);
    else {
      const weekday = weekdayOfDay(dayNumber(date));
      // A make-up working day on a Monday–Friday changes nothing: almost surely a mistyped date.
      if (weekday !== 0 && weekday !== 6) add(`workdays[${i}]`, 'calendar.workdayNotWeekend', `调休上班日 ${date} 不是周六或周日`);
    }
  });
  // 元旦 is a 法定节假日 every year (《全国年节及纪念日放假办法》): its absence means an empty or partial load.
  if (yearOk && Array.isArray(data.holidays) && !holidays.has(`${year}-01-01`)) {
    add('holidays', 'calendar.newYear', `节假日应包含元旦 ${year}-01-01`);
  }
  return problems;
}

type Add = (path: string, rule: string, message: string) => void;

/** The valid, in-year, first-seen dates of a list with their index; every other entry is reported. */
function checkList(list: unknown, key: 'holidays' | 'workdays', year: number | null, add: Add): Map<string, number> {
  const dates = new Map<string, number>(); // date → its index in the list
  if (!Array.isArray(list)) {
    add(key, 'calendar.list', '应为日期（YYYY-MM-DD）的列表');
    return dates;
  }
  list.forEach((date: unknown, i) => {
    const path = `${key}[${i}]`;
    if (typeof date !== 'string' || tryDayNumber(date) === null) add(path, 'calendar.date', `“${String(date)}”不是有效的日期（应为 YYYY-MM-DD）`);
    else if (year !== null && !date.startsWith(`${year}-`)) add(path, 'calendar.outsideYear', `${date} 不在 ${year} 年内`);
    else if (dates.has(date)) add(path, 'calendar.duplicate', `${date} 重复出现`);
    else dates.set(date, i);
  });
  return dates;
}
