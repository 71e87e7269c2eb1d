import Decimal from 'decimal.js';
import fc from 'fast-check';
import { scoreForm } from './score-form';
import { DEFAULT_SCHEME, type ScoringScheme } from './scheme';
import { scoreOne } from './scoring.fixtures';
import type { BaselineIndicator, ScoreResult, IndicatorEvaluation, ScoringBaseline, SelfEvaluation } from './types';

// Properties of DESIGN §4 over generated forms: the invariants the year-end batch relies on.

const LINEAR: ScoringScheme = { ...DEFAULT_SCHEME, version: 'test.linear', reverseFormula: 'linear' };
const scheme = fc.constantFrom(DEFAULT_SCHEME, LINEAR);

/** A non-negative decimal with up to 2 decimals, built as text (no float arithmetic). */
const decimal = (max: number) =>
  fc.integer({ min: 0, max: max * 100 }).map((c) => `${Math.floor(c / 100)}${c % 100 === 0 ? '' : `.${String(c % 100).padStart(2, '0')}`}`);
const comparator = fc.constantFrom('≥', '>', '=', '≤', '<');
const unit = fc.constantFrom('%', '次', '万元', '');
const LABELS = ['一级故障', '二级故障', '三级故障'];

interface Generated {
  indicator: Omit<BaselineIndicator, 'id'>;
  entry: Omit<IndicatorEvaluation, 'indicatorId'>;
}

const withUnit = (v: string, u: string) => (u === '' ? v : `${v}(${u})`);

// Zero targets and actuals at the target, in another unit or missing are rare by chance: give them their own weight.
const targetValue = fc.oneof({ weight: 1, arbitrary: fc.constant('0') }, { weight: 6, arbitrary: decimal(200) });
const actualForm = fc.constantFrom('same', 'same', 'same', 'atTarget', 'unitless', 'otherUnit', 'missing');
const quantitative = fc.record({ c: comparator, t: targetValue, u: unit, a: decimal(400), form: actualForm }).map(({ c, t, u, a, form }) => ({
  target: `${c}${withUnit(t, u)}`,
  actual: form === 'missing' ? '' : form === 'atTarget' ? `${t}${u}` : form === 'unitless' ? a : form === 'otherUnit' ? `${a}件` : `${a}${u}`,
}));
const compound = fc.array(fc.record({ c: comparator, t: decimal(200), a: decimal(400) }), { minLength: 2, maxLength: 3 }).map((parts) => ({
  target: parts.map((p, k) => `${LABELS[k]}${p.c}${p.t}(分钟)`).join('，'),
  actual: parts.map((p, k) => `${LABELS[k]}${p.a}分钟`).join('，'),
}));
const qualitative = fc.record({ tier: fc.constantFrom('achieved', 'partial', 'notAchieved' as const), points: decimal(60) });

const generatedIndicator: fc.Arbitrary<Generated> = fc
  .record({
    level1: fc.constantFrom('产出指标', '成本指标', '效益指标', '满意度指标'),
    weight: fc.option(decimal(30), { freq: 3 }),
    kind: fc.oneof(
      { weight: 5, arbitrary: quantitative.map((q) => ({ ...q, tier: undefined, points: undefined })) },
      { weight: 2, arbitrary: compound.map((q) => ({ ...q, tier: undefined, points: undefined })) },
      { weight: 2, arbitrary: qualitative.map((q) => ({ target: '及时', actual: '基本及时', ...q })) },
      { weight: 1, arbitrary: fc.constant({ target: '无', actual: '', tier: undefined, points: undefined }) },
    ),
    reason: fc.constantFrom(undefined, '原因说明。', '  '),
  })
  .map(({ level1, weight, kind, reason }) => {
    const indicator: Omit<BaselineIndicator, 'id'> = { level1, level2: '', name: `指标`, target: kind.target };
    if (weight !== null) indicator.weight = weight;
    const entry: Omit<IndicatorEvaluation, 'indicatorId'> = { actual: kind.actual };
    if (kind.tier !== undefined) Object.assign(entry, { tier: kind.tier, points: kind.points });
    if (reason !== undefined) entry.reason = reason;
    return { indicator, entry };
  });

const generatedForm = fc
  .record({
    indicators: fc.array(generatedIndicator, { minLength: 1, maxLength: 14 }),
    budget: decimal(1_000_000),
    executed: decimal(1_200_000),
  })
  .map(({ indicators, budget, executed }): { baseline: ScoringBaseline; evaluation: SelfEvaluation } => ({
    baseline: { approvedAmount: budget, indicators: indicators.map((g, k) => ({ ...g.indicator, id: `id-${k}` })) },
    evaluation: { budgetExecuted: executed, indicators: indicators.map((g, k) => ({ ...g.entry, indicatorId: `id-${k}` })), goalAchievement: '完成' },
  }));

const d = (s: string) => new Decimal(s);
const sum = (xs: string[]) => xs.reduce((acc, x) => acc.plus(x), d('0'));
const hasApplicable = (r: ScoreResult) => r.categories.some((c) => c.applicable);

