import type { ScoringCategory } from '../forms';
import { allocate, allocateEqually, amountOf, type Amount } from './allocate';
import type { Row } from './baseline';
import type { CompiledScheme } from './check-scheme';
import { nonNegative, ZERO, type Dec } from './decimal';
import type { Problems } from './problems';
import { SCORING_CATEGORIES } from './scheme';

export interface CategoryLayout {
  category: ScoringCategory;
  weight: Amount;
  applicable: boolean;
}

/** Every weight of one form, after dropping 无 indicators and empty categories and rescaling to 100. */
export interface WeightLayout {
  executionWeight: Amount;
  categories: CategoryLayout[];
  /** Per row, in baseline order; 0 for rows that are not applicable. */
  weights: Amount[];
  /** Σ of the scheme weights that remained, when it was not 100. */
  rescaledFrom: Dec | null;
}

interface TopLayout {
  executionWeight: Amount;
  categoryWeights: Amount[];
  rescaledFrom: Dec | null;
}

const LABEL: Record<ScoringCategory, string> = { 产出指标: '产出指标（含成本指标）', 效益指标: '效益指标', 满意度指标: '满意度指标' };
const NONE: Amount = amountOf(ZERO);

// Per scheme, the top-level weights of each of the 8 patterns of applicable categories.
const TOP = new WeakMap<CompiledScheme, Map<number, TopLayout>>();

/**
 * DESIGN §4: a category with no applicable indicator (满意度 missing, or all 无) is dropped and the
 * remaining weights — 预算执行率 included — are multiplied by 100 / remaining; inside a category the
 * weight goes to its applicable indicators in proportion to their 分值, or equally. Both levels are
 * rounded with the largest-remainder method, so the weights sum to exactly 100.
 */
export function layoutWeights(rows: readonly Row[], s: CompiledScheme, problems: Problems): WeightLayout {
  const groups = new Map<ScoringCategory, Row[]>(SCORING_CATEGORIES.map((c) => [c, []]));
  for (const row of rows) if (row.category !== null) groups.get(row.category)!.push(row);
  const applicable = SCORING_CATEGORIES.map((c) => groups.get(c)!.some((r) => r.applicable));
  const top = topLayout(applicable, s);

  const weights: Amount[] = rows.map(() => NONE);
  const categories = SCORING_CATEGORIES.map((category, k): CategoryLayout => {
    const weight = top.categoryWeights[k]!;
    if (applicable[k]) {
      const all = groups.get(category)!;
      const members = all.filter((r) => r.applicable);
      const keys = members.map((r) => r.id);
      const shares = indicatorShares(category, all, members, s, problems);
      const split =
        shares === null
          ? allocateEqually(weight, keys)
          : allocate(weight.value, shares, keys).map(amountOf);
      members.forEach((r, m) => (weights[r.index] = split[m]!));
    }
    return { category, weight, applicable: applicable[k]! };
  });
  if (!applicable.some((a) => a)) {
    problems.error('indicators.none', 'indicators', '没有可评分的绩效指标（指标均为“无”或缺失），无法评分。');
  }
  return { executionWeight: top.executionWeight, categories, weights, rescaledFrom: top.rescaledFrom };
}

function topLayout(applicable: boolean[], s: CompiledScheme): TopLayout {
  let byMask = TOP.get(s);
  if (byMask === undefined) TOP.set(s, (byMask = new Map()));
  const mask = applicable.reduce((m, a, k) => (a ? m | (1 << k) : m), 0);
  const hit = byMask.get(mask);
  if (hit !== undefined) return hit;

  const remaining = SCORING_CATEGORIES.reduce((sum, c, k) => (applicable[k] ? sum.plus(s.categoryWeights[c]) : sum), s.executionWeight);
  // Nothing to rescale onto (a scheme of zeros) stays as it is rather than dividing by zero.
  const rescale = !remaining.eq(s.total) && !remaining.isZero();
  const raw = [s.executionWeight, ...SCORING_CATEGORIES.map((c, k) => (applicable[k] ? s.categoryWeights[c] : ZERO))];
  const amounts = (rescale ? allocate(s.total, raw, ['0', '1', '2', '3']) : raw).map(amountOf);
  const layout = { executionWeight: amounts[0]!, categoryWeights: amounts.slice(1), rescaledFrom: rescale ? remaining : null };
  byMask.set(mask, layout);
  return layout;
}

/**
 * The shares of a category's applicable indicators: their 分值 when every one has a valid 分值
 * (the 分值 of 无 indicators thus go to the others in proportion); null for equal shares.
 */
function indicatorShares(category: ScoringCategory, all: Row[], members: Row[], s: CompiledScheme, problems: Problems): Dec[] | null {
  const given = (r: Row) => typeof r.indicator.weight === 'string' && r.indicator.weight.trim() !== '';
  if (!all.some(given)) return null;
  const values = new Map(all.map((r) => [r, nonNegative(r.indicator.weight)]));
  for (const r of all.filter((x) => given(x) && values.get(x) === null)) {
    const path = `baseline.indicators[${r.index}].weight`;
    problems.warning('weights.format', path, `指标“${r.indicator.name}”的分值“${r.indicator.weight}”不是有效数字，已忽略。`, r.id);
  }
  const valid = members.map((r) => values.get(r)!);
  if (valid.every((w) => w !== null)) {
    const written = all.reduce<Dec>((sum, r) => {
      const w = values.get(r)!;
      return w === null ? sum : sum.plus(w);
    }, ZERO);
    if (!written.eq(s.categoryWeights[category])) {
      problems.warning(
        'weights.sum',
        `baseline.indicators[${all[0]!.index}].weight`,
        `${LABEL[category]}填写的分值合计为 ${written.toFixed()}，与评分方案的 ${s.categoryWeights[category].toFixed()} 不符，已按比例折算。`,
      );
    }
    return valid as Dec[];
  }
  problems.warning(
    'weights.partial',
    `baseline.indicators[${all[0]!.index}].weight`,
    `${LABEL[category]}的分值未全部有效填写，已在该类指标间平均分配。`,
  );
  return null;
}
