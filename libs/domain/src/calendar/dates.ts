/**
 * Calendar dates as "YYYY-MM-DD" strings and whole-day numbers (days since 1970-01-01). Only UTC
 * arithmetic is used, so a date means the same day whatever the process TZ; the Asia/Shanghai
 * instant ↔ date conversion lives in ../time.
 */
import { CalendarDateError } from './errors';

const DAY_MS = 24 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a valid "YYYY-MM-DD", or null (2025-02-29 is not a date). */
export function tryDayNumber(date: string): number | null {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 02-30 over to 03-02 and maps years 0–99 to 1900–1999: the round trip catches both.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function isIsoDate(date: string): boolean {
  return tryDayNumber(date) !== null;
}

export function dayNumber(date: string): number {
  const n = tryDayNumber(date);
  if (n === null) throw new CalendarDateError(date);
  return n;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

export function daysInYear(year: number): number {
  return firstDayOfYear(year + 1) - firstDayOfYear(year);
}

/** The instant 00:00 Asia/Shanghai (UTC+08:00, no DST since 1991) that starts the given day. */
export function shanghaiMidnight(day: number): Date {
  return new Date(day * DAY_MS - 8 * 3600 * 1000);
}
