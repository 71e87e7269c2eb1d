import { SEED_000_3, SEED_000_4, SEED_FORMS, type SeedForm } from '../../../../test/fixtures/seed-forms';
import Decimal from 'decimal.js';
import { parseTarget } from '../targets';
import type { QuantitativeTarget } from '../targets/types';
import { scoreForm, selfEvaluationComplete } from './score-form';
import { baseline, evaluation, indicator, rules } from './scoring.fixtures';
import type { IndicatorEvaluation, ScoringBaseline } from './types';

// Worked examples computed by hand (DESIGN §4, 财政部《项目支出绩效评价管理办法》财预〔2020〕10号).

const METS = [indicator('o', '产出指标', '≥1(次)'), indicator('e', '效益指标', '≥1(次)'), indicator('s', '满意度指标', '≥90(%)')];
const MET_ACTUALS = { o: { actual: '1' }, e: { actual: '1' }, s: { actual: '90%' } };

describe('预算执行率: min(executed / budget, 1) × 10, 2 decimals', () => {
  it('86.19% → 0.8619 × 10 = 8.619 → 8.62, and < 90% needs a reason (reason.required on executionReason)', () => {
    // 215475.00 / 250000.00 = 0.8619
    const result = scoreForm(baseline(METS, '250000.00'), evaluation(MET_ACTUALS, '215475.00'));
    expect(result.execution).toEqual({
      budget: '250000.00',
      executed: '215475.00',
      rate: '0.8619',
      weight: '10.00',
      points: '8.62',
      reasonRequired: true,
      reasonGiven: false,
    });
    expect(result.problems.errors).toEqual([expect.objectContaining({ rule: 'reason.required', path: 'executionReason' })]);
    expect(result.total).toBe('98.62'); // 8.62 + 50 + 30 + 10
  });

  it('API.md example: 215457.60 / 250000.00 = 0.8618304 → rate "0.8618", points 8.618304 → 8.62 (from the exact rate)', () => {
    const result = scoreForm(baseline(METS, '250000.00'), { ...evaluation(MET_ACTUALS, '215457.60'), executionReason: '部分合同年底结算。' });
    expect(result.execution).toMatchObject({ rate: '0.8618', points: '8.62', reasonRequired: true, reasonGiven: true });
    expect(result.problems.errors).toEqual([]);
  });

  it('capped at 1: 110% spent → 10.00 with a warning; exactly 90% needs no reason', () => {
    const over = scoreForm(baseline(METS, '100.00'), evaluation(MET_ACTUALS, '110.00'));
    expect(over.execution).toMatchObject({ rate: '1.1000', points: '10.00', reasonRequired: false });
    expect(rules(over, 'warnings')).toContain('execution.overBudget');
    expect(scoreForm(baseline(METS, '100.00'), evaluation(MET_ACTUALS, '90.00')).execution).toMatchObject({ points: '9.00', reasonRequired: false });
  });

  it('budget 0 → rate 0 and a warning (execution.zeroBudget); a missing 执行数 is an error', () => {
    const zero = scoreForm(baseline(METS, '0.00'), { ...evaluation(MET_ACTUALS, '0.00'), executionReason: '未安排资金。' });
    expect(zero.execution).toMatchObject({ rate: '0.0000', points: '0.00' });
    expect(rules(zero, 'warnings')).toContain('execution.zeroBudget');
    const missing = scoreForm(baseline(METS), { ...evaluation(MET_ACTUALS), budgetExecuted: '' });
    expect(rules(missing)).toEqual(['execution.missing']);
  });
});

