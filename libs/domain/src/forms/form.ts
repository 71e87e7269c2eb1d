import type { Money } from '../money';
import type { ParsedTarget } from '../targets/types';

/**
 * The content of a 财政项目支出绩效目标申报表 (DESIGN §1; API.md form body). Dates are YYYY-MM-DD,
 * money is a decimal string in 元. The unit and department come from the caller and the campaign.
 */
export interface FormContent {
  /** 项目名称 */
  projectName: string;
  /** 项目性质, free text (经常性专项业务费, 其他经常性项目, 其他一次性项目 …) */
  nature: string;
  /** 项目类别 (特定目标类, 其他人员类; older templates 专项资金 / 经常性项目 / 一次性项目) */
  category: string;
  /** 计划开始日期 */
  plannedStart: string;
  /** 计划完成日期 */
  plannedEnd: string;
  funds: Funds;
  /** 项目总目标 */
  overallGoal: string;
  /** 年度总体目标 */
  annualGoal: string;
  indicators: IndicatorInput[];
}

/** 项目资金 in 元: total = currentYear + carryOver + other. */
export interface Funds {
  /** 年度资金申请总额 */
  total: Money;
  /** 当年财政拨款 */
  currentYear: Money;
  /** 上年结转资金 */
  carryOver: Money;
  /** 其他资金 */
  other: Money;
}

/** A 三级指标 with its 一级 / 二级 and the 年度指标值 as written. */
export interface IndicatorInput {
  /** 一级指标 */
  level1: string;
  /** 二级指标 */
  level2: string;
  /** 三级指标 */
  name: string;
  /** 年度(/项目)指标值, as the user wrote it */
  target: string;
  /** 分值 (optional decimal string) */
  weight?: string;
}

/** An indicator with its target parsed (what API responses and the importer return). */
export interface ParsedIndicator extends IndicatorInput {
  parsedTarget: ParsedTarget | null;
}
