import type Decimal from 'decimal.js';

/**
 * The hot-path twin of decimal.ts's `D` (precision 40, ROUND_HALF_UP) for the few operations scoring
 * does per indicator — a ratio, a ratio × weight rounded to the 分, sums of 分 — on native BigInt
 * integers instead of decimal.js instances: decimal.js copies its argument and allocates its result on
 * every operation, which was a third of the scoring time. Exact integers only, never JS numbers.
 *
 * An `Exact` is the non-negative value m × 10^e. Every operation here rounds as the `D` operation it
 * replaces does (exact result, then half up to 40 significant digits), so the two agree digit for digit;
 * exact.spec.ts holds each one to decimal.js.
 */
export interface Exact {
  readonly m: bigint;
  readonly e: number;
}

const PRECISION = 40;
const POW10: bigint[] = [1n];
/** 10^k as a BigInt. */
export function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[k]!;
}

const LIMIT = pow10(PRECISION);
// Products and scaled quotients stay below 10^90; larger ones are counted by their text.
const TABLE = 90;
pow10(TABLE);

export const EXACT_ZERO: Exact = Object.freeze({ m: 0n, e: 0 });
export const EXACT_ONE: Exact = Object.freeze({ m: 1n, e: 0 });

/** A non-negative decimal.js value as an Exact, read from its documented digits (d, e, s); null otherwise. */
export function exactOf(x: Decimal): Exact | null {
  const words = x.d;
  if (words === null || words === undefined || x.s < 0 || !Number.isFinite(x.e)) return null;
  if (words[0] === 0) return EXACT_ZERO;
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) digits += String(words[i]).padStart(7, '0');
  // The first digit stands at 10^e.
  return { m: BigInt(digits), e: x.e - digits.length + 1 };
}

/** Half up to 40 significant digits, as every `D` operation rounds its exact result. */
function round40(m: bigint, e: number): Exact {
  if (m < LIMIT) return { m, e };
  const drop = digitCount(m) - PRECISION;
  const unit = pow10(drop);
  const kept = m / unit;
  // Half up: the dropped part is at least half a unit of the 40th digit.
  return { m: (m - kept * unit) * 2n >= unit ? kept + 1n : kept, e: e + drop };
}

/** `D.div(a, b)` for b > 0. */
export function divide(a: Exact, b: Exact): Exact {
  if (a.m === 0n) return EXACT_ZERO;
  // Scale the dividend so that the integer quotient has more than 40 digits: its first dropped digit is
  // then exact, and half up needs no more than that digit.
  const k = Math.max(0, PRECISION + 1 - digitCount(a.m) + digitCount(b.m));
  return round40((a.m * pow10(k)) / b.m, a.e - b.e - k);
}

/** `D.mul(a, b)`. */
export function multiply(a: Exact, b: Exact): Exact {
  return round40(a.m * b.m, a.e + b.e);
}

/** `D.add(a, b)`. */
export function add(a: Exact, b: Exact): Exact {
  if (a.e === b.e) return round40(a.m + b.m, a.e);
  return a.e < b.e ? round40(a.m + b.m * pow10(b.e - a.e), a.e) : round40(a.m * pow10(a.e - b.e) + b.m, b.e);
}

/** `D.sub(a, b)` for a ≥ b. */
export function subtract(a: Exact, b: Exact): Exact {
  if (a.e === b.e) return round40(a.m - b.m, a.e);
  return a.e < b.e ? round40(a.m - b.m * pow10(b.e - a.e), a.e) : round40(a.m * pow10(a.e - b.e) - b.m, b.e);
}

/** a < b, = b, > b as -1, 0, 1. */
export function compareExact(a: Exact, b: Exact): number {
  const [x, y] = a.e === b.e ? [a.m, b.m] : a.e < b.e ? [a.m, b.m * pow10(b.e - a.e)] : [a.m * pow10(a.e - b.e), b.m];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The value × 10^dp, half up to an integer: `toDecimalPlaces(dp, ROUND_HALF_UP)` as a count of 10^-dp. */
export function scaledHalfUp(a: Exact, dp: number): bigint {
  if (a.e + dp >= 0) return a.m * pow10(a.e + dp);
  const unit = pow10(-dp - a.e);
  const q = a.m / unit;
  return (a.m - q * unit) * 2n >= unit ? q + 1n : q;
}

/** A count of 10^-dp rendered with exactly dp decimals (625n, 2 → "6.25"). */
export function formatScaled(n: bigint, dp: number): string {
  let t = n.toString();
  if (t.length <= dp) t = '0'.repeat(dp + 1 - t.length) + t;
  return `${t.slice(0, t.length - dp)}.${t.slice(t.length - dp)}`;
}

/** Half up to dp decimals, as text with exactly dp decimals: fixed2/fixed4 of decimal.ts for an Exact. */
export function fixedExact(a: Exact, dp: number): string {
  return formatScaled(scaledHalfUp(a, dp), dp);
}

/** An Exact from a count of 分 (625n → 6.25). */
export const fromCents = (cents: bigint): Exact => ({ m: cents, e: -2 });

/** An Exact from a non-negative decimal text already checked by its caller ("215457.60", "8"). */
export function parseExact(text: string): Exact {
  const dot = text.indexOf('.');
  if (dot < 0) return { m: BigInt(text), e: 0 };
  return { m: BigInt(text.slice(0, dot) + text.slice(dot + 1)), e: dot + 1 - text.length };
}

/** The number of decimal digits of m ≥ 0, by binary search in the table of powers (no string). */
function digitCount(m: bigint): number {
  if (m >= POW10[TABLE]!) return m.toString().length;
  // The least n ≥ 1 with m < 10^n.
  let [lo, hi] = [1, TABLE];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m < POW10[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