describe('scoreForm properties (fast-check)', () => {
  it('0 ≤ indicator points ≤ indicator weight, every number a 2-decimal string', () => {
    fc.assert(
      fc.property(generatedForm, scheme, ({ baseline, evaluation }, s) => {
        const r = scoreForm(baseline, evaluation, s);
        for (const i of [...r.indicators, r.execution]) {
          expect(i.points).toMatch(/^\d+\.\d{2}$/);
          expect(i.weight).toMatch(/^\d+\.\d{2}$/);
          expect(d(i.points).lte(d(i.weight))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('total ≤ 100 and = 执行率 points + Σ indicator points = 执行率 + Σ category points; weights sum to exactly 100', () => {
    fc.assert(
      fc.property(generatedForm, scheme, ({ baseline, evaluation }, s) => {
        const r = scoreForm(baseline, evaluation, s);
        const total = d(r.total);
        expect(total.lte(100)).toBe(true);
        expect(total.eq(sum([r.execution.points, ...r.indicators.map((i) => i.points)]))).toBe(true);
        expect(total.eq(sum([r.execution.points, ...r.categories.map((c) => c.points)]))).toBe(true);
        if (hasApplicable(r)) {
          expect(sum([r.execution.weight, ...r.categories.map((c) => c.weight)]).eq(100)).toBe(true);
          expect(sum([r.execution.weight, ...r.indicators.map((i) => i.weight)]).eq(100)).toBe(true);
        }
        const grade = total.gte(90) ? '优' : total.gte(80) ? '良' : total.gte(60) ? '中' : '差';
        expect(r.grade).toBe(grade);
      }),
      { numRuns: 400 },
    );
  });

  it('the score is independent of indicator order (baseline and self-evaluation shuffled independently)', () => {
    const shuffled = generatedForm.chain((f) =>
      fc.tuple(
        fc.constant(f),
        fc.shuffledSubarray(f.baseline.indicators, { minLength: f.baseline.indicators.length }),
        fc.shuffledSubarray(f.evaluation.indicators, { minLength: f.evaluation.indicators.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, scheme, ([f, indicators, entries], s) => {
        const a = scoreForm(f.baseline, f.evaluation, s);
        const b = scoreForm({ ...f.baseline, indicators }, { ...f.evaluation, indicators: entries }, s);
        expect(b.total).toBe(a.total);
        expect(b.categories).toEqual(a.categories);
        const byId = (r: ScoreResult) => Object.fromEntries(r.indicators.map((i) => [i.indicatorId, [i.weight, i.points, i.rule]]));
        expect(byId(b)).toEqual(byId(a));
        expect(b.problems.errors.length).toBe(a.problems.errors.length);
      }),
      { numRuns: 300 },
    );
  });

  const pointsOf = (target: string, actual: string, s: ScoringScheme) => d(scoreOne(target, { actual, reason: '-' }, s).indicator.points);
  const pair = fc.tuple(decimal(300), decimal(300)).map(([x, y]) => (d(x).lte(y) ? [x, y] : [y, x]) as [string, string]);

  it('raising an actual never lowers a positive indicator’s score (≥ and >), nor an equal one’s on the way to its target', () => {
    fc.assert(
      fc.property(fc.constantFrom('≥', '>', '='), decimal(200), pair, scheme, (c, t, [low, high], s) => {
        if (c === '=' && d(high).gt(t)) return; // past an = target the deviation is no longer "towards" it
        expect(pointsOf(`${c}${t}(件)`, low, s).lte(pointsOf(`${c}${t}(件)`, high, s))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('lowering an actual never lowers a reverse indicator’s score (≤ and <; ratio and linear formulas)', () => {
    fc.assert(
      fc.property(fc.constantFrom('≤', '<'), decimal(200), pair, scheme, (c, t, [low, high], s) => {
        expect(pointsOf(`${c}${t}(%)`, low, s).gte(pointsOf(`${c}${t}(%)`, high, s))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the generated forms reach every rule (the properties above are not vacuous)', () => {
    const seen = new Set<string>();
    for (const [{ baseline, evaluation }, s] of fc.sample(fc.tuple(generatedForm, scheme), { numRuns: 400, seed: 7 })) {
      for (const i of scoreForm(baseline, evaluation, s).indicators) seen.add(i.rule);
    }
    expect([...seen].sort()).toEqual(
      [
        'positive.met', 'positive.ratio', 'equal.met', 'equal.ratio', 'reverse.met', 'reverse.ratio', 'reverse.linear',
        'zeroTarget', 'compound.met', 'compound.mean', 'qualitative.tier', 'notApplicable', 'unscorable',
      ].sort(),
    );
  });

  it('scoring is pure: the same inputs give deep-equal results, and the inputs are not modified', () => {
    fc.assert(
      fc.property(generatedForm, ({ baseline, evaluation }) => {
        const before = JSON.stringify([baseline, evaluation]);
        expect(scoreForm(baseline, evaluation)).toEqual(scoreForm(baseline, evaluation));
        expect(JSON.stringify([baseline, evaluation])).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
