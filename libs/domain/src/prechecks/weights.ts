import { DEFAULT_CATEGORY_WEIGHTS, scoringCategory, type ScoringCategory } from '../forms';
import { dec } from '../money';
import { describe } from './context';
import type { IndicatorView, Issue, PrecheckContext } from './types';

const WEIGHT = /^\d+(\.\d+)?$/;
const CATEGORIES: ScoringCategory[] = ['产出指标', '效益指标', '满意度指标'];

/** weights.format: a given 分值 is a non-negative decimal number. */
export function checkWeightFormat(ctx: PrecheckContext): Issue[] {
  return ctx.indicators
    .filter((v) => v.weight !== undefined && !WEIGHT.test(v.weight))
    .map((v) => ({ path: `${v.path}.weight`, message: `${describe(v)}的分值“${v.weight}”不是有效数字。` }));
}

/**
 * The indicators of one scoring category (DESIGN §4): 成本指标 counts inside 产出. Indicators with
 * a non-standard 一级 belong to none (indicators.catalogue reports them).
 */
function byCategory(ctx: PrecheckContext): Map<ScoringCategory, IndicatorView[]> {
  const groups = new Map<ScoringCategory, IndicatorView[]>(CATEGORIES.map((c) => [c, []]));
  for (const v of ctx.indicators) if (v.level1 !== null) groups.get(scoringCategory(v.level1))!.push(v);
  return groups;
}

function label(category: ScoringCategory): string {
  return category === '产出指标' ? '产出指标（含成本指标）' : category;
}

/** weights.all-or-none: inside a scoring category either every indicator has a 分值 or none has. */
export function checkWeightsAllOrNone(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const [category, views] of byCategory(ctx)) {
    if (!views.some((v) => v.weight !== undefined)) continue;
    for (const v of views.filter((w) => w.weight === undefined)) {
      issues.push({
        path: `${v.path}.weight`,
        message: `${label(category)}中部分指标填写了分值，${describe(v)}未填写；同一类指标的分值要么全部填写，要么全部不填（按平均分配）。`,
      });
    }
  }
  return issues;
}

/** weights.sum: when a category's 分值 are all given, they sum to its weight (产出 50, 效益 30, 满意度 10). */
export function checkWeightsSum(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const [category, views] of byCategory(ctx)) {
    // Partial or malformed weights are reported by the two rules above; no sum to check.
    if (views.length === 0 || !views.every((v) => v.weight !== undefined && WEIGHT.test(v.weight))) continue;
    const sum = views.reduce((acc, v) => acc.plus(dec(v.weight!)), dec('0'));
    const expected = DEFAULT_CATEGORY_WEIGHTS[category];
    if (!sum.equals(dec(expected))) {
      issues.push({
        path: `${views[0].path}.weight`,
        message: `${label(category)}的分值合计为 ${sum.toFixed()}，应为 ${expected}。`,
      });
    }
  }
  return issues;
}
