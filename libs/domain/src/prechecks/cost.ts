import Decimal from 'decimal.js';
import { dec, isMoney, toMoney } from '../money';
import { isEconomicCost } from './context';
import type { Issue, PrecheckContext } from './types';
import { YUAN_PER_UNIT } from './units';

/** Relative difference above which the 经济成本 amounts and the requested total disagree. */
const TOLERANCE = dec('0.01');

interface CostAmounts {
  yuan: Decimal;
  /** Half a unit of the last written digit of each amount, in 元: what rounding can explain. */
  rounding: Decimal;
  count: number;
}

function costAmounts(ctx: PrecheckContext): CostAmounts {
  const result: CostAmounts = { yuan: dec('0'), rounding: dec('0'), count: 0 };
  for (const view of ctx.indicators.filter(isEconomicCost)) {
    for (const q of view.quantities) {
      const factor = YUAN_PER_UNIT[q.unit];
      if (factor === undefined) continue;
      const decimals = q.value.includes('.') ? q.value.split('.')[1].length : 0;
      result.yuan = result.yuan.plus(dec(q.value).times(factor));
      result.rounding = result.rounding.plus(dec('0.5').times(dec('10').pow(-decimals)).times(factor));
      result.count += 1;
    }
  }
  return result;
}

/**
 * funds.cost-sum: the 经济成本 amounts (万元/元 targets under 成本指标/经济成本指标, or 产出指标/成本指标
 * before 2021) add up to 年度资金申请总额. Warns when they exceed it by more than the rounding of the
 * printed amounts (93.80 万元 for 937 980 元 is fine), or differ from it by more than 1%. Forms
 * without such amounts (most pre-2021 forms) are not checked.
 */
export function checkCostSum(ctx: PrecheckContext): Issue[] {
  const total = ctx.content.funds?.total;
  if (!isMoney(total)) return [];
  const cost = costAmounts(ctx);
  if (cost.count === 0) return [];
  const requested = dec(total);
  const diff = cost.yuan.minus(requested);
  const shown = `经济成本指标金额合计 ${toMoney(cost.yuan)} 元（${cost.yuan.dividedBy(10_000).toFixed()} 万元）`;
  if (diff.greaterThan(cost.rounding)) {
    return [{ path: 'funds.total', message: `${shown}超过年度资金申请总额 ${toMoney(requested)} 元。` }];
  }
  if (diff.abs().greaterThan(requested.times(TOLERANCE))) {
    return [
      {
        path: 'funds.total',
        message: `${shown}与年度资金申请总额 ${toMoney(requested)} 元相差 ${toMoney(diff.abs())} 元，超过 1%，请核对成本测算。`,
      },
    ];
  }
  return [];
}