describe('weights: given on the form or split equally inside the category (largest remainder)', () => {
  it('three indicators in 产出 50 → 16.67 + 16.67 + 16.66; 成本指标 counts inside 产出 as a 一级 and as a 二级', () => {
    const cost1 = indicator('a', '成本指标', '≤35.50(万元)');
    const cost2 = { ...indicator('b', '产出指标', '≤27.30(万元)'), level2: '成本指标' };
    const result = scoreForm(
      baseline([cost1, cost2, indicator('c', '产出指标', '≥1(次)'), ...METS.slice(1)]),
      evaluation({ a: { actual: '35' }, b: { actual: '27.3万元' }, c: { actual: '1' }, e: MET_ACTUALS.e, s: MET_ACTUALS.s }),
    );
    expect(result.indicators.slice(0, 3).map((i) => [i.level1, i.category, i.weight])).toEqual([
      ['成本指标', '产出指标', '16.67'],
      ['产出指标', '产出指标', '16.67'],
      ['产出指标', '产出指标', '16.66'],
    ]);
    expect(result.categories[0]).toEqual({ level1: '产出指标', weight: '50.00', points: '50.00', applicable: true });
    expect(result.total).toBe('100.00');
  });

  it('given 分值 are used as they are: 产出 20 + 30', () => {
    const result = scoreForm(
      baseline([indicator('p', '产出指标', '≥10(个)', '20'), indicator('q', '产出指标', '≥10(个)', '30'), ...METS.slice(1)]),
      evaluation({ p: { actual: '5', reason: '-' }, q: { actual: '10' }, e: MET_ACTUALS.e, s: MET_ACTUALS.s }),
    );
    // p: 5 / 10 = 0.5 × 20 = 10.00; q: 30.00
    expect(result.indicators.slice(0, 2).map((i) => [i.weight, i.points])).toEqual([['20.00', '10.00'], ['30.00', '30.00']]);
    expect(result.problems.warnings).toEqual([]);
  });

  it('a 无 indicator is dropped and its weight redistributed: equally (30 / 2 = 15 + 15) or by 分值 (15 : 5 of 30 → 22.50 + 7.50)', () => {
    const equal = scoreForm(
      baseline([METS[0]!, indicator('e1', '效益指标', '提升'), indicator('e2', '效益指标', '无'), indicator('e3', '效益指标', '≥1(项)'), METS[2]!]),
      evaluation({ o: MET_ACTUALS.o, e1: { actual: '已提升', tier: 'achieved', points: '15' }, e3: { actual: '1' }, s: MET_ACTUALS.s }),
    );
    expect(equal.indicators.slice(1, 4).map((i) => [i.rule, i.weight, i.points])).toEqual([
      ['qualitative.tier', '15.00', '15.00'],
      ['notApplicable', '0.00', '0.00'],
      ['positive.met', '15.00', '15.00'],
    ]);
    expect(equal.rescaledFrom).toBeUndefined();
    expect(equal.total).toBe('100.00');

    const weighted = scoreForm(
      baseline([METS[0]!, indicator('e1', '效益指标', '≥1(项)', '15'), indicator('e2', '效益指标', '无', '10'), indicator('e3', '效益指标', '≥1(项)', '5'), METS[2]!]),
      evaluation({ o: MET_ACTUALS.o, e1: { actual: '1' }, e3: { actual: '1' }, s: MET_ACTUALS.s }),
    );
    // 30 × 15 / 20 = 22.5; 30 × 5 / 20 = 7.5
    expect(weighted.indicators.slice(1, 4).map((i) => i.weight)).toEqual(['22.50', '0.00', '7.50']);
    expect(weighted.problems.warnings).toEqual([]); // 15 + 10 + 5 = 30 as written
  });

  it('a form without 满意度 is rescaled to 100: 10 + 50 + 30 = 90 → × 100 / 90 = 11.11 + 55.56 + 33.33', () => {
    // exact 11.111…, 55.555…, 33.333…: floors 11.11 + 55.55 + 33.33 = 99.99; the 分 left goes to the
    // largest remainder (55.555… → 55.56), so the weights sum to exactly 100.00.
    const result = scoreForm(baseline(METS.slice(0, 2)), evaluation({ o: MET_ACTUALS.o, e: MET_ACTUALS.e }));
    expect(result.rescaledFrom).toBe('90.00');
    expect(result.execution.weight).toBe('11.11');
    expect(result.categories).toEqual([
      { level1: '产出指标', weight: '55.56', points: '55.56', applicable: true },
      { level1: '效益指标', weight: '33.33', points: '33.33', applicable: true },
      { level1: '满意度指标', weight: '0.00', points: '0.00', applicable: false },
    ]);
    expect(result).toMatchObject({ total: '100.00', grade: '优' });
  });

  it('a 满意度 of only 无 is the same as none: rescaled from 90', () => {
    const result = scoreForm(baseline([...METS.slice(0, 2), indicator('s', '满意度指标', '无')]), evaluation({ o: MET_ACTUALS.o, e: MET_ACTUALS.e }));
    expect(result.rescaledFrom).toBe('90.00');
    expect(result.categories[2]).toMatchObject({ applicable: false, weight: '0.00' });
  });
});

