import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Grade } from '../scoring/scheme';
import { mergeReportLines, summarizeCampaign } from './summarize';
import type { ReportFormLine } from './types';

// The department summary (DESIGN §4), every number computed by hand in the test.

const CAMPAIGN = { id: 'c-2024', year: 2024, departmentName: '上海市绿化和市容管理局', schemeVersion: 'cz2020-10.v1' };
const AT = '2025-01-20T09:30:00+08:00';

type Indicator = NonNullable<ReportFormLine['score']>['indicators'][number];

function ind(id: string, name: string, weight: string, points: string, ratio: string | null, applicable = true): Indicator {
  return { indicatorId: id, name, level1: '产出指标', weight, points, ratio, applicable };
}

function line(formId: string, over: Partial<ReportFormLine> = {}): ReportFormLine {
  return {
    formId,
    projectName: `项目${formId}`,
    unitName: '行政服务中心',
    unitId: 'u1',
    state: 'completed',
    approvedAmount: '100.00',
    score: null,
    late: null,
    ...over,
  };
}

function scored(formId: string, total: string, grade: Grade, approvedAmount: string | null, indicators: Indicator[] = []): ReportFormLine {
  return line(formId, { approvedAmount, score: { total, grade, indicators } });
}

const summarize = (lines: ReportFormLine[], failures = [] as { formIds: string[]; message: string }[]) =>
  summarizeCampaign({ campaign: CAMPAIGN, lines, failures, generatedAt: AT });

describe('summarizeCampaign: averages', () => {
  it('95.00 / 82.50 / 70.00 with 100 / 300 / 600 元 → average 82.50, weighted 76.25', () => {
    const r = summarize([scored('a', '95.00', '优', '100.00'), scored('b', '82.50', '良', '300.00'), scored('c', '70.00', '中', '600.00')]);
    // (95 + 82.5 + 70) / 3 = 247.5 / 3 = 82.5
    expect(r.averageScore).toBe('82.50');
    // (95×100 + 82.5×300 + 70×600) / 1000 = (9500 + 24750 + 42000) / 1000 = 76.25
    expect(r.weightedAverageScore).toBe('76.25');
    expect(r.scored).toBe(3);
    expect(r.gradeCounts).toEqual({ 优: 1, 良: 1, 中: 1, 差: 0 });
  });

  it('rounds half up to 2 decimals: (90.00 + 90.00 + 90.01) / 3 = 90.00333… → 90.00; (80.01 + 80.00) / 2 = 80.005 → 80.01', () => {
    expect(summarize([scored('a', '90.00', '优', null), scored('b', '90.00', '优', null), scored('c', '90.01', '优', null)]).averageScore).toBe('90.00');
    expect(summarize([scored('a', '80.01', '良', null), scored('b', '80.00', '良', null)]).averageScore).toBe('80.01');
  });

  it('the weighted average leaves out forms without a positive approved amount, the plain average does not', () => {
    // weighted over a and b only: (60×1 + 90×3) / 4 = 330 / 4 = 82.5; plain: (60 + 90 + 30 + 0) / 4 = 45
    const r = summarize([
      scored('a', '60.00', '中', '1.00'),
      scored('b', '90.00', '优', '3.00'),
      scored('c', '30.00', '差', '0.00'),
      scored('d', '0.00', '差', null),
      line('e', { approvedAmount: '1000000.00' }), // not scored: no weight either
    ]);
    expect(r.weightedAverageScore).toBe('82.50');
    expect(r.averageScore).toBe('45.00');
    expect(r.gradeCounts).toEqual({ 优: 1, 良: 0, 中: 1, 差: 2 });
  });

  it('weighted exactly with money that a float would get wrong: (0.10×33.33 + 0.20×66.67) / 0.30 = 55.5566… → 55.56', () => {
    // 3.333 + 13.334 = 16.667; 16.667 / 0.3 = 55.5566…
    const r = summarize([scored('a', '33.33', '差', '0.10'), scored('b', '66.67', '中', '0.20')]);
    expect(r.weightedAverageScore).toBe('55.56');
    expect(r.averageScore).toBe('50.00');
  });
});

