import type { Funds } from '../forms';
import { addMoney, compareMoney, isMoney, money } from '../money';
import type { Issue, PrecheckContext } from './types';

export const FUND_FIELDS: readonly (readonly [keyof Funds, string])[] = [
  ['total', '年度资金申请总额'],
  ['currentYear', '当年财政拨款'],
  ['carryOver', '上年结转资金'],
  ['other', '其他资金'],
];

function fundsOf(ctx: PrecheckContext): Partial<Record<keyof Funds, unknown>> {
  return ctx.content.funds ?? {};
}

/** funds.format: every amount is money: a decimal string in 元 with at most 2 decimals. */
export function checkFundsFormat(ctx: PrecheckContext): Issue[] {
  const funds = fundsOf(ctx);
  return FUND_FIELDS.filter(([field]) => !isMoney(funds[field])).map(([field, label]) => ({
    path: `funds.${field}`,
    message:
      (funds[field] ?? '') === ''
        ? `${label}未填写，请填写以元为单位、最多两位小数的数字（无则填 0.00）。`
        : `${label}“${String(funds[field])}”不是有效金额，请填写以元为单位、最多两位小数的数字（如 937980.00）。`,
  }));
}

/** funds.non-negative: no amount is negative. */
export function checkFundsNonNegative(ctx: PrecheckContext): Issue[] {
  const funds = fundsOf(ctx);
  return FUND_FIELDS.filter(([field]) => {
    const value = funds[field];
    return isMoney(value) && compareMoney(value, '0') < 0;
  }).map(([field, label]) => ({ path: `funds.${field}`, message: `${label}不能为负数（当前为 ${String(funds[field])} 元）。` }));
}

/** funds.sum: 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金, exactly. */
export function checkFundsSum(ctx: PrecheckContext): Issue[] {
  const { total, currentYear, carryOver, other } = fundsOf(ctx);
  // Malformed amounts are reported by funds.format; there is nothing to add up.
  if (!isMoney(total) || !isMoney(currentYear) || !isMoney(carryOver) || !isMoney(other)) return [];
  const sum = addMoney(currentYear, carryOver, other);
  if (compareMoney(sum, total) === 0) return [];
  return [
    {
      path: 'funds.total',
      message:
        `年度资金申请总额 ${money(total)} 元与各项资金之和 ${sum} 元不一致` +
        `（当年财政拨款 ${money(currentYear)} + 上年结转资金 ${money(carryOver)} + 其他资金 ${money(other)}）。`,
    },
  ];
}
