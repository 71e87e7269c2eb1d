import type { QuantitativeTarget } from '../targets/types';
import type { CompiledScheme } from './check-scheme';
import { eq, gt, gte, lt, lte, quantityValue, type Dec } from './decimal';
import { add, compareExact, divide, EXACT_ONE, EXACT_ZERO, exactOf, subtract, type Exact } from './exact';
import type { QuantityRule } from './types';

/** How one actual fares against one target quantity; ratio is the fraction of the weight earned. */
export interface QuantityOutcome {
  met: boolean;
  /** In [0, 1]: an indicator never scores above its weight (DESIGN §4). */
  ratio: Exact;
  rule: QuantityRule;
  /** The actual is ≥ explainAboveRatio × a positive (or equal) target: ask why (偏差原因说明). */
  explain: boolean;
}

// explainAboveRatio × target, per scheme and (memoised, frozen) target quantity.
const THRESHOLDS = new WeakMap<CompiledScheme, WeakMap<object, Dec>>();
function explainThreshold(target: QuantitativeTarget, t: Dec, s: CompiledScheme): Dec {
  let byTarget = THRESHOLDS.get(s);
  if (byTarget === undefined) THRESHOLDS.set(s, (byTarget = new WeakMap()));
  let threshold = byTarget.get(target);
  if (threshold === undefined) byTarget.set(target, (threshold = t.times(s.explainAboveRatio)));
  return threshold;
}

const outcome = (met: boolean, ratio: Exact, rule: QuantityRule, explain = false): QuantityOutcome => ({ met, ratio, rule, explain });

// The Exact of a quantity's value, per (memoised, frozen) parsed quantity; null when it is negative.
const EXACTS = new WeakMap<object, Exact | null>();
function quantityExact(q: QuantitativeTarget): Exact | null {
  let x = EXACTS.get(q);
  if (x === undefined) EXACTS.set(q, (x = exactOf(quantityValue(q))));
  return x;
}

/** clamp01(a / t) of decimal.ts for t > 0, on exact.ts; a negative actual earns 0. */
function ratioOf(a: Exact | null, t: Exact): Exact {
  return a === null ? EXACT_ZERO : atMostOne(divide(a, t));
}

function atMostOne(r: Exact): Exact {
  return compareExact(r, EXACT_ONE) > 0 ? EXACT_ONE : r;
}

/** clamp01(1 − (a − t) / t) for a ≥ t > 0, the linear reverse formula. */
export function linearReverseRatio(a: Exact, t: Exact): Exact {
  const over = divide(subtract(a, t), t);
  return compareExact(over, EXACT_ONE) >= 0 ? EXACT_ZERO : atMostOne(subtract(EXACT_ONE, over));
}

/**
 * The formulas of 财预〔2020〕10号 as DESIGN §4 states them:
 * - positive (≥ >) and equal (=): met → full; else actual / target; target 0: actual 0 → full, else 0.
 *   A strict `>` is met only above the target.
 * - reverse (≤ <): met → full; else target / actual (`ratio`), or 1 − (actual − target) / target
 *   floored at 0 (`linear`: full at the target, 0 at twice it). An actual of 0 meets a reverse target.
 * A negative target (a rate of decline written as ≥-5) has no meaningful ratio: met or 0.
 */
export function scoreQuantity(target: QuantitativeTarget, actualQ: QuantitativeTarget, s: CompiledScheme): QuantityOutcome {
  const t = quantityValue(target);
  const actual = quantityValue(actualQ);
  switch (target.direction) {
    case 'positive': {
      if (target.comparator === '>' ? gt(actual, t) : gte(actual, t)) {
        // Only a met target can be exceeded by 30 %.
        const explain = t.isPos() && !t.isZero() && gte(actual, explainThreshold(target, t, s));
        return outcome(true, EXACT_ONE, 'positive.met', explain);
      }
      if (t.isZero()) return outcome(false, EXACT_ZERO, 'zeroTarget');
      if (t.isNeg()) return outcome(false, EXACT_ZERO, 'negativeTarget');
      return outcome(false, ratioOf(quantityExact(actualQ), quantityExact(target)!), 'positive.ratio');
    }
    case 'equal': {
      if (eq(actual, t)) return outcome(true, EXACT_ONE, 'equal.met');
      if (t.isZero()) return outcome(false, EXACT_ZERO, 'zeroTarget');
      if (t.isNeg()) return outcome(false, EXACT_ZERO, 'negativeTarget');
      // Above an = target the ratio is capped at full; the deviation still needs a reason.
      return outcome(false, ratioOf(quantityExact(actualQ), quantityExact(target)!), 'equal.ratio', gte(actual, explainThreshold(target, t, s)));
    }
    case 'reverse': {
      const within = target.comparator === '<' ? lt(actual, t) : lte(actual, t);
      if (within || (actual.isZero() && !t.isNeg())) return outcome(true, EXACT_ONE, 'reverse.met');
      if (t.isZero()) return outcome(false, EXACT_ZERO, 'zeroTarget');
      if (t.isNeg()) return outcome(false, EXACT_ZERO, 'negativeTarget');
      // Here actual ≥ target > 0.
      if (s.scheme.reverseFormula === 'linear') {
        return outcome(false, linearReverseRatio(quantityExact(actualQ)!, quantityExact(target)!), 'reverse.linear');
      }
      return outcome(false, atMostOne(divide(quantityExact(target)!, quantityExact(actualQ)!)), 'reverse.ratio');
    }
  }
}

/** Compound targets: every part met → full; else the mean of the parts' ratios (each ≤ 1). */
export function combineParts(parts: readonly QuantityOutcome[]): { met: boolean; ratio: Exact; explain: boolean } {
  const met = parts.every((p) => p.met);
  if (met) return { met, ratio: EXACT_ONE, explain: parts.some((p) => p.explain) };
  const sum = parts.reduce((acc, p) => add(acc, p.ratio), EXACT_ZERO);
  return { met, ratio: divide(sum, { m: BigInt(parts.length), e: 0 }), explain: parts.some((p) => p.explain) };
}
