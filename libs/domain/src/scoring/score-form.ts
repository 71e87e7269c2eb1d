import { readBaseline } from './baseline';
import { compileScheme } from './check-scheme';
import { fixed2 } from './decimal';
import { formatScaled } from './exact';
import { scoreExecution } from './execution';
import { scoreIndicator } from './indicator';
import { hasText, Problems } from './problems';
import { DEFAULT_SCHEME, type Grade, type ScoringScheme } from './scheme';
import type { CategoryScore, ScoreResult, IndicatorEvaluation, IndicatorScore, ScoringBaseline, SelfEvaluation } from './types';
import { layoutWeights } from './weights';

/**
 * The year-end score of one form (DESIGN §4, 财政部《项目支出绩效评价管理办法》财预〔2020〕10号): a pure
 * function of the approved baseline, the unit's self-evaluation and a scoring scheme, explained per
 * indicator (rule, target, actual, ratio, weight, points, met, reason required). Never throws for bad
 * input — what is missing or wrong is in `problems.errors` — but throws ScoringSchemeError for a scheme
 * that fails checkScheme (configuration, not the unit's fault). Schemes are treated as immutable.
 */
export function scoreForm(baseline: ScoringBaseline, selfEvaluation: SelfEvaluation, scheme: ScoringScheme = DEFAULT_SCHEME): ScoreResult {
  const s = compileScheme(scheme);
  const problems = new Problems();
  const rows = readBaseline(baseline?.indicators ?? [], problems);
  const entries = entriesById(
    rows.map((r) => r.id),
    selfEvaluation?.indicators,
    problems,
  );
  const layout = layoutWeights(rows, s, problems);

  const execution = scoreExecution(
    baseline?.approvedAmount,
    selfEvaluation?.budgetExecuted,
    selfEvaluation?.executionReason,
    layout.executionWeight,
    s,
    problems,
  );
  const scored = rows.map((row) => scoreIndicator(row, entries.get(row.id), layout.weights[row.index]!, s, problems));
  if (!hasText(selfEvaluation?.goalAchievement)) {
    problems.warning('goalAchievement.missing', 'goalAchievement', '请填写年度总体目标完成情况。');
  }

  // Only applicable indicators (a known category) can earn points. Points are whole 分 (bigint), so the
  // sums are exact integer sums.
  const sums = new Map(layout.categories.map((c) => [c.category, 0n]));
  for (const x of scored) {
    if (x.score.category !== null && x.points !== 0n) sums.set(x.score.category, sums.get(x.score.category)! + x.points);
  }
  // DESIGN §4 rounding: total = Σ of the rounded scores, never a rounding of the exact sum.
  let total = execution.points;
  const categories = layout.categories.map((c): CategoryScore => {
    const points = sums.get(c.category)!;
    total += points;
    return { level1: c.category, weight: c.weight.text, points: formatScaled(points, 2), applicable: c.applicable };
  });
  const result: ScoreResult = {
    total: formatScaled(total, 2),
    grade: gradeOf(total, s.grades),
    schemeVersion: scheme.version,
    execution: execution.score,
    categories,
    indicators: scored.map((x): IndicatorScore => x.score),
    problems: { errors: problems.errors, warnings: problems.warnings },
  };
  if (layout.rescaledFrom !== null) result.rescaledFrom = fixed2(layout.rescaledFrom);
  return result;
}

/** The first grade whose minimum the total (in 分) reaches: total ≥ min ⇔ total ≥ ⌈min × 100⌉. */
function gradeOf(total: bigint, grades: { grade: Grade; minCents: bigint }[]): Grade {
  return (grades.find((g) => total >= g.minCents) ?? grades[grades.length - 1]!).grade;
}

/** The unit's entries by indicator; an entry for no indicator, or a second one, is an error. */
function entriesById(ids: string[], list: unknown, problems: Problems): Map<string, IndicatorEvaluation> {
  const entries = new Map<string, IndicatorEvaluation>();
  const items = Array.isArray(list) ? (list as unknown[]) : [];
  let known: Set<string> | null = null; // built only when an entry is not in the baseline's order
  for (let k = 0; k < items.length; k++) {
    const entry = (items[k] ?? {}) as IndicatorEvaluation;
    const id = typeof entry.indicatorId === 'string' ? entry.indicatorId : String(entry.indicatorId ?? '');
    if (ids[k] !== id && !(known ??= new Set(ids)).has(id)) {
      problems.error('selfEvaluation.unknownIndicator', 'indicators', `自评中的指标“${id}”不在批复的绩效目标中。`, id);
    } else if (entries.has(id)) {
      problems.error('selfEvaluation.duplicateIndicator', `indicators[${ids.lastIndexOf(id)}]`, `指标“${id}”的自评填写了多次。`, id);
    } else entries.set(id, entry);
  }
  return entries;
}

/**
 * For the lifecycle machine's SUBMIT_SELF_EVALUATION guard (`selfEvaluationComplete`): complete when
 * scoring found no error; `problems` counts the errors.
 */
export function selfEvaluationComplete(result: ScoreResult): { complete: boolean; problems: number } {
  const problems = result.problems.errors.length;
  return { complete: problems === 0, problems };
}
