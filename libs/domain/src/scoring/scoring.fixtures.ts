import { scoreForm } from './score-form';
import { DEFAULT_SCHEME, type ScoringScheme } from './scheme';
import type { BaselineIndicator, ScoreResult, IndicatorEvaluation, IndicatorScore, ScoringBaseline, SelfEvaluation } from './types';

/** Test helpers: small baselines and self-evaluations written in one line each. */

const LEVEL2: Record<string, string> = { 产出指标: '数量指标', 成本指标: '经济成本指标', 效益指标: '社会效益指标', 满意度指标: '服务对象满意度指标' };

export function indicator(id: string, level1: string, target: string, weight?: string): BaselineIndicator {
  const i: BaselineIndicator = { id, level1, level2: LEVEL2[level1] ?? '', name: `指标${id}`, target };
  if (weight !== undefined) i.weight = weight;
  return i;
}

export function baseline(indicators: BaselineIndicator[], approvedAmount = '100000.00'): ScoringBaseline {
  return { approvedAmount, indicators };
}

/** A self-evaluation with a reason and a 年度总体目标完成情况, so that only what a test omits is missing. */
export function evaluation(entries: Record<string, Omit<IndicatorEvaluation, 'indicatorId'>>, budgetExecuted = '100000.00'): SelfEvaluation {
  return {
    budgetExecuted,
    indicators: Object.entries(entries).map(([indicatorId, e]) => ({ indicatorId, ...e })),
    goalAchievement: '已完成年度目标。',
  };
}

// Two companions, both met, so that a tested indicator alone in 产出 carries the whole 50.
const COMPANIONS = [indicator('e', '效益指标', '≥1(次)'), indicator('s', '满意度指标', '≥90(%)')];
const COMPANION_ACTUALS = { e: { actual: '1次' }, s: { actual: '95%' } };

/** The tested indicator `x`, alone in 产出 (weight 50), scored against `actual`. */
export function scoreOne(
  target: string,
  entry: Omit<IndicatorEvaluation, 'indicatorId'>,
  scheme: ScoringScheme = DEFAULT_SCHEME,
): { indicator: IndicatorScore; result: ScoreResult } {
  const result = scoreForm(
    baseline([indicator('x', '产出指标', target), ...COMPANIONS]),
    evaluation({ x: entry, ...COMPANION_ACTUALS }),
    scheme,
  );
  return { indicator: result.indicators[0]!, result };
}

export function rules(result: ScoreResult, kind: 'errors' | 'warnings' = 'errors'): string[] {
  return result.problems[kind].map((p) => p.rule);
}