describe('qualitative: tier bands of the weight, 达成 [80%,100%] · 部分达成 [60%,80%) · 未达成 [0,60%)', () => {
  // q has a 20-point weight (产出 20 + 30 as given on the form).
  const form = baseline([indicator('q', '产出指标', '按计划完成', '20'), indicator('r', '产出指标', '≥1(个)', '30'), ...METS.slice(1)]);
  const score = (q: Omit<IndicatorEvaluation, 'indicatorId'>) =>
    scoreForm(form, evaluation({ q: { actual: '基本按计划完成', ...q }, r: { actual: '1' }, e: MET_ACTUALS.e, s: MET_ACTUALS.s }));

  it('部分达成 at 75% of a 20-point weight: 0.75 × 20 = 15 is in [12, 16) → 15.00', () => {
    const result = score({ tier: 'partial', points: '15', reason: '部分工作延后。' });
    expect(result.indicators[0]).toMatchObject({ rule: 'qualitative.tier', tier: 'partial', weight: '20.00', points: '15.00', ratio: '0.7500', met: false });
    expect(result.problems.errors).toEqual([]);
  });

  it('17 is 85% of 20, not in 部分达成 [12, 16): qualitative.outOfBand; 16 (the open end) neither; 12 is in', () => {
    const seventeen = score({ tier: 'partial', points: '17', reason: '-' });
    expect(rules(seventeen)).toEqual(['qualitative.outOfBand']);
    // The provisional score counts no more than 部分达成 allows: the top of [12, 16) in 分.
    expect(seventeen.indicators[0]!.points).toBe('15.99');
    expect(rules(score({ tier: 'partial', points: '16', reason: '-' }))).toEqual(['qualitative.outOfBand']);
    expect(rules(score({ tier: 'partial', points: '12', reason: '-' }))).toEqual([]);
    // Below the band (5 for 部分达成), the points count as given: less than the tier allows, nothing raised.
    const low = score({ tier: 'partial', points: '5', reason: '-' });
    expect(rules(low)).toEqual(['qualitative.outOfBand']);
    expect(low.indicators[0]!.points).toBe('5.00');
  });

  it('达成 takes [16, 20]: 20 is full (no reason), 18 needs a reason; above the weight is rejected and capped', () => {
    expect(rules(score({ tier: 'achieved', points: '20' }))).toEqual([]);
    expect(rules(score({ tier: 'achieved', points: '18' }))).toEqual(['reason.required']);
    const above = score({ tier: 'achieved', points: '25' });
    expect(rules(above)).toEqual(['qualitative.outOfBand']);
    expect(above.indicators[0]!.points).toBe('20.00');
  });

  it('a missing tier or points is an error', () => {
    expect(rules(score({ points: '15', reason: '-' }))).toEqual(['qualitative.tierMissing']);
    expect(rules(score({ tier: 'partial', reason: '-' }))).toEqual(['qualitative.pointsMissing']);
    expect(rules(score({ tier: 'partial', points: '15.555', reason: '-' }))).toEqual(['qualitative.pointsMissing']);
  });
});

/** The baseline of a transcribed seed form, with ids i0, i1, … */
function seedBaseline(seed: SeedForm): ScoringBaseline {
  return { approvedAmount: seed.content.funds.total, indicators: seed.content.indicators.map((i, k) => ({ ...i, id: `i${k}` })) };
}

