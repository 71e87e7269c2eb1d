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
  const s = d.toFixed(2, Decimal.ROUND_HALF_UP);
  return s === '-0.00' ? '0.00' : s;
}

/** Half-up to 4 decimals ("0.8618"): rates and ratios. */
export function fixed4(d: Decimal): string {
  if (d === ONE) return '1.0000';
  if (d === ZERO) return '0.0000';
  const s = d.toFixed(4, Decimal.ROUND_HALF_UP);
  return s === '-0.0000' ? '0.0000' : s;
}

/** Rounds half up to the 分 (0.01) and keeps it a Decimal, for sums of rounded scores. */
export function round2(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function clamp01(d: Decimal): Decimal {
  if (d.isNeg()) return ZERO;
  return d.gt(ONE) ? ONE : d;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}
