/**
 * Calendar questions with answers worked out by hand, shared by the in-process specs and the
 * per-TZ child processes of timezone.spec.ts (jest's sandboxed process.env does not reach the
 * real TZ, so other time zones need a process of their own).
 */
import { WorkingDayCalendar } from './working-day-calendar';

export interface CalendarCase {
  name: string;
  ask: (calendar: WorkingDayCalendar) => unknown;
  /** A value, a Date, or the error the question must raise ({ error, year }). */
  expected: unknown;
}

const missing = (year: number) => ({ error: 'CalendarYearMissingError', year });
const at = (iso: string) => new Date(iso); // ISO strings with an explicit offset: no local time involved

export const CALENDAR_CASES: CalendarCase[] = [
  // 2025 National Day + Mid-Autumn: 10-01 (Wed) … 10-08 off; 09-28 (Sun) and 10-11 (Sat) worked.
  { name: '2025-10-01 国庆 is off', ask: (c) => c.isWorkingDay('2025-10-01'), expected: false },
  { name: '2025-10-08 (Wed, last day of the block) is off', ask: (c) => c.isWorkingDay('2025-10-08'), expected: false },
  { name: '2025-09-28 (Sun) 调休上班', ask: (c) => c.isWorkingDay('2025-09-28'), expected: true },
  { name: '2025-10-11 (Sat) 调休上班', ask: (c) => c.isWorkingDay('2025-10-11'), expected: true },
  // 2026 Spring Festival: 02-15 (Sun) … 02-23 (Mon) off; 02-14 (Sat) and 02-28 (Sat) worked.
  { name: '2026-02-14 (Sat) 调休上班', ask: (c) => c.isWorkingDay('2026-02-14'), expected: true },
  { name: '2026-02-16 除夕 (Mon) is off', ask: (c) => c.isWorkingDay('2026-02-16'), expected: false },
  { name: '2026-02-23 (Mon) is off', ask: (c) => c.isWorkingDay('2026-02-23'), expected: false },
  { name: '2026-02-28 (Sat) 调休上班', ask: (c) => c.isWorkingDay('2026-02-28'), expected: true },
  { name: 'an ordinary Saturday 2025-03-08 is off', ask: (c) => c.isWorkingDay('2025-03-08'), expected: false },
  { name: 'an ordinary Monday 2025-03-03 works', ask: (c) => c.isWorkingDay('2025-03-03'), expected: true },
  // Fri 09-26 + 5: 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5).
  { name: 'addWorkingDays 2025-09-26 + 5 = 2025-10-10', ask: (c) => c.addWorkingDays('2025-09-26', 5), expected: '2025-10-10' },
  // …and the 6th is the make-up Saturday 10-11.
  { name: 'addWorkingDays 2025-09-26 + 6 = 2025-10-11 (Sat)', ask: (c) => c.addWorkingDays('2025-09-26', 6), expected: '2025-10-11' },
  { name: 'nextWorkingDay(2025-09-30) jumps the holiday', ask: (c) => c.nextWorkingDay('2025-09-30'), expected: '2025-10-09' },
  { name: 'previousWorkingDay(2025-10-09) = 2025-09-30', ask: (c) => c.previousWorkingDay('2025-10-09'), expected: '2025-09-30' },
  { name: 'previousWorkingDay(2026-03-02) = Sat 2026-02-28', ask: (c) => c.previousWorkingDay('2026-03-02'), expected: '2026-02-28' },
  // 第二百零一条: start Fri 09-26 not counted; the 5th working day is 10-10; 第二百零三条: ends 10-10 24:00.
  {
    name: '民法典201/203: Fri 2025-09-26 17:00 +08:00, 5 working days → 2025-10-10 24:00',
    ask: (c) => c.deadlineAfterWorkingDays(at('2025-09-26T17:00:00+08:00'), 5),
    expected: at('2025-10-11T00:00:00+08:00'),
  },
  // Same start, 6 days: the 6th is the make-up Saturday 10-11, so 10-11 24:00.
  {
    name: '民法典201/203: Fri 2025-09-26 17:00 +08:00, 6 working days → 2025-10-11 24:00 (make-up Sat)',
    ask: (c) => c.deadlineAfterWorkingDays(at('2025-09-26T17:00:00+08:00'), 6),
    expected: at('2025-10-12T00:00:00+08:00'),
  },
  // 2025-09-29T17:00Z is Mon 09-29 in UTC but Tue 09-30 01:00 in Shanghai: the start day is 09-30,
  // so the 1st working day is 10-09 (a UTC reading would give 09-30 and end at 10-01 00:00).
  {
    name: '民法典201: late evening UTC already the next day in Shanghai (2025-09-29T17:00Z, 1 day)',
    ask: (c) => c.deadlineAfterWorkingDays(at('2025-09-29T17:00:00Z'), 1),
    expected: at('2025-10-10T00:00:00+08:00'),
  },
  // 2026-02-13T16:30Z = Sat 02-14 00:30 Shanghai (a make-up day, not counted as the start day);
  // 02-15…23 off, so the 1st working day is Tue 02-24.
  {
    name: '民法典201: 2026-02-13T16:30Z is the make-up Saturday in Shanghai; 1 day → 2026-02-24 24:00',
    ask: (c) => c.deadlineAfterWorkingDays(at('2026-02-13T16:30:00Z'), 1),
    expected: at('2026-02-25T00:00:00+08:00'),
  },
  // The last millisecond of Thu 09-25 in Shanghai: 09-26 (1), 09-28 (2), 09-29 (3), 09-30 (4), 10-09 (5).
  {
    name: '民法典201: 2025-09-25 23:59:59.999 +08:00 still starts on Thursday',
    ask: (c) => c.deadlineAfterWorkingDays(at('2025-09-25T23:59:59.999+08:00'), 5),
    expected: at('2025-10-10T00:00:00+08:00'),
  },
  { name: '2027 has no data: isWorkingDay refuses', ask: (c) => c.isWorkingDay('2027-01-04'), expected: missing(2027) },
  // 2026-12-31 (Thu) is the 1st; the 2nd would be in 2027.
  { name: 'counting into 2027 refuses', ask: (c) => c.addWorkingDays('2026-12-30', 2), expected: missing(2027) },
  { name: 'stepping back into 2003 refuses', ask: (c) => c.previousWorkingDay('2004-01-02'), expected: missing(2003) },
  {
    name: 'a deadline that would end in 2027 refuses',
    ask: (c) => c.deadlineAfterWorkingDays(at('2026-12-28T10:00:00+08:00'), 10),
    expected: missing(2027),
  },
];

/** JSON-safe form of an answer (or of the error it threw), identical in every process. */
export function serializeAnswer(ask: () => unknown): unknown {
  try {
    return normalize(ask());
  } catch (error) {
    const e = error as { name?: string; year?: number };
    return { error: e.name, year: e.year };
  }
}

export function normalize(value: unknown): unknown {
  return value instanceof Date ? { instant: value.toISOString() } : value;
}

export function answerCalendarCases(calendar = WorkingDayCalendar.chineseDays()): unknown[] {
  return CALENDAR_CASES.map((c) => serializeAnswer(() => c.ask(calendar)));
}
