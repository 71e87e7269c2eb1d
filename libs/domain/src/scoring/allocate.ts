import { fixed2, HUNDRED, ONE, ZERO, type Dec } from './decimal';
import { fromCents, type Exact } from './exact';

/**
 * Splits `total` (at most 2 decimals) into 2-decimal amounts proportional to `shares` with the
 * largest-remainder method: each gets its exact share floored to the 分, and the 分 left over go to the
 * largest remainders. The amounts sum to `total` exactly, which is what keeps every indicator's rounded
 * points ≤ its weight and the form's total ≤ 100.
 *
 * Ties (an equal split: 50 / 3 → 16.67 + 16.67 + 16.66) go to the smaller key, not to the earlier
 * position, so that the score does not depend on the order of the indicators. Shares that are all
 * zero split the total equally.
 */
export function allocate(total: Dec, shares: readonly Dec[], keys: readonly string[]): Dec[] {
  const n = shares.length;
  if (n === 0) return [];
  const sum = shares.reduce((acc, s) => acc.plus(s), ZERO);
  const even = sum.isZero();
  const cents = total.times(HUNDRED);
  const floors: Dec[] = [];
  const remainders: Dec[] = [];
  let given = ZERO;
  for (const share of shares) {
    // Multiply before dividing: an exact share (16.67) stays exact at 40 significant digits.
    const exact = even ? cents.dividedBy(n) : cents.times(share).dividedBy(sum);
    const floor = exact.floor();
    floors.push(floor);
    remainders.push(exact.minus(floor));
    given = given.plus(floor);
  }
  const order = [...floors.keys()].sort(
    (a, b) => remainders[b]!.comparedTo(remainders[a]!) || compareKeys(keys[a], keys[b]) || a - b,
  );
  let left = cents.minus(given).toNumber(); // a count of 分, 0 ≤ left < n
  for (let k = 0; left > 0; k = (k + 1) % n, left--) floors[order[k]!] = floors[order[k]!]!.plus(1);
  return floors.map((f) => f.dividedBy(HUNDRED));
}

function compareKeys(a: string | undefined, b: string | undefined): number {
  const [x, y] = [a ?? '', b ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}


/** An amount with its 2-decimal text and its 分, so that hot paths format and convert each weight once. */
export interface Amount {
  value: Dec;
  text: string;
  /** The value in 分 (weights have at most 2 decimals). */
  cents: bigint;
  /** The same as an Exact, for exact.ts arithmetic. */
  exact: Exact;
}

/** The Amount of a value with at most 2 decimals (weights: scheme weights and allocate() results). */
export function amountOf(value: Dec): Amount {
  const text = fixed2(value);
  const cents = BigInt(text.replace('.', ''));
  return { value, text, cents, exact: fromCents(cents) };
}

// Equal splits recur (the same category weight over the same number of indicators on most forms).
interface EqualSplit {
  byRank: Amount[];
  /** Every share is the same amount (30 / 4): no order to establish. */
  uniform: boolean;
}
const EQUAL_SPLITS = new Map<string, EqualSplit>();
const EQUAL_SPLITS_LIMIT = 1_000;

/** allocate() for equal shares, cached per (total, count): the extra 分 go to the smallest keys. */
export function allocateEqually(total: Amount, keys: readonly string[]): Amount[] {
  const n = keys.length;
  const cacheKey = `${total.text}|${n}`;
  let split = EQUAL_SPLITS.get(cacheKey);
  if (split === undefined) {
    const ranks = keys.map((_k, i) => String(i).padStart(8, '0'));
    const byRank = allocate(total.value, keys.map(() => ONE), ranks).map(amountOf);
    split = { byRank, uniform: byRank.every((a) => a.text === byRank[0]!.text) };
    if (EQUAL_SPLITS.size >= EQUAL_SPLITS_LIMIT) EQUAL_SPLITS.clear();
    EQUAL_SPLITS.set(cacheKey, split);
  }
  if (split.uniform) return split.byRank.slice();
  const order = [...keys.keys()].sort((a, b) => compareKeys(keys[a], keys[b]) || a - b);
  const out = new Array<Amount>(n);
  order.forEach((index, rank) => (out[index] = split.byRank[rank]!));
  return out;
}
