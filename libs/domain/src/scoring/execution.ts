import { parsePrintedAmount } from '../money';
import type { Amount } from './allocate';
import type { CompiledScheme } from './check-scheme';
import { D, isNonNegativeText, type Dec } from './decimal';
import { compareExact, divide, EXACT_ONE, EXACT_ZERO, exactOf, fixedExact, formatScaled, multiply, parseExact, scaledHalfUp, type Exact } from './exact';
import { hasText, type Problems } from './problems';
import type { ExecutionScore } from './types';

/** An amount in 元: plain or printed with thousands separators, not negative; null otherwise. */
function amount(text: unknown): Exact | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (isNonNegativeText(t)) return parseExact(t); // the usual "215457.60"
  const plain = parsePrintedAmount(text);
  if (plain === null) return null;
  return exactOf(new D(plain)); // null when negative
}

// The scheme's threshold as an Exact (checkScheme: a non-negative decimal).
const BELOW = new WeakMap<CompiledScheme, Exact>();
function reasonBelow(s: CompiledScheme): Exact {
  let x = BELOW.get(s);
  if (x === undefined) BELOW.set(s, (x = exactOf(s.executionReasonBelow)!));
  return x;
}


/**
 * 预算执行率 (DESIGN §4): rate = 全年执行数 / 全年预算数, points = min(rate, 1) × weight, 2 decimals
 * (86.19 % of 10 → 8.62). The points use the exact rate, not the 4-decimal one shown, so that no value is
 * rounded twice. A rate below the scheme's threshold (90 %) needs a written reason.
 */
export function scoreExecution(
  approvedAmount: unknown,
  executed: unknown,
  reason: unknown,
  weight: Amount,
  s: CompiledScheme,
  problems: Problems,
): { score: ExecutionScore; points: bigint } {
  const budget = amount(approvedAmount);
  const spent = amount(executed);
  if (budget === null) problems.error('baseline.approvedAmount', 'baseline.approvedAmount', `全年预算数“${String(approvedAmount)}”不是有效金额。`);
  if (spent === null) {
    const message = hasText(executed) ? `全年执行数“${String(executed)}”不是有效金额（元，非负）。` : '请填写全年执行数。';
    problems.error('execution.missing', 'budgetExecuted', message);
  }

  let rate = EXACT_ZERO;
  if (budget !== null && spent !== null) {
    if (budget.m === 0n) {
      problems.warning('execution.zeroBudget', 'baseline.approvedAmount', '全年预算数为 0，预算执行率按 0 计。');
    } else {
      rate = divide(spent, budget);
      if (compareExact(rate, EXACT_ONE) > 0) problems.warning('execution.overBudget', 'budgetExecuted', '全年执行数超过全年预算数，执行率按 100% 计分。');
    }
  }
  // round2(min(rate, 1) × weight) in 分.
  const points = scaledHalfUp(multiply(compareExact(rate, EXACT_ONE) <= 0 ? rate : EXACT_ONE, weight.exact), 2);
  const reasonRequired = spent !== null && compareExact(rate, reasonBelow(s)) < 0;
  const reasonGiven = hasText(reason);
  if (reasonRequired && !reasonGiven) {
    const threshold = s.executionReasonBelow.times(100).toFixed();
    problems.error('reason.required', 'executionReason', `预算执行率为 ${toDec(rate).times(100).toFixed(2)}%，低于 ${threshold}%，须填写原因说明。`);
  }
  return {
    points,
    score: {
      budget: budget === null ? '0.00' : fixedExact(budget, 2),
      executed: spent === null ? '0.00' : fixedExact(spent, 2),
      rate: fixedExact(rate, 4),
      weight: weight.text,
      points: formatScaled(points, 2),
      reasonRequired,
      reasonGiven,
    },
  };
}

/** The D of an Exact, for messages (the exponent form is exact). */
function toDec(x: Exact): Dec {
  return new D(`${x.m}e${x.e}`);
}
