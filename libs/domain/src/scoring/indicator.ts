import { readActual } from './actual';
import type { Row } from './baseline';
import type { CompiledScheme } from './check-scheme';
import type { Amount } from './allocate';
import { divide, EXACT_ONE, fixedExact, formatScaled, multiply, scaledHalfUp, type Exact } from './exact';
import { hasText, type Problems } from './problems';
import { scoreQualitative } from './qualitative';
import { combineParts, scoreQuantity, type QuantityOutcome } from './rules';
import type { QualitativeTier } from './scheme';
import type { IndicatorEvaluation, IndicatorRule, IndicatorScore, PartScore } from './types';

interface Outcome {
  rule: IndicatorRule;
  ratio: Exact | null;
  /** Points the unit gave, in 分; null when the ratio gives them. */
  points: bigint | null;
  met: boolean | null;
  explain: boolean;
  parts?: PartScore[];
  tier?: QualitativeTier;
}

const UNSCORABLE: Outcome = { rule: 'unscorable', ratio: null, points: null, met: null, explain: false };

/** One indicator against its actual, with the reason checks of the self-evaluation (issue item 2). */
export function scoreIndicator(
  row: Row,
  entry: IndicatorEvaluation | undefined,
  weightAmount: Amount,
  s: CompiledScheme,
  problems: Problems,
): { score: IndicatorScore; points: bigint } {
  const name = typeof row.indicator.name === 'string' ? row.indicator.name.trim() : '';
  const written = typeof entry?.actual === 'string' ? entry.actual.trim() : '';
  const actual = written === '' ? null : written;
  // Problems are rare: their texts are built only when one is reported (no closures per indicator).

  let o: Outcome;
  if (row.parsed.kind === 'none') o = { ...UNSCORABLE, rule: 'notApplicable' };
  else if (!row.applicable || row.parsed.kind === 'error') o = UNSCORABLE; // reported by readBaseline
  else if (row.parsed.kind === 'qualitative') {
    const q = scoreQualitative(entry?.tier, entry?.points, weightAmount, s);
    for (const p of q.problems) report(problems, 'error', row, name, p.rule, p.field, p.message);
    if (actual === null) report(problems, 'error', row, name, 'actual.missing', 'actual', '请填写实际完成值（完成情况的文字说明）。');
    const ratio = weightAmount.cents === 0n ? null : divide({ m: q.points, e: -2 }, weightAmount.exact);
    o = { rule: 'qualitative.tier', ratio, points: q.points, met: q.met, explain: false };
    if (q.tier !== null) o.tier = q.tier;
  } else if (actual === null) {
    report(problems, 'error', row, name, 'actual.missing', 'actual', `请填写实际完成值（年度指标值为“${row.target}”）。`);
    o = UNSCORABLE;
  } else {
    const reading = readActual(row.parsed, actual);
    if (!reading.ok) {
      report(problems, 'error', row, name, reading.rule, 'actual', reading.message);
      o = UNSCORABLE;
    } else {
      const bounded = reading.values.filter((v) => v.bounded).map((v) => v.text);
      if (bounded.length > 0) report(problems, 'warning', row, name, 'actual.bounded', 'actual', `实际完成值“${actual}”含比较符，按 ${bounded.join('、')} 计分。`);
      const target = row.parsed;
      if (target.kind === 'quantitative') {
        const q = scoreQuantity(target, reading.values[0]!.quantity, s);
        o = { rule: q.rule, ratio: q.ratio, points: null, met: q.met, explain: q.explain };
      } else {
        const outcomes = target.parts.map((p, k) => scoreQuantity(p, reading.values[k]!.quantity, s));
        const c = combineParts(outcomes);
        const parts = target.parts.map((p, k) => partScore(p.label, `${p.value}${p.unit}`, reading.values[k]!.text, outcomes[k]!));
        o = { rule: c.met ? 'compound.met' : 'compound.mean', ratio: c.ratio, points: null, met: c.met, explain: c.explain, parts };
      }
    }
  }

  // Points given by the unit (qualitative) already have at most 2 decimals, as does the weight that caps them.
  const points = o.points !== null ? o.points : pointsOf(o.ratio, weightAmount);
  const applicable = row.applicable;
  const reasonRequired = applicable && o.met !== null && (!o.met || points < weightAmount.cents);
  const reasonGiven = hasText(entry?.reason);
  if (reasonRequired && !reasonGiven) {
    const why = o.met ? `得分 ${formatScaled(points, 2)} 低于分值 ${weightAmount.text}` : '未完成年度指标值';
    report(problems, 'error', row, name, 'reason.required', 'reason', `${why}，须填写偏差原因分析及改进措施。`);
  }
  if (o.explain && !reasonGiven) {
    report(problems, 'warning', row, name, 'actual.aboveTarget', 'reason', `实际完成值达到年度指标值的 ${s.explainAboveRatio.times(100).toFixed()}% 以上，请说明偏差原因（指标值是否偏低）。`);
  }

  const score: IndicatorScore = {
    indicatorId: row.id,
    name,
    level1: row.level1,
    category: row.category,
    target: row.target,
    actual,
    weight: weightAmount.text,
    points: points === weightAmount.cents ? weightAmount.text : formatScaled(points, 2),
    rule: o.rule,
    ratio: o.ratio === null ? null : fixed4(o.ratio),
    met: o.met,
    applicable,
    reasonRequired,
    reasonGiven,
    explanationRequired: o.explain,
  };
  if (o.parts !== undefined) score.parts = o.parts;
  if (o.tier !== undefined) score.tier = o.tier;
  return { score, points };
}

function report(problems: Problems, severity: 'error' | 'warning', row: Row, name: string, rule: string, field: string, message: string): void {
  problems[severity](rule, `indicators[${row.index}].${field}`, `指标“${name}”：${message}`, row.id);
}

/** round2(ratio × weight) of decimal.ts, in 分; full and nothing need no arithmetic. */
export function pointsOf(ratio: Exact | null, weight: Amount): bigint {
  if (ratio === null || ratio.m === 0n) return 0n;
  return ratio === EXACT_ONE ? weight.cents : scaledHalfUp(multiply(ratio, weight.exact), 2);
}

/** fixed4 of decimal.ts: half up to 4 decimals ("0.8618"). */
export function fixed4(ratio: Exact): string {
  return ratio === EXACT_ONE ? '1.0000' : fixedExact(ratio, 4);
}

function partScore(label: string, target: string, actual: string, q: QuantityOutcome): PartScore {
  return { label, target, actual, ratio: fixed4(q.ratio), met: q.met, rule: q.rule };
}
