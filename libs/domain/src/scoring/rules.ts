import type { QuantitativeTarget } from '../targets/types';
import type { CompiledScheme } from './check-scheme';
import { clamp01, eq, gt, gte, lt, lte, ONE, quantityValue, ZERO, type Dec } from './decimal';
import type { QuantityRule } from './types';

/** How one actual fares against one target quantity; ratio is the fraction of the weight earned. */
export interface QuantityOutcome {
  met: boolean;
  /** In [0, 1]: an indicator never scores above its weight (DESIGN §4). */
  ratio: Dec;
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

const outcome = (met: boolean, ratio: Dec, rule: QuantityRule, explain = false): QuantityOutcome => ({ met, ratio, rule, explain });

/**
 * The formulas of 财预〔2020〕10号 as DESIGN §4 states them:
 * - positive (≥ >) and equal (=): met → full; else actual / target; target 0: actual 0 → full, else 0.
 *   A strict `>` is met only above the target.
 * - reverse (≤ <): met → full; else target / actual (`ratio`), or 1 − (actual − target) / target
 *   floored at 0 (`linear`: full at the target, 0 at twice it). An actual of 0 meets a reverse target.
 * A negative target (a rate of decline written as ≥-5) has no meaningful ratio: met or 0.
 */
export function scoreQuantity(target: QuantitativeTarget, actual: Dec, s: CompiledScheme): QuantityOutcome {
  const t = quantityValue(target);
  switch (target.direction) {
    case 'positive': {
      if (target.comparator === '>' ? gt(actual, t) : gte(actual, t)) {
        // Only a met target can be exceeded by 30 %.
        const explain = t.isPos() && !t.isZero() && gte(actual, explainThreshold(target, t, s));
        return outcome(true, ONE, 'positive.met', explain);
      }
      if (t.isZero()) return outcome(false, ZERO, 'zeroTarget');
      if (t.isNeg()) return outcome(false, ZERO, 'negativeTarget');
      return outcome(false, clamp01(actual.dividedBy(t)), 'positive.ratio');
    }
    case 'equal': {
      if (eq(actual, t)) return outcome(true, ONE, 'equal.met');
      if (t.isZero()) return outcome(false, ZERO, 'zeroTarget');
      if (t.isNeg()) return outcome(false, ZERO, 'negativeTarget');
      // Above an = target the ratio is capped at full; the deviation still needs a reason.
      return outcome(false, clamp01(actual.dividedBy(t)), 'equal.ratio', gte(actual, explainThreshold(target, t, s)));
    }
    case 'reverse': {
      const within = target.comparator === '<' ? lt(actual, t) : lte(actual, t);
      if (within || (actual.isZero() && !t.isNeg())) return outcome(true, ONE, 'reverse.met');
      if (t.isZero()) return outcome(false, ZERO, 'zeroTarget');
      if (t.isNeg()) return outcome(false, ZERO, 'negativeTarget');
      // Here actual ≥ target > 0.
      if (s.scheme.reverseFormula === 'linear') {
        return outcome(false, clamp01(ONE.minus(actual.minus(t).dividedBy(t))), 'reverse.linear');
      }
      return outcome(false, clamp01(t.dividedBy(actual)), 'reverse.ratio');
    }
  }
}

/** Compound targets: every part met → full; else the mean of the parts' ratios (each ≤ 1). */
export function combineParts(parts: readonly QuantityOutcome[]): { met: boolean; ratio: Dec; explain: boolean } {
  const met = parts.every((p) => p.met);
  const sum = parts.reduce((acc, p) => acc.plus(p.ratio), ZERO);
  return { met, ratio: met ? ONE : sum.dividedBy(parts.length), explain: parts.some((p) => p.explain) };
}
