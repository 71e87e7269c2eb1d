import type { Amount } from './allocate';
import type { CompiledScheme } from './check-scheme';
import { D, isTwoDecimals, type Dec } from './decimal';
import { QUALITATIVE_TIERS, type QualitativeTier } from './scheme';

export interface QualitativeOutcome {
  tier: QualitativeTier | null;
  /**
   * The points given in 分, never more than the chosen tier allows (its band's top; the weight when no
   * tier is chosen), so that a rejected entry cannot inflate the provisional total.
   */
  points: bigint;
  met: boolean | null;
  /** What is wrong with the entry (rule, field, message); [] when it is valid. */
  problems: { rule: string; field: 'tier' | 'points'; message: string }[];
}

/**
 * A qualitative indicator is scored by the unit: a tier (达成 / 部分达成 / 未达成) and points inside
 * that tier's band of the weight — e.g. 部分达成 of a 20-point weight takes [12, 16): 15 is valid, 17 is not.
 */
export function scoreQualitative(tier: unknown, points: unknown, weightAmount: Amount, s: CompiledScheme): QualitativeOutcome {
  const weight = weightAmount.value;
  const problems: QualitativeOutcome['problems'] = [];
  const knownTier = QUALITATIVE_TIERS.includes(tier as QualitativeTier) ? (tier as QualitativeTier) : null;
  if (knownTier === null) {
    const labels = QUALITATIVE_TIERS.map((t) => `“${s.tiers[t].label}”`).join('、');
    problems.push({ rule: 'qualitative.tierMissing', field: 'tier', message: `定性指标须选择完成档次：${labels}。` });
  }
  if (!isTwoDecimals(points)) {
    const message = points === undefined || points === null || points === '' ? '定性指标须填写得分。' : `得分“${String(points)}”须为最多两位小数的非负数。`;
    problems.push({ rule: 'qualitative.pointsMissing', field: 'points', message });
    return { tier: knownTier, points: 0n, met: knownTier === null ? null : knownTier === 'achieved', problems };
  }
  const given = centsOf(points.trim());
  const kept = given <= weightAmount.cents ? given : weightAmount.cents;
  if (knownTier === null) return { tier: null, points: kept, met: null, problems };

  const band = s.tiers[knownTier];
  const { low, high, lowCents, highCentsFloor, highCentsCeil } = bandOf(knownTier, weight, s);
  // A 0-point indicator has empty bands; 0 points is the only possible score. Whole 分 against a bound
  // with more decimals: g ≥ x ⇔ g ≥ ⌈x⌉, g ≤ x ⇔ g ≤ ⌊x⌋, g < x ⇔ g < ⌈x⌉.
  const inside =
    weightAmount.cents === 0n ? given === 0n : given >= lowCents && (band.maxInclusive ? given <= highCentsFloor : given < highCentsCeil);
  let counted = kept;
  if (!inside) {
    // Above the band: the tier's claim caps it (部分达成 of 20 never counts more than 15.99). Below:
    // what was given — less than the tier allows, so the provisional total is not raised either.
    const top = band.maxInclusive ? highCentsFloor : highCentsCeil - 1n;
    if (counted > top) counted = top < 0n ? 0n : top;
    const range = `${low.toFixed()} 至 ${high.toFixed()}${band.maxInclusive ? '（含）' : '（不含）'}`;
    problems.push({
      rule: 'qualitative.outOfBand',
      field: 'points',
      message: `“${band.label}”的得分须在分值 ${weight.toFixed(2)} 的 ${pct(band.min)}–${pct(band.max)} 之间，即 ${range}；填写的 ${new D(points.trim()).toFixed()} 不在其中。`,
    });
  }
  return { tier: knownTier, points: counted, met: knownTier === 'achieved', problems };
}

/** Points text of at most 2 decimals (checked by isTwoDecimals) in 分: "5" → 500n, "6.2" → 620n. */
function centsOf(text: string): bigint {
  const dot = text.indexOf('.');
  if (dot < 0) return BigInt(text) * 100n;
  return BigInt(text.slice(0, dot) + text.slice(dot + 1).padEnd(2, '0'));
}

interface Band {
  low: Dec;
  high: Dec;
  /** ⌈low⌉, ⌊high⌋ and ⌈high⌉ in 分. */
  lowCents: bigint;
  highCentsFloor: bigint;
  highCentsCeil: bigint;
}

const cents = (d: Dec, round: typeof D.ROUND_CEIL | typeof D.ROUND_FLOOR): bigint => BigInt(d.times(100).toDecimalPlaces(0, round).toFixed(0));

// A tier's band in points, per scheme and weight: equal splits share their weight objects across forms.
const BANDS = new WeakMap<CompiledScheme, WeakMap<Dec, Partial<Record<QualitativeTier, Band>>>>();
function bandOf(tier: QualitativeTier, weight: Dec, s: CompiledScheme): Band {
  let byWeight = BANDS.get(s);
  if (byWeight === undefined) BANDS.set(s, (byWeight = new WeakMap()));
  let byTier = byWeight.get(weight);
  if (byTier === undefined) byWeight.set(weight, (byTier = {}));
  let band = byTier[tier];
  if (band === undefined) {
    const [low, high] = [weight.times(s.tiers[tier].min), weight.times(s.tiers[tier].max)];
    band = { low, high, lowCents: cents(low, D.ROUND_CEIL), highCentsFloor: cents(high, D.ROUND_FLOOR), highCentsCeil: cents(high, D.ROUND_CEIL) };
    byTier[tier] = band;
  }
  return band;
}

function pct(fraction: Dec): string {
  return `${fraction.times(100).toFixed()}%`;
}
