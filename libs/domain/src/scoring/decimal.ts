import Decimal from 'decimal.js';

/**
 * Scoring arithmetic: decimal.js only, never JS numbers (a score is re-computable to the fen).
 * 40 significant digits keep every intermediate ratio exact enough that only the final, explicit
 * half-up rounding to 2 (or 4) decimals is ever visible.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

const NON_NEGATIVE = /^\d+(\.\d+)?$/;
const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;

/** A non-negative decimal string (no sign, no exponent), or null. */
export function nonNegative(text: unknown): Decimal | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  return NON_NEGATIVE.test(t) ? new D(t) : null;
}

/** Whether a (trimmed) string is a non-negative decimal (no sign, no exponent). */
export const isNonNegativeText = (t: string): boolean => NON_NEGATIVE.test(t);

/** Whether a string is a non-negative decimal with at most 2 decimals (weights, points). */
export function isTwoDecimals(text: unknown): text is string {
  return typeof text === 'string' && TWO_DECIMALS.test(text.trim());
}

// Parse results are memoised and frozen (parseTarget), so their values can be converted once.
const VALUES = new WeakMap<object, Decimal>();

/** The Decimal of a parsed quantity's value ("31000.00" → 31000). */
export function quantityValue(q: { readonly value: string }): Decimal {
  let d = VALUES.get(q);
  if (d === undefined) {
    d = new D(q.value);
    VALUES.set(q, d);
  }
  return d;
}

/** Half-up to 2 decimals, rendered with exactly 2 ("8.62"). */
export function fixed2(d: Decimal): string {
  if (d === ZERO) return '0.00';
  return halfUpFixed(d, 2);
}

/** Half-up to 4 decimals ("0.8618"): rates and ratios. */
export function fixed4(d: Decimal): string {
  if (d === ONE) return '1.0000';
  if (d === ZERO) return '0.0000';
  return halfUpFixed(d, 4);
}

/**
 * `d.toFixed(dp, ROUND_HALF_UP)` without "-0.00", read straight from the instance's documented digits
 * (`d`: base-1e7 words, `e`: base-10 exponent, `s`: sign). decimal.js copies and re-rounds the value
 * first, which made formatting a fifth of the scoring time; decimal.spec.ts checks the two agree.
 */
function halfUpFixed(x: Decimal, dp: number): string {
  const words = x.d;
  if (words === null || words === undefined || !Number.isFinite(x.e)) return x.toFixed(dp, Decimal.ROUND_HALF_UP);
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) digits += String(words[i]).padStart(7, '0');
  // The value is 0.<digits> × 10^(e+1); its scaled integer keeps the first e + 1 + dp digits.
  const keep = x.e + 1 + dp;
  let scaled: string;
  if (keep < 0 || (keep === 0 && digits.charCodeAt(0) < 53)) scaled = '0';
  else if (keep === 0) scaled = '1';
  else {
    scaled = digits.length >= keep ? digits.slice(0, keep) : digits + '0'.repeat(keep - digits.length);
    if (digits.length > keep && digits.charCodeAt(keep) >= 53) scaled = (BigInt(scaled) + 1n).toString();
  }
  if (scaled.length <= dp) scaled = '0'.repeat(dp + 1 - scaled.length) + scaled;
  const text = `${scaled.slice(0, scaled.length - dp)}.${scaled.slice(scaled.length - dp)}`;
  return x.s < 0 && /[1-9]/.test(scaled) ? `-${text}` : text;
}

/**
 * compare(a, b) < 0, = 0, > 0 as a < b, a = b, a > b, for finite values. decimal.js's comparisons first
 * copy their argument into a new instance; these hot-path comparisons of our own values need not.
 */
export function compare(x: Decimal, y: Decimal): number {
  const [xd, yd, xs, ys] = [x.d, y.d, x.s, y.s];
  if (!xd || !yd) return x.comparedTo(y); // NaN or ±Infinity: never built by scoring, kept correct anyway
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e) !== xs < 0 ? 1 : -1;
  const n = Math.min(xd.length, yd.length);
  for (let i = 0; i < n; i++) if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== xs < 0 ? 1 : -1;
  return xd.length === yd.length ? 0 : (xd.length > yd.length) !== xs < 0 ? 1 : -1;
}

export const gte = (x: Decimal, y: Decimal): boolean => compare(x, y) >= 0;
export const gt = (x: Decimal, y: Decimal): boolean => compare(x, y) > 0;
export const lte = (x: Decimal, y: Decimal): boolean => compare(x, y) <= 0;
export const lt = (x: Decimal, y: Decimal): boolean => compare(x, y) < 0;
export const eq = (x: Decimal, y: Decimal): boolean => compare(x, y) === 0;

/**
 * The plain decimal.js forms of what exact.ts computes on the hot path: rounding half up to the 分,
 * and a ratio kept within [0, 1]. exact.spec.ts holds the fast path to these.
 */
export function round2(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function clamp01(d: Decimal): Decimal {
  if (d.isNeg()) return ZERO;
  return gt(d, ONE) ? ONE : d;
}