describe('summarizeCampaign: counts', () => {
  it('an empty campaign: every state and grade present with 0, averages null, nothing listed', () => {
    const r = summarize([]);
    expect(r).toEqual({
      campaignId: 'c-2024',
      year: 2024,
      departmentName: '上海市绿化和市容管理局',
      schemeVersion: 'cz2020-10.v1',
      generatedAt: AT,
      forms: 0,
      countsByState: { draft: 0, declared: 0, reviewing: 0, returned: 0, approved: 0, selfEvaluation: 0, selfEvaluationReview: 0, completed: 0 },
      scored: 0,
      gradeCounts: { 优: 0, 良: 0, 中: 0, 差: 0 },
      averageScore: null,
      weightedAverageScore: null,
      scoreHistogram: Array.from({ length: 10 }, (_, k) => ({ from: k * 10, to: k * 10 + 10, count: 0 })),
      late: [],
      lowestIndicators: [],
      failures: [],
    });
  });

  it('a self-evaluation returned to the unit no longer counts with its earlier score (only 自评审核 and 已完成 do)', () => {
    const returned = line('r', { state: 'selfEvaluation', score: { total: '40.00', grade: '差', indicators: [ind('x', '返回的指标', '10', '0.00', '0.0000')] } });
    const r = summarize([scored('a', '90.00', '优', '100.00'), { ...scored('b', '80.00', '良', '100.00'), state: 'selfEvaluationReview' }, returned]);
    expect(r.scored).toBe(2);
    expect(r.averageScore).toBe('85.00');
    expect(r.gradeCounts).toEqual({ 优: 1, 良: 1, 中: 0, 差: 0 });
    expect(r.scoreHistogram[4]!.count).toBe(0);
    expect(r.lowestIndicators.map((i) => i.name)).not.toContain('返回的指标');
  });

  it('the score histogram: bins of 10 points, the lower edge in its bin, 100 in [90, 100], unscored forms left out', () => {
    const r = summarize([
      scored('a', '0.00', '差', '1.00'),
      scored('b', '59.99', '差', '1.00'),
      scored('c', '60.00', '中', '1.00'),
      scored('d', '89.99', '良', '1.00'),
      scored('e', '90.00', '优', '1.00'),
      scored('f', '100.00', '优', '1.00'),
      line('g'),
    ]);
    expect(r.scoreHistogram.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 1, 2]);
    expect(r.scoreHistogram[9]).toEqual({ from: 90, to: 100, count: 2 });
    expect(r.scoreHistogram.reduce((n, b) => n + b.count, 0)).toBe(r.scored);
  });

  it('nothing scored yet: counts by state, no averages, late forms listed, failures passed through', () => {
    const failures = [{ formIds: ['x1', 'x2'], message: '数据库连接中断' }];
    const r = summarize(
      [
        line('a', { state: 'approved' }),
        line('b', { state: 'selfEvaluation', late: 'selfEvaluationOverdue', unitName: '乙单位' }),
        line('c', { state: 'selfEvaluation', late: 'selfEvaluationOverdue', unitName: '甲单位' }),
        line('d', { state: 'returned', late: 'resubmissionOverdue', approvedAmount: null, unitName: '甲单位' }),
      ],
      failures,
    );
    expect(r.forms).toBe(4);
    expect(r.countsByState).toEqual({ draft: 0, declared: 0, reviewing: 0, returned: 1, approved: 1, selfEvaluation: 2, selfEvaluationReview: 0, completed: 0 });
    expect(r.scored).toBe(0);
    expect(r.gradeCounts).toEqual({ 优: 0, 良: 0, 中: 0, 差: 0 });
    expect([r.averageScore, r.weightedAverageScore]).toEqual([null, null]);
    // Sorted by unit (code points: 乙 U+4E59 < 甲 U+7532), then project.
    expect(r.late).toEqual([
      { formId: 'b', projectName: '项目b', unitName: '乙单位', state: 'selfEvaluation', reason: 'selfEvaluationOverdue' },
      { formId: 'c', projectName: '项目c', unitName: '甲单位', state: 'selfEvaluation', reason: 'selfEvaluationOverdue' },
      { formId: 'd', projectName: '项目d', unitName: '甲单位', state: 'returned', reason: 'resubmissionOverdue' },
    ]);
    expect(r.failures).toEqual(failures);
    expect(r.failures[0]).not.toBe(failures[0]);
  });
});