describe('a real seed form (000#3 热线服务保障经费, test/fixtures/seed-forms.ts), scored by hand', () => {
  const actuals: Record<string, Omit<IndicatorEvaluation, 'indicatorId'>> = {
    i0: { actual: '76.20万元' }, //         ≤77.50(万元)  met                                   5.00
    i1: { actual: '57.92' }, //             ≤57.92(万元)  met                                   5.00
    i2: { actual: '48万元', reason: '话务量上升。' }, // ≤46.50: 46.5 / 48 = 0.96875 × 5 = 4.84375 → 4.84
    i3: { actual: '32,150件' }, //          ≥31000(件)    met                                   5.00
    i4: { actual: '13032件', reason: '诉件减少。' }, // ≥14480: 13032 / 14480 = 0.9 × 5 = 4.50
    i5: { actual: '31000' }, //             ≥31000(件)    met                                   5.00
    i6: { actual: '93%' }, //               ≥90(百分比)   met                                   5.00
    i7: { actual: '92.5百分比' }, //        ≥92(百分比)   met                                   5.00
    i8: { actual: '88.2%', reason: '人员流动。' }, // ≥90: 88.2 / 90 = 0.98 × 5 = 4.90
    i9: { actual: '24小时' }, //            =24(小时)     met                                   5.00
    i10: { actual: '99.5%', reason: '个别诉件跨年。' }, // ≥100: 0.995 × 10 = 9.95
    i11: { actual: '2.5%', reason: '新增投诉渠道。' }, // ≤2: 2 / 2.5 = 0.8 × 10 = 8.00
    i12: { actual: '机制基本健全', tier: 'achieved', points: '9', reason: '细则待完善。' }, // [8, 10] → 9.00
    i13: { actual: '91.3%' }, //            ≥85(%)        met                                  10.00
  };

  it('产出 (3 成本 + 7 产出 = 10 × 5.00) 49.24 · 效益 (3 × 10.00) 26.95 · 满意度 10.00 · 执行率 8.62 → 94.81 优', () => {
    // 执行率 1,567,968.48 / 1,819,200.00 = 0.8619 → 8.619 → 8.62 (reason given)
    // 产出 5 × 7 + 4.84 + 4.50 + 4.90 = 49.24; 效益 9.95 + 8.00 + 9.00 = 26.95; 满意度 10.00
    // total 8.62 + 49.24 + 26.95 + 10.00 = 94.81 → 优 (≥ 90)
    const result = scoreForm(seedBaseline(SEED_000_3), { ...evaluation(actuals, '1567968.48'), executionReason: '部分合同跨年结算。' });
    expect(result.problems.errors).toEqual([]);
    expect(result.execution).toMatchObject({ rate: '0.8619', points: '8.62' });
    expect(result.indicators.map((i) => i.points)).toEqual([
      '5.00', '5.00', '4.84', '5.00', '4.50', '5.00', '5.00', '5.00', '4.90', '5.00', '9.95', '8.00', '9.00', '10.00',
    ]);
    expect(result.indicators.map((i) => i.rule)).toEqual([
      'reverse.met', 'reverse.met', 'reverse.ratio', 'positive.met', 'positive.ratio', 'positive.met', 'positive.met',
      'positive.met', 'positive.ratio', 'equal.met', 'positive.ratio', 'reverse.ratio', 'qualitative.tier', 'positive.met',
    ]);
    expect(result.categories.map((c) => c.points)).toEqual(['49.24', '26.95', '10.00']);
    expect(result).toMatchObject({ total: '94.81', grade: '优', schemeVersion: 'cz2020-10.v1' });
    expect(selfEvaluationComplete(result)).toEqual({ complete: true, problems: 0 });
  });

  it('000#4 has a target lost by the PDF (blank → 无): its 效益 weight goes to the two others (15.00 each)', () => {
    const result = scoreForm(seedBaseline(SEED_000_4), evaluation({}));
    const effect = result.indicators.filter((i) => i.category === '效益指标');
    expect(effect.map((i) => [i.rule === 'notApplicable', i.weight])).toEqual([
      [true, '0.00'],
      [false, '15.00'],
      [false, '15.00'],
    ]);
  });
});

/** Actuals that meet every target (at the target; above a strict >, below a strict <); qualitative ones achieved at full weight. */
function fullMarks(b: ScoringBaseline): Record<string, Omit<IndicatorEvaluation, 'indicatorId'>> {
  const weights = scoreForm(b, evaluation({})).indicators;
  const strict = { '>': (v: Decimal) => v.plus(1), '<': (v: Decimal) => v.dividedBy(2) } as Record<string, (v: Decimal) => Decimal>;
  const meeting = (q: QuantitativeTarget) => `${strict[q.comparator]?.(new Decimal(q.value)).toFixed() ?? q.value}${q.unit}`;
  return Object.fromEntries(
    weights.map((i, k) => {
      const t = parseTarget(b.indicators[k]!.target);
      if (t.kind === 'quantitative') return [i.indicatorId, { actual: meeting(t) }];
      if (t.kind === 'compound') return [i.indicatorId, { actual: t.parts.map((p) => `${p.label}${meeting(p)}`).join('，') }];
      if (t.kind === 'qualitative') return [i.indicatorId, { actual: `已${t.text}`, tier: 'achieved' as const, points: i.weight }];
      return [i.indicatorId, {}];
    }),
  );
}

describe('every seed form, with every target met exactly, scores 100.00 with weights summing to exactly 100', () => {
  it.each(SEED_FORMS.map((s) => [s.seed, s] as const))('%s', (_seed, seed) => {
    const b = seedBaseline(seed);
    const result = scoreForm(b, evaluation(fullMarks(b), seed.content.funds.total));
    expect(result.problems.errors).toEqual([]);
    const weights = [result.execution.weight, ...result.categories.map((c) => c.weight)];
    expect(weights.reduce((sum, w) => sum + Math.round(Number(w) * 100), 0)).toBe(10_000); // integer 分, exact
    expect(result).toMatchObject({ total: '100.00', grade: '优' });
  });
});
