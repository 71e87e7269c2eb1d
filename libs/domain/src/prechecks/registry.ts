import { checkCostSum } from './cost';
import { checkDateFormat, checkDateOrder, checkDatesInBudgetYear } from './dates';
import { checkFundsFormat, checkFundsNonNegative, checkFundsSum } from './funds';
import { checkHeaderRecommended, checkHeaderRequired } from './header';
import {
  checkCatalogue,
  checkDuplicateNames,
  checkEffectRequired,
  checkNameRequired,
  checkOutputRequired,
  checkSatisfaction,
} from './structure';
import { checkPercentAtLeast100, checkPercentRange, checkTargetEmpty, checkTargetParses, checkVagueTargets } from './targets';
import type { Check, Severity } from './types';
import { checkUnitCategory } from './units';
import { checkWeightFormat, checkWeightsAllOrNone, checkWeightsSum } from './weights';

/** Where a rule comes from. */
export type PrecheckSource = '审核要点' | '财预〔2020〕10号' | 'DESIGN §4';

/** A rule as the API and the docs show it. */
export interface PrecheckRuleInfo {
  id: string;
  severity: Severity;
  /** One line, Chinese. */
  description: string;
  source: PrecheckSource;
}

export interface PrecheckRule extends PrecheckRuleInfo {
  check: Check;
}

const rule = (id: string, severity: Severity, source: PrecheckSource, description: string, check: Check): PrecheckRule => ({
  id,
  severity,
  description,
  source,
  check,
});

/** Every pre-check, in the order findings are reported. Ids are stable: clients key on them. */
export const PRECHECK_RULES: readonly PrecheckRule[] = [
  rule('header.required', 'error', '审核要点', '项目名称、项目类别、计划开始/完成日期和年度总体目标必须填写', checkHeaderRequired),
  rule('header.recommended', 'warning', '审核要点', '项目性质、项目总目标未填写时提示审核人', checkHeaderRecommended),
  rule('dates.format', 'error', '审核要点', '计划开始/完成日期须为有效的 YYYY-MM-DD 日期', checkDateFormat),
  rule('dates.order', 'error', '审核要点', '计划开始日期不得晚于计划完成日期', checkDateOrder),
  rule('dates.budget-year', 'error', '审核要点', '计划开始/完成日期须在预算年度内', checkDatesInBudgetYear),
  rule('funds.format', 'error', '审核要点', '各项资金须为以元为单位、最多两位小数的金额', checkFundsFormat),
  rule('funds.non-negative', 'error', '审核要点', '各项资金不得为负数', checkFundsNonNegative),
  rule('funds.sum', 'error', '审核要点', '年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金', checkFundsSum),
  rule('indicators.output-required', 'error', '财预〔2020〕10号', '至少一条产出指标（成本指标不计入）', checkOutputRequired),
  rule('indicators.effect-required', 'error', '财预〔2020〕10号', '至少一条效益指标', checkEffectRequired),
  rule('satisfaction.missing', 'warning', '财预〔2020〕10号', '未设满意度指标或其指标值均为“无”', checkSatisfaction),
  rule('indicators.name-required', 'error', '审核要点', '每条指标须填写三级指标名称', checkNameRequired),
  rule('target.empty', 'error', '审核要点', '每条指标须填写年度指标值；不适用时填“无”', checkTargetEmpty),
  rule('target.parse', 'error', '审核要点', '年度指标值须可识别（定量、定性、复合或“无”）', checkTargetParses),
  rule('target.percent-range', 'error', '审核要点', '百分比指标值不得超过 100%，也不得为“>100%”', checkPercentRange),
  rule('target.percent-at-least-100', 'warning', '审核要点', '“≥100%”应写作“=100%”', checkPercentAtLeast100),
  rule('indicators.duplicate-name', 'warning', '审核要点', '三级指标名称重复', checkDuplicateNames),
  rule('target.vague', 'warning', '审核要点', '比率/数量类指标使用“提升”“降低”等未量化的指标值，或指标值为占位内容', checkVagueTargets),
  rule('weights.format', 'error', 'DESIGN §4', '分值须为非负数字', checkWeightFormat),
  rule('weights.all-or-none', 'error', 'DESIGN §4', '同一评分类别（产出含成本、效益、满意度）的分值全部填写或全部不填', checkWeightsAllOrNone),
  rule('weights.sum', 'error', 'DESIGN §4', '填写的分值合计等于类别分值：产出（含成本）50、效益 30、满意度 10', checkWeightsSum),
  rule('funds.cost-sum', 'warning', '审核要点', '经济成本指标金额合计与年度资金申请总额不符（超出或相差超过 1%）', checkCostSum),
  rule('indicators.unit-category', 'warning', '审核要点', '指标值单位与指标类别矛盾（如成本指标用“次”、数量指标用“万元”）', checkUnitCategory),
  rule('indicators.catalogue', 'warning', '财预〔2020〕10号', '一级/二级指标名称不标准，或二级指标不属于所在一级指标', checkCatalogue),
];

/** The registry without the check functions, for the API and the docs. */
export function describePrechecks(): PrecheckRuleInfo[] {
  return PRECHECK_RULES.map(({ id, severity, description, source }) => ({ id, severity, description, source }));
}
