import type { ScoringCategory } from '../forms';
import { D, HUNDRED, isTwoDecimals, nonNegative, ONE, ZERO, type Dec } from './decimal';
import { GRADES, QUALITATIVE_TIERS, SCORING_CATEGORIES, type Grade, type QualitativeTier, type ScoringScheme } from './scheme';
import type { ScoreProblem } from './types';

/**
 * What is wrong with a scheme, before it is stored or used: weights (≤ 2 decimals) sum to 100; the
 * three qualitative bands cover [0, 1] without gap or overlap, achieved above partial above
 * notAchieved; the four grades descend and the lowest starts at 0. [] when the scheme is usable.
 */
export function checkScheme(s: ScoringScheme): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const add = (rule: string, path: string, message: string) => problems.push({ rule, path, message });
  if (s === null || typeof s !== 'object') return [{ rule: 'scheme.shape', path: '', message: '评分方案不是对象。' }];

  if (typeof s.version !== 'string' || s.version.trim() === '') add('scheme.version', 'version', '评分方案须有版本号。');
  if (typeof s.name !== 'string' || s.name.trim() === '') add('scheme.name', 'name', '评分方案须有名称。');

  const weights: [string, unknown][] = [
    ['executionWeight', s.executionWeight],
    ...SCORING_CATEGORIES.map((c): [string, unknown] => [`categoryWeights.${c}`, s.categoryWeights?.[c]]),
  ];
  let sum = ZERO;
  let weightsValid = true;
  for (const [path, w] of weights) {
    if (!isTwoDecimals(w)) {
      weightsValid = false;
      add('scheme.weight', path, `分值“${String(w)}”须为最多两位小数的非负数。`);
    } else sum = sum.plus(new D(w));
  }
  if (weightsValid && !sum.eq(HUNDRED)) add('scheme.weightsSum', 'categoryWeights', `预算执行率与各类指标分值合计为 ${sum.toFixed()}，应为 100。`);

  if (s.reverseFormula !== 'ratio' && s.reverseFormula !== 'linear') {
    add('scheme.reverseFormula', 'reverseFormula', '反向指标计分公式须为 ratio（目标值/实际值）或 linear（两倍目标值时为 0）。');
  }
  checkTiers(s, add);
  checkGrades(s, add);

  const explain = nonNegative(s.explainAboveRatio);
  if (explain === null || explain.lt(ONE)) add('scheme.explainAboveRatio', 'explainAboveRatio', '超目标说明阈值须为不小于 1 的数。');
  const below = nonNegative(s.executionReasonBelow);
  if (below === null || below.gt(ONE)) add('scheme.executionReasonBelow', 'executionReasonBelow', '执行率说明阈值须在 0 到 1 之间。');
  return problems;
}

type Add = (rule: string, path: string, message: string) => void;

function checkTiers(s: ScoringScheme, add: Add): void {
  const tiers = Array.isArray(s.qualitativeTiers) ? s.qualitativeTiers : [];
  const seen = tiers.map((t) => t?.tier);
  if (tiers.length !== QUALITATIVE_TIERS.length || !QUALITATIVE_TIERS.every((t) => seen.includes(t))) {
    add('scheme.tiers', 'qualitativeTiers', '定性指标须恰有三档：achieved、partial、notAchieved。');
    return;
  }
  const bands = tiers.map((t, i) => ({ t, i, min: nonNegative(t.min), max: nonNegative(t.max) }));
  for (const b of bands) {
    if (typeof b.t.label !== 'string' || b.t.label.trim() === '') add('scheme.tiers', `qualitativeTiers[${b.i}].label`, '定性档次须有名称。');
    if (b.min === null || b.max === null || b.max.gt(ONE) || b.min.gt(b.max) || (b.min.eq(b.max) && !b.t.maxInclusive)) {
      add('scheme.tiers', `qualitativeTiers[${b.i}]`, `定性档次“${b.t.tier}”的区间须在 0 到 1 之间且不为空。`);
      return;
    }
  }
  // Ascending by min; each band starts where the one below ends, the top one closed at 1.
  const sorted = [...bands].sort((a, b) => a.min!.comparedTo(b.min!));
  const order: QualitativeTier[] = ['notAchieved', 'partial', 'achieved'];
  if (sorted.some((b, k) => b.t.tier !== order[k])) {
    add('scheme.tiers', 'qualitativeTiers', '定性档次须从低到高依次为 notAchieved、partial、achieved。');
  }
  if (!sorted[0]!.min!.isZero()) add('scheme.tiers', 'qualitativeTiers', '最低的定性档次须从 0 开始。');
  for (let k = 1; k < sorted.length; k++) {
    const [below, above] = [sorted[k - 1]!, sorted[k]!];
    if (!below.max!.eq(above.min!) || below.t.maxInclusive) {
      add('scheme.tiers', `qualitativeTiers[${above.i}]`, `定性档次“${below.t.tier}”与“${above.t.tier}”之间有空隙或重叠。`);
    }
  }
  const top = sorted[sorted.length - 1]!;
  if (!top.max!.eq(ONE) || !top.t.maxInclusive) add('scheme.tiers', `qualitativeTiers[${top.i}]`, '最高的定性档次须到 1（含）为止。');
}