describe('summarizeCampaign: lowest indicators', () => {
  it('lowest ratio first; ties by lower points, then project name, then indicator name', () => {
    const r = summarize([
      scored('f1', '80.00', '良', '100.00', [
        ind('1', '指标乙', '20.00', '10.00', '0.5000'),
        ind('2', '指标甲', '10.00', '5.00', '0.5000'), // same ratio, fewer points → before 指标乙
        ind('3', '全年完成', '10.00', '10.00', '1.0000'),
        ind('5', '指标丁', '10.00', '5.00', '0.5000'), // ties 指标甲 on project too: 丁 U+4E01 < 甲 U+7532
        ind('4', '不适用', '0.00', '0.00', null, false),
      ]),
      scored('f2', '70.00', '中', '100.00', [
        ind('1', '指标丙', '10.00', '5.00', '0.5000'), // ties 指标甲 on ratio and points; 项目f1 < 项目f2
        ind('2', '指标甲', '10.00', '2.00', '0.2000'),
        ind('3', '无法计算', '25.00', '0.00', null), // unscorable: ratio points / weight = 0
      ]),
      line('f3', { projectName: '项目f1' }), // not scored: no indicators
    ]);
    expect(r.lowestIndicators.map((i) => [i.projectName, i.name, i.ratio])).toEqual([
      ['项目f2', '无法计算', '0.0000'],
      ['项目f2', '指标甲', '0.2000'],
      ['项目f1', '指标丁', '0.5000'],
      ['项目f1', '指标甲', '0.5000'],
      ['项目f2', '指标丙', '0.5000'],
      ['项目f1', '指标乙', '0.5000'],
      ['项目f1', '全年完成', '1.0000'],
    ]);
    expect(r.lowestIndicators[1]).toEqual({
      formId: 'f2',
      projectName: '项目f2',
      unitName: '行政服务中心',
      name: '指标甲',
      level1: '产出指标',
      weight: '10.00',
      points: '2.00',
      ratio: '0.2000',
    });
  });

  it('at most 10, and the same 10 whatever the order of the lines and indicators', () => {
    const indicators = Array.from({ length: 15 }, (_, k) => ind(`i${k}`, `指标${String(k).padStart(2, '0')}`, '10.00', `${k % 5}.00`, `0.${k % 5}000`));
    const lines = [scored('a', '50.00', '差', '1.00', indicators.slice(0, 8)), scored('b', '50.00', '差', '1.00', indicators.slice(8))];
    const forward = summarize(lines).lowestIndicators;
    const reversed = summarize(lines.map((l) => ({ ...l, score: { ...l.score!, indicators: [...l.score!.indicators].reverse() } })).reverse()).lowestIndicators;
    expect(forward).toHaveLength(10);
    expect(reversed).toEqual(forward);
    // Ratios 0.0 ×3, 0.1 ×3, 0.2 ×3, then one 0.3: k = 0,5,10 | 1,6,11 | 2,7,12 | 3
    expect(forward.map((i) => i.name)).toEqual(['指标00', '指标05', '指标10', '指标01', '指标06', '指标11', '指标02', '指标07', '指标12', '指标03']);
  });
});

describe('mergeReportLines', () => {
  it('flattens the chunks, keeps the last delivery of a form, sorts by unit, project, id', () => {
    const merged = mergeReportLines([
      [line('b', { unitName: '乙' }), line('a', { unitName: '甲', projectName: 'Z' })],
      [],
      [line('c', { unitName: '甲', projectName: 'A' }), line('b', { unitName: '乙', state: 'selfEvaluation' })],
    ]);
    expect(merged.map((l) => [l.formId, l.state])).toEqual([
      ['b', 'selfEvaluation'],
      ['c', 'completed'],
      ['a', 'completed'],
    ]);
    expect(mergeReportLines([])).toEqual([]);
  });
});

describe('properties', () => {
  // Totals and amounts as 2-decimal text built from integers (no float arithmetic).
  const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
  const scoredLine = fc.record({ total: cents(100), amount: fc.option(cents(10_000_000), { nil: null }) });

  it('the average and the weighted average lie between the lowest and the highest total', () => {
    fc.assert(
      fc.property(fc.array(scoredLine, { minLength: 1, maxLength: 30 }), (generated) => {
        const lines = generated.map((g, k) => scored(`f${k}`, g.total, '中', g.amount));
        const r = summarize(lines);
        const totals = generated.map((g) => new Decimal(g.total));
        const lo = Decimal.min(...totals);
        const hi = Decimal.max(...totals);
        expect(r.scored).toBe(generated.length);
        const average = new Decimal(r.averageScore!);
        expect(average.gte(lo) && average.lte(hi)).toBe(true);
        if (r.weightedAverageScore !== null) {
          const weighted = new Decimal(r.weightedAverageScore);
          expect(weighted.gte(lo) && weighted.lte(hi)).toBe(true);
        } else {
          expect(generated.every((g) => g.amount === null || new Decimal(g.amount).isZero())).toBe(true);
        }
      }),
    );
  });

  it('every form is counted exactly once by state, and scored forms once by grade', () => {
    const states = fc.constantFrom('draft', 'approved', 'selfEvaluation', 'completed' as const);
    const grades = fc.constantFrom<Grade>('优', '良', '中', '差');
    fc.assert(
      fc.property(fc.array(fc.record({ state: states, grade: fc.option(grades, { nil: null }) }), { maxLength: 40 }), (generated) => {
        const r = summarize(generated.map((g, k) => line(`f${k}`, { state: g.state, score: g.grade === null ? null : { total: '60.00', grade: g.grade, indicators: [] } })));
        const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        expect(sum(r.countsByState)).toBe(generated.length);
        expect(sum(r.gradeCounts)).toBe(r.scored);
        // A stored score counts in 已完成 only (of these states): see SCORED_STATES.
        expect(r.scored).toBe(generated.filter((g) => g.grade !== null && g.state === 'completed').length);
      }),
    );
  });
});
