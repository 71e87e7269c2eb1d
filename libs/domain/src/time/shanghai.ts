/**
 * Asia/Shanghai is UTC+08:00 all year (China has had no daylight saving time since 1991), so an
 * instant can be written in the business time zone without a time-zone database.
 */
const OFFSET_MS = 8 * 3600 * 1000;

/** "2024-03-15T18:00:00+08:00" for the instant, whatever the server's TZ. */
export function toShanghaiIso(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS).toISOString(); // 2024-03-15T18:00:00.000Z
  const millis = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${millis}+08:00`;
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
