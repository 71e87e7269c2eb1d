import { normaliseLevel1, normaliseLevel2, type IndicatorInput } from '../forms';
import { parseTarget } from '../targets';
import type { QuantitativeTarget, TargetParseResult } from '../targets/types';
import type { IndicatorView, PrecheckContext, PrecheckInput } from './types';

/** Parses every target once so that the checks agree on what an indicator says. */
export function buildContext(input: PrecheckInput): PrecheckContext {
  const indicators = (input.content.indicators ?? []).map((raw, index): IndicatorView => {
    // A malformed body (null rows) must not make the checks throw.
    const indicator: Partial<IndicatorInput> = raw ?? {};
    const target = text(indicator.target);
    const parsed = parseTarget(target);
    return {
      index,
      path: `indicators[${index}]`,
      name: text(indicator.name),
      target,
      weight: weightOf(indicator.weight),
      writtenLevel1: text(indicator.level1),
      writtenLevel2: text(indicator.level2),
      level1: normaliseLevel1(text(indicator.level1)),
      level2: normaliseLevel2(text(indicator.level2)),
      parsed,
      quantities: quantitiesOf(parsed),
    };
  });
  return { year: input.year, content: input.content, indicators };
}

function quantitiesOf(parsed: TargetParseResult): QuantitativeTarget[] {
  if (parsed.kind === 'quantitative') return [parsed];
  if (parsed.kind === 'compound') return parsed.parts;
  return [];
}

/** A given 分值 as text; blank means not given. */
function weightOf(weight: unknown): string | undefined {
  const written = weight === undefined || weight === null ? '' : String(weight).trim();
  return written === '' ? undefined : written;
}

/** Trimmed text; anything that is not a string (a malformed body) counts as blank. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A name for comparing: NFKC (full-width → half-width) and no whitespace at all, because PDF text
 * and copy-paste break Chinese names with spaces and line breaks ("建设完 成率").
 */
export function compactName(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

/** How messages name an indicator: 第 3 条指标“前端诉件受理量”. */
export function describe(view: IndicatorView): string {
  return view.name === '' ? `第 ${view.index + 1} 条指标` : `第 ${view.index + 1} 条指标“${view.name}”`;
}

/** 经济成本 amounts: 成本指标/经济成本指标 (2021+), or 产出指标/成本指标 (pre-2021 forms). */
export function isEconomicCost(view: IndicatorView): boolean {
  return (
    (view.level1 === '成本指标' && view.level2 === '经济成本指标') ||
    (view.level1 === '产出指标' && view.level2 === '成本指标')
  );
}

/** Any cost indicator: 成本指标 as a 一级 (2021+) or as a 二级 of 产出 (pre-2021). */
export function isCost(view: IndicatorView): boolean {
  return view.level1 === '成本指标' || (view.level1 === '产出指标' && view.level2 === '成本指标');
}