function checkGrades(s: ScoringScheme, add: Add): void {
  const grades = Array.isArray(s.grades) ? s.grades : [];
  if (grades.length !== GRADES.length || grades.some((g, i) => g?.grade !== GRADES[i])) {
    add('scheme.grades', 'grades', '等级须依次为 优、良、中、差。');
    return;
  }
  const mins = grades.map((g) => nonNegative(g.min));
  mins.forEach((m, i) => {
    if (m === null || m.gt(HUNDRED)) add('scheme.grades', `grades[${i}].min`, `等级“${grades[i]!.grade}”的下限须在 0 到 100 之间。`);
    else if (i > 0 && mins[i - 1] !== null && !m.lt(mins[i - 1]!)) {
      add('scheme.grades', `grades[${i}].min`, `等级下限须从“优”到“差”严格递减。`);
    }
  });
  const last = mins[mins.length - 1];
  if (last !== null && last !== undefined && !last.isZero()) add('scheme.grades', `grades[${mins.length - 1}].min`, '最低等级的下限须为 0。');
}

/** A scheme with its numbers as Decimals, checked once per scheme object. */
export interface CompiledScheme {
  scheme: ScoringScheme;
  executionWeight: Dec;
  categoryWeights: Record<ScoringCategory, Dec>;
  /** Σ of all weights (100). */
  total: Dec;
  tiers: Record<QualitativeTier, { label: string; min: Dec; max: Dec; maxInclusive: boolean }>;
  /** Highest first; minCents = ⌈min × 100⌉, the least total in 分 that reaches the grade. */
  grades: { grade: Grade; min: Dec; minCents: bigint }[];
  explainAboveRatio: Dec;
  executionReasonBelow: Dec;
}

/** A scheme that fails checkScheme: a configuration error, never a unit's fault. */
export class ScoringSchemeError extends Error {
  constructor(readonly problems: ScoreProblem[]) {
    super(`评分方案无效：${problems.map((p) => p.message).join(' ')}`);
    this.name = 'ScoringSchemeError';
  }
}

// Schemes are few and long-lived (one per campaign); scoring 100 000 forms checks each once.
const COMPILED = new WeakMap<ScoringScheme, CompiledScheme>();

/** Checks and compiles a scheme; throws ScoringSchemeError when checkScheme finds problems. */
export function compileScheme(s: ScoringScheme): CompiledScheme {
  const hit = COMPILED.get(s);
  if (hit !== undefined) return hit;
  const problems = checkScheme(s);
  if (problems.length > 0) throw new ScoringSchemeError(problems);
  const categoryWeights = Object.fromEntries(SCORING_CATEGORIES.map((c) => [c, new D(s.categoryWeights[c])])) as Record<ScoringCategory, Dec>;
  const tiers = Object.fromEntries(
    s.qualitativeTiers.map((t) => [t.tier, { label: t.label, min: new D(t.min), max: new D(t.max), maxInclusive: t.maxInclusive }]),
  ) as CompiledScheme['tiers'];
  const compiled: CompiledScheme = {
    scheme: s,
    executionWeight: new D(s.executionWeight),
    categoryWeights,
    total: HUNDRED,
    tiers,
    grades: s.grades.map((g) => {
      const min = new D(g.min);
      return { grade: g.grade, min, minCents: BigInt(min.times(100).toDecimalPlaces(0, D.ROUND_CEIL).toFixed(0)) };
    }),
    explainAboveRatio: new D(s.explainAboveRatio),
    executionReasonBelow: new D(s.executionReasonBelow),
  };
  COMPILED.set(s, compiled);
  return compiled;
}
