import Decimal from 'decimal.js';

/**
 * Money in Jixiao: a decimal string in 元 with at most 2 decimals ("937980.00"), computed with
 * decimal.js and stored as numeric. Never a JavaScript number (API.md: "numbers are not accepted for money").
 */
export type Money = string;

// A private Decimal constructor: 40 significant digits, banker's rounding never used for money.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const MONEY_INPUT = /^-?\d+(\.\d{1,2})?$/;
/** Plain decimal text, optionally with thousands separators as printed in published forms (1,819,200.00). */
const PRINTED_AMOUNT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export class MoneyError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** Whether a string is acceptable money input: digits, optional minus, at most 2 decimals. */
export function isMoney(value: unknown): value is Money {
  return typeof value === 'string' && MONEY_INPUT.test(value);
}

/** Normalises valid money input to exactly 2 decimals ("35" → "35.00"); throws MoneyError otherwise. */
export function money(value: string): Money {
  if (!isMoney(value)) throw new MoneyError(value, `金额格式不正确：“${value}”（应为最多两位小数的数字字符串）`);
  return new D(value).toFixed(2);
}

/** A Decimal for computing; callers convert back with toMoney(). */
export function dec(value: Money | Decimal): Decimal {
  return value instanceof Decimal ? value : new D(value);
}

/** Rounds half up to the fen (分) and renders with 2 decimals. */
export function toMoney(value: Decimal): Money {
  const fixed = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return fixed === '-0.00' ? '0.00' : fixed;
}

export function addMoney(...values: Money[]): Money {
  return toMoney(values.reduce((sum, v) => sum.plus(dec(v)), new D(0)));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  return dec(a).comparedTo(dec(b)) as -1 | 0 | 1;
}

/**
 * An amount as printed in a form: thousands separators allowed, any number of decimals.
 * Returns the plain decimal text ("1,559,500" → "1559500") or null when it is not a number.
 */
export function parsePrintedAmount(text: string): string | null {
  const t = text.trim().replace(/，/g, ',').replace(/\s+/g, '');
  if (!PRINTED_AMOUNT.test(t)) return null;
  return new D(t.replace(/,/g, '')).toFixed();
}

/** 元 from an amount printed in 元 ("937,980.00" → "937980.00"); null when not a number. */
export function yuanFromPrinted(text: string): Money | null {
  const plain = parsePrintedAmount(text);
  return plain === null ? null : toMoney(new D(plain));
}

/**
 * 万元 → 元, exactly: 1 万元 = 10 000 元 ("35.5" → "355000.00"). Amounts below a fen (more than 6
 * decimals in 万元) cannot be money: MoneyError rather than silent rounding.
 */
export function wanYuanToYuan(wan: string): Money {
  const plain = parsePrintedAmount(wan);
  if (plain === null) throw new MoneyError(wan, `万元金额格式不正确：“${wan}”`);
  const yuan = new D(plain).times(10_000);
  if (!yuan.equals(yuan.toDecimalPlaces(2))) throw new MoneyError(wan, `“${wan}万元”不是整分金额`);
  return toMoney(yuan);
}

/** 元 → 万元 as a plain decimal string without trailing zeros ("355000.00" → "35.5"). */
export function yuanToWanYuan(yuan: Money): string {
  return dec(yuan).dividedBy(10_000).toFixed();
}

/** 元 as people read it in a message: digits grouped by thousands, 2 decimals ("1800000" → "1,800,000.00"). */
export function formatYuan(yuan: Money): string {
  const [int, frac] = dec(yuan).toFixed(2).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
