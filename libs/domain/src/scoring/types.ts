import type { ScoringCategory } from '../forms';
import type { Grade, QualitativeTier } from './scheme';

/** One indicator of the approved 申报表 (the baseline the year-end is scored against). */
export interface BaselineIndicator {
  id: string;
  level1: string;
  level2: string;
  name: string;
  /** 年度指标值 as approved. */
  target: string;
  /** 分值, a decimal string, when the form gives one. */
  weight?: string;
}

export interface ScoringBaseline {
  /** 全年预算数, 元 */
  approvedAmount: string;
  indicators: BaselineIndicator[];
}

/** What the unit enters for one indicator (API.md `PUT /api/forms/:id/self-evaluation`). */
export interface IndicatorEvaluation {
  indicatorId: string;
  /** 实际完成值, written like a target ("98%", "一级故障60分钟，二级故障150分钟", or text for a qualitative one). */
  actual?: string;
  /** Qualitative indicators: the tier and the points the unit gives itself. */
  tier?: QualitativeTier;
  points?: string;
  /** 偏差原因分析及改进措施 */
  reason?: string;
}

export interface SelfEvaluation {
  /** 全年执行数, 元 */
  budgetExecuted: string;
  executionReason?: string;
  indicators: IndicatorEvaluation[];
  /** 年度总体目标完成情况 */
  goalAchievement?: string;
}

/**
 * One finding. `path` is in the self-evaluation body notation; `indicators[i]` is the i-th indicator
 * of the baseline (= of the result), and `indicatorId` names it so that clients need not rely on order.
 */
export interface ScoreProblem {
  rule: string;
  path: string;
  /** Chinese, for the unit and the reviewer. */
  message: string;
  indicatorId?: string;
}

/** Which formula scored an indicator (or a part of a compound one). */
export type QuantityRule =
  | 'positive.met'
  | 'positive.ratio'
  | 'equal.met'
  | 'equal.ratio'
  | 'reverse.met'
  | 'reverse.ratio'
  | 'reverse.linear'
  | 'zeroTarget'
  | 'negativeTarget';

export type IndicatorRule =
  | QuantityRule
  | 'compound.met'
  | 'compound.mean'
  | 'qualitative.tier'
  | 'notApplicable'
  /** Not computable: missing or unparsable actual, unit mismatch, invalid target, unknown 一级. Scores 0. */
  | 'unscorable';

export interface ExecutionScore {
  /** 全年预算数 and 全年执行数, 元 with 2 decimals. */
  budget: string;
  executed: string;
  /** executed / budget, 4 decimals, not capped ("0.8618"; "1.0500" when overspent). */
  rate: string;
  weight: string;
  points: string;
  reasonRequired: boolean;
  reasonGiven: boolean;
}

export interface CategoryScore {
  level1: ScoringCategory;
  /** After rescaling; "0.00" when the category is dropped. */
  weight: string;
  points: string;
  applicable: boolean;
}

export interface PartScore {
  label: string;
  target: string;
  actual: string | null;
  ratio: string | null;
  met: boolean | null;
  rule: QuantityRule | 'unscorable';
}

export interface IndicatorScore {
  indicatorId: string;
  name: string;
  /** The standard 一级 (成本指标 stays 成本指标 here), or what the form printed when it is not one. */
  level1: string;
  /** The 评分类别: 成本指标 → 产出指标; null when the 一级 is not a standard one. */
  category: ScoringCategory | null;
  /** The target in canonical form (formatTarget), or as written when it does not parse. */
  target: string;
  /** The actual as entered (trimmed), null when none. */
  actual: string | null;
  weight: string;
  points: string;
  rule: IndicatorRule;
  /** points / weight before rounding, 4 decimals; null when not applicable or not computable. */
  ratio: string | null;
  met: boolean | null;
  applicable: boolean;
  reasonRequired: boolean;
  reasonGiven: boolean;
  /** The actual is at or above 130 % (scheme) of a positive or equal target: 偏差原因说明. */
  explanationRequired: boolean;
  /** Compound targets: each part's outcome. */
  parts?: PartScore[];
  /** Qualitative targets: the tier entered. */
  tier?: QualitativeTier;
}

export interface ScoreResult {
  /** Σ of the rounded scores, 2 decimals. */
  total: string;
  grade: Grade;
  schemeVersion: string;
  execution: ExecutionScore;
  /** 产出, 效益, 满意度, always in this order. */
  categories: CategoryScore[];
  /** In baseline order. */
  indicators: IndicatorScore[];
  /** Σ of the weights that remained before rescaling to 100 ("90.00"), when a category was dropped. */
  rescaledFrom?: string;
  problems: { errors: ScoreProblem[]; warnings: ScoreProblem[] };
}
