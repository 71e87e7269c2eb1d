import type { CompiledScheme } from './check-scheme';
import { D, gte, isTwoDecimals, lt, lte, min, ZERO, type Dec } from './decimal';
import { QUALITATIVE_TIERS, type QualitativeTier } from './scheme';

export interface QualitativeOutcome {
  tier: QualitativeTier | null;
  /** The points given, clamped to [0, weight] so that a rejected entry cannot inflate the total. */
  points: Dec;
  met: boolean | null;
  /** What is wrong with the entry (rule, field, message); [] when it is valid. */
  problems: { rule: string; field: 'tier' | 'points'; message: string }[];
}

/**
 * A qualitative indicator is scored by the unit: a tier (达成 / 部分达成 / 未达成) and points inside
 * that tier's band of the weight — e.g. 部分达成 of a 20-point weight takes [12, 16): 15 is valid, 17 is not.
 */
export function scoreQualitative(tier: unknown, points: unknown, weight: Dec, s: CompiledScheme): QualitativeOutcome {
  const problems: QualitativeOutcome['problems'] = [];
  const knownTier = QUALITATIVE_TIERS.includes(tier as QualitativeTier) ? (tier as QualitativeTier) : null;
  if (knownTier === null) {
    const labels = QUALITATIVE_TIERS.map((t) => `“${s.tiers[t].label}”`).join('、');
    problems.push({ rule: 'qualitative.tierMissing', field: 'tier', message: `定性指标须选择完成档次：${labels}。` });
  }
  if (!isTwoDecimals(points)) {
    const message = points === undefined || points === null || points === '' ? '定性指标须填写得分。' : `得分“${String(points)}”须为最多两位小数的非负数。`;
    problems.push({ rule: 'qualitative.pointsMissing', field: 'points', message });
    return { tier: knownTier, points: ZERO, met: knownTier === null ? null : knownTier === 'achieved', problems };
  }
  const given = new D(points.trim());
  const kept = min(given, weight);
  if (knownTier === null) return { tier: null, points: kept, met: null, problems };

  const band = s.tiers[knownTier];
  const { low, high } = bandOf(knownTier, weight, s);
  // A 0-point indicator has empty bands; 0 points is the only possible score.
  const inside = weight.isZero() ? given.isZero() : gte(given, low) && (band.maxInclusive ? lte(given, high) : lt(given, high));
  if (!inside) {
    const range = `${low.toFixed()} 至 ${high.toFixed()}${band.maxInclusive ? '（含）' : '（不含）'}`;
    problems.push({
      rule: 'qualitative.outOfBand',
      field: 'points',
      message: `“${band.label}”的得分须在分值 ${weight.toFixed(2)} 的 ${pct(band.min)}–${pct(band.max)} 之间，即 ${range}；填写的 ${given.toFixed()} 不在其中。`,
    });
  }
  return { tier: knownTier, points: kept, met: knownTier === 'achieved', problems };
}

// A tier's band in points, per scheme and weight: equal splits share their weight objects across forms.
const BANDS = new WeakMap<CompiledScheme, WeakMap<Dec, Partial<Record<QualitativeTier, { low: Dec; high: Dec }>>>>();
function bandOf(tier: QualitativeTier, weight: Dec, s: CompiledScheme): { low: Dec; high: Dec } {
  let byWeight = BANDS.get(s);
  if (byWeight === undefined) BANDS.set(s, (byWeight = new WeakMap()));
  let byTier = byWeight.get(weight);
  if (byTier === undefined) byWeight.set(weight, (byTier = {}));
  return (byTier[tier] ??= { low: weight.times(s.tiers[tier].min), high: weight.times(s.tiers[tier].max) });
}

function pct(fraction: Dec): string {
  return `${fraction.times(100).toFixed()}%`;
}
