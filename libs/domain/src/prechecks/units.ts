import { describe, isCost, isEconomicCost } from './context';
import type { IndicatorView, Issue, PrecheckContext } from './types';

/** Money units and what one of them is in 元. */
export const YUAN_PER_UNIT: Record<string, string> = { 元: '1', 千元: '1000', 万元: '10000', 百万元: '1000000', 亿元: '100000000' };

const COUNT_UNITS = new Set(
  '次 人次 批次 期次 场次 件 个 人 名 户 家 所 项 份 篇 期 批 部 场 台 辆 套 本 册 张 条 处 座 棵 株 只 组 类 门 班 课'.split(' '),
);
const TIME_UNITS = new Set('秒 分钟 小时 天 日 工作日 周 个月 月 年'.split(' '));

export type UnitKind = 'money' | 'count' | 'percent' | 'time' | 'other';

/** What a canonical unit measures; 万人次, 千件 … are counts. */
export function unitKind(unit: string): UnitKind {
  if (unit in YUAN_PER_UNIT) return 'money';
  if (unit === '%') return 'percent';
  if (TIME_UNITS.has(unit)) return 'time';
  if (COUNT_UNITS.has(unit.replace(/^[十百千万亿]+/, ''))) return 'count';
  return 'other';
}

const KIND_LABEL: Record<Exclude<UnitKind, 'other'>, string> = { money: '金额', count: '计数', percent: '百分比', time: '时间' };

/** Which unit kinds contradict where an indicator sits, and what the category is called in the message. */
function conflicts(view: IndicatorView): { kinds: UnitKind[]; where: string } | null {
  // 经济成本 is an amount of money; counts, rates and durations there are misfiled outputs.
  if (isEconomicCost(view)) {
    return { kinds: ['count', 'percent', 'time'], where: view.level1 === '成本指标' ? '经济成本指标' : '产出指标/成本指标' };
  }
  if (isCost(view)) return { kinds: ['count'], where: '成本指标' };
  const level2 = view.level2;
  if (level2 === '数量指标' || level2 === '时效指标' || level2 === '服务对象满意度指标') {
    return { kinds: ['money'], where: level2 };
  }
  return null;
}

/** indicators.unit-category: the target's unit fits the category (no 次 under 成本, no 万元 under 数量 …). */
export function checkUnitCategory(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const view of ctx.indicators) {
    const rule = conflicts(view);
    if (rule === null) continue;
    const wrong = view.quantities.find((q) => rule.kinds.includes(unitKind(q.unit)));
    if (!wrong) continue;
    const kind = KIND_LABEL[unitKind(wrong.unit) as Exclude<UnitKind, 'other'>];
    issues.push({
      path: `${view.path}.target`,
      message: `${describe(view)}位于${rule.where}下，但指标值单位“${wrong.unit}”是${kind}单位，请确认指标是否归错了类别。`,
    });
  }
  return issues;
}
