import { parsePrintedAmount } from '../money';
import type { Amount } from './allocate';
import type { CompiledScheme } from './check-scheme';
import { D, fixed2, fixed4, gt, lt, min, nonNegative, ONE, round2, ZERO, type Dec } from './decimal';
import { hasText, type Problems } from './problems';
import type { ExecutionScore } from './types';

/** An amount in 元: plain or printed with thousands separators, not negative; null otherwise. */
function amount(text: unknown): Dec | null {
  if (typeof text !== 'string') return null;
  const fast = nonNegative(text); // the usual "215457.60"
  if (fast !== null) return fast;
  const plain = parsePrintedAmount(text);
  if (plain === null) return null;
  const d = new D(plain);
  return d.isNeg() ? null : d;
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
): { score: ExecutionScore; points: Dec } {
  const budget = amount(approvedAmount);
  const spent = amount(executed);
  if (budget === null) problems.error('baseline.approvedAmount', 'baseline.approvedAmount', `全年预算数“${String(approvedAmount)}”不是有效金额。`);
  if (spent === null) {
    const message = hasText(executed) ? `全年执行数“${String(executed)}”不是有效金额（元，非负）。` : '请填写全年执行数。';
    problems.error('execution.missing', 'budgetExecuted', message);
  }

  let rate = ZERO;
  if (budget !== null && spent !== null) {
    if (budget.isZero()) {
      problems.warning('execution.zeroBudget', 'baseline.approvedAmount', '全年预算数为 0，预算执行率按 0 计。');
    } else {
      rate = spent.dividedBy(budget);
      if (gt(rate, ONE)) problems.warning('execution.overBudget', 'budgetExecuted', '全年执行数超过全年预算数，执行率按 100% 计分。');
    }
  }
  const points = round2(min(rate, ONE).times(weight.value));
  const reasonRequired = spent !== null && lt(rate, s.executionReasonBelow);
  const reasonGiven = hasText(reason);
  if (reasonRequired && !reasonGiven) {
    const threshold = s.executionReasonBelow.times(100).toFixed();
    problems.error('reason.required', 'executionReason', `预算执行率为 ${rate.times(100).toFixed(2)}%，低于 ${threshold}%，须填写原因说明。`);
  }
  return {
    points,
    score: {
      budget: budget === null ? '0.00' : fixed2(budget),
      executed: spent === null ? '0.00' : fixed2(spent),
      rate: fixed4(rate),
      weight: weight.text,
      points: fixed2(points),
      reasonRequired,
      reasonGiven,
    },
  };
}
