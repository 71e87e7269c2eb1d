/**
 * ISO-8601 durations for reminder offsets (DESIGN §3: "P7D, P3D, P1D; PT5S works in tests").
 * Only fixed-length units are accepted — weeks, days, hours, minutes, seconds — because "one month
 * before a deadline" has no fixed length; a day is 24 hours before the deadline instant.
 */
const DURATION = /^P(?:(\d{1,4})W)?(?:(\d{1,4})D)?(?:T(?:(\d{1,5})H)?(?:(\d{1,6})M)?(?:(\d{1,7})S)?)?$/;

export const MAX_OFFSET_MS = 366 * 24 * 3600 * 1000;

/** Milliseconds of a duration such as "P7D" or "PT5S"; null when it is not one we accept. */
export function durationMs(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, min, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  const ms = ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000;
  return ms > 0 && ms <= MAX_OFFSET_MS ? ms : null;
}
