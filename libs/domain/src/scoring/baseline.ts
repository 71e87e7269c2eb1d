import { level1Of, normaliseLevel1, normaliseLevel2, scoringCategory, type Level1, type ScoringCategory } from '../forms';
import { formatTarget, parseTarget } from '../targets';
import type { TargetParseResult } from '../targets/types';
import type { Problems } from './problems';
import type { BaselineIndicator } from './types';

/** A baseline indicator as scoring sees it: target parsed once, 一级 mapped to its 评分类别. */
export interface Row {
  index: number;
  indicator: BaselineIndicator;
  id: string;
  parsed: TargetParseResult;
  /** Canonical target text, or the text as written when it does not parse. */
  target: string;
  level1: string;
  category: ScoringCategory | null;
  /** Takes part in the weights: a category is known and the target is not 无. */
  applicable: boolean;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

// Parse results are memoised and frozen, so their canonical text can be too.
const CANONICAL = new WeakMap<object, string>();
function canonical(parsed: Exclude<TargetParseResult, { kind: 'error' }>): string {
  let t = CANONICAL.get(parsed);
  if (t === undefined) CANONICAL.set(parsed, (t = formatTarget(parsed)));
  return t;
}

// The 一级 of a (一级, 二级) as printed: a handful of distinct pairs across all forms.
const LEVEL1 = new Map<string, Map<string, Level1 | null>>();
function level1Of2(level1: string, level2: string): Level1 | null {
  let byLevel2 = LEVEL1.get(level1);
  if (byLevel2 === undefined) {
    if (LEVEL1.size >= 1_000) LEVEL1.clear();
    LEVEL1.set(level1, (byLevel2 = new Map()));
  }
  let l = byLevel2.get(level2);
  if (l === undefined) {
    l = normaliseLevel1(level1) ?? level1Of(normaliseLevel2(level2) ?? '');
    if (byLevel2.size >= 1_000) byLevel2.clear();
    byLevel2.set(level2, l);
  }
  return l;
}

/**
 * Reads the approved indicators. 成本指标 counts inside 产出 whether it was printed as a 一级 (2021+)
 * or as a 二级 of 产出 (before); an unknown 一级 falls back to the 一级 of a standard 二级.
 */
export function readBaseline(indicators: readonly BaselineIndicator[], problems: Problems): Row[] {
  const seen = new Set<string>();
  return (Array.isArray(indicators) ? indicators : []).map((raw, index): Row => {
    const indicator: BaselineIndicator = raw ?? ({} as BaselineIndicator);
    const id = typeof indicator.id === 'string' ? indicator.id : String(indicator.id ?? '');
    const path = (field: string) => `baseline.indicators[${index}].${field}`;
    if (seen.has(id)) problems.error('baseline.duplicateId', path('id'), `指标编号“${id}”重复。`, id);
    seen.add(id);

    const parsed = parseTarget(text(indicator.target));
    const level1 = level1Of2(text(indicator.level1), text(indicator.level2));
    const category = level1 === null ? null : scoringCategory(level1);
    const name = text(indicator.name);
    if (parsed.kind === 'error') {
      problems.error('baseline.target', path('target'), `指标“${name}”的年度指标值无法识别，不能评分：${parsed.message}`, id);
    }
    if (category === null && parsed.kind !== 'none') {
      problems.error('baseline.level1', path('level1'), `指标“${name}”的一级指标“${text(indicator.level1)}”不是标准类别，无法计入评分。`, id);
    }
    return {
      index,
      indicator,
      id,
      parsed,
      target: parsed.kind === 'error' ? text(indicator.target) : canonical(parsed),
      level1: level1 ?? text(indicator.level1),
      category,
      applicable: parsed.kind !== 'none' && category !== null,
    };
  });
}
