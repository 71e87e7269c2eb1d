import { contentProblems } from '../lifecycle/guards';
import type { SubmitSelfEvaluationEvent } from '../lifecycle/types';
import { scoreForm, selfEvaluationComplete } from './score-form';
import { baseline, evaluation, indicator, rules } from './scoring.fixtures';

// Issue item 2: SUBMIT_SELF_EVALUATION refuses a missing actual, a missing reason for an indicator below
// full points or for 执行率 < 90 %, and qualitative points outside the tier's band; an actual ≥ 130 % of
// its target asks for an explanation (a warning only).

const FORM = baseline([
  indicator('o1', '产出指标', '≥100(件)'),
  indicator('o2', '产出指标', '按计划完成'),
  indicator('e1', '效益指标', '≤2(%)'),
  indicator('s1', '满意度指标', '≥90(%)'),
]);

describe('self-evaluation checks (errors block SUBMIT_SELF_EVALUATION, warnings do not)', () => {
  it('a complete self-evaluation has no errors: complete, 0 problems', () => {
    const result = scoreForm(
      FORM,
      evaluation({ o1: { actual: '100件' }, o2: { actual: '已按计划完成', tier: 'achieved', points: '25' }, e1: { actual: '1.5%' }, s1: { actual: '93%' } }),
    );
    expect(result.problems).toEqual({ errors: [], warnings: [] });
    expect(selfEvaluationComplete(result)).toEqual({ complete: true, problems: 0 });
  });

  it('reason.required: an indicator below full points needs 偏差原因分析; whitespace counts as missing', () => {
    const entries = {
      o1: { actual: '80件', reason: ' \n\t ' },
      o2: { actual: '完成', tier: 'achieved' as const, points: '25' },
      e1: { actual: '1%' },
      s1: { actual: '93%' },
    };
    const result = scoreForm(FORM, evaluation(entries));
    expect(result.problems.errors).toEqual([
      {
        rule: 'reason.required',
        path: 'indicators[0].reason',
        indicatorId: 'o1',
        message: '指标“指标o1”：未完成年度指标值，须填写偏差原因分析及改进措施。',
      },
    ]);
    expect(result.indicators[0]).toMatchObject({ reasonRequired: true, reasonGiven: false, points: '20.00' }); // 80 / 100 × 25
    const fixed = scoreForm(FORM, evaluation({ ...entries, o1: { actual: '80件', reason: '需求下降。' } }));
    expect(fixed.problems.errors).toEqual([]);
    expect(fixed.indicators[0]).toMatchObject({ reasonRequired: true, reasonGiven: true });
  });

  it('every problem at once is listed, one each, and counted for the lifecycle guard', () => {
    const result = scoreForm(
      FORM,
      evaluation(
        {
          o1: {}, //                                            actual.missing
          o2: { actual: '部分完成', tier: 'partial', points: '22' }, // 22 of 25 is 88%: qualitative.outOfBand, and no reason
          e1: { actual: '2.5万元' }, //                         actual.unitMismatch
          s1: { actual: '93%' },
        },
        '80000.00', //                                          执行率 80% < 90%: reason.required
      ),
    );
    expect(result.problems.errors.map((p) => `${p.rule} ${p.path}`)).toEqual([
      'reason.required executionReason',
      'actual.missing indicators[0].actual',
      'qualitative.outOfBand indicators[1].points',
      'reason.required indicators[1].reason',
      'actual.unitMismatch indicators[2].actual',
    ]);
    for (const p of result.problems.errors) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    expect(selfEvaluationComplete(result)).toEqual({ complete: false, problems: 5 });
  });

  it('the lifecycle machine’s guard accepts the summary as the SUBMIT_SELF_EVALUATION payload', () => {
    const incomplete = selfEvaluationComplete(scoreForm(FORM, evaluation({})));
    const event = (selfEvaluation: SubmitSelfEvaluationEvent['selfEvaluation']): SubmitSelfEvaluationEvent => ({
      type: 'SUBMIT_SELF_EVALUATION',
      actor: { userId: 'u-a', role: 'unit', orgId: 'unit-a' },
      at: '2025-01-20T10:00:00+08:00',
      selfEvaluation,
    });
    expect(contentProblems('selfEvaluationComplete', event(incomplete))).toEqual([
      expect.objectContaining({ rule: 'selfEvaluationIncomplete', message: expect.stringContaining(`${incomplete.problems} 处`) }),
    ]);
    expect(contentProblems('selfEvaluationComplete', event({ complete: true, problems: 0 }))).toEqual([]);
  });

  it('actual.aboveTarget: ≥ 130 % of a positive target is a warning asking for an explanation, not an error', () => {
    const result = scoreForm(
      FORM,
      evaluation({ o1: { actual: '150件' }, o2: { actual: '完成', tier: 'achieved', points: '25' }, e1: { actual: '1%' }, s1: { actual: '93%' } }),
    );
    expect(rules(result)).toEqual([]);
    expect(result.problems.warnings).toEqual([expect.objectContaining({ rule: 'actual.aboveTarget', path: 'indicators[0].reason', indicatorId: 'o1' })]);
    expect(selfEvaluationComplete(result).complete).toBe(true);
  });

  it('an entry for no indicator, or a second entry for one, is an error; entries are matched by id, not position', () => {
    const base = evaluation({ s1: { actual: '93%' }, e1: { actual: '1%' }, o2: { actual: '完成', tier: 'achieved', points: '25' }, o1: { actual: '100' } });
    expect(scoreForm(FORM, base).problems.errors).toEqual([]);
    const extra = { ...base, indicators: [...base.indicators, { indicatorId: 'zz', actual: '1' }, { indicatorId: 'o1', actual: '1' }] };
    expect(rules(scoreForm(FORM, extra))).toEqual(['selfEvaluation.unknownIndicator', 'selfEvaluation.duplicateIndicator']);
  });

  it('a missing 年度总体目标完成情况 is a warning (goalAchievement.missing)', () => {
    const result = scoreForm(FORM, { ...evaluation({}), goalAchievement: '  ' });
    expect(rules(result, 'warnings')).toContain('goalAchievement.missing');
  });

  it('an unparsable approved target or a non-standard 一级 cannot be scored: errors on the baseline, 0 points', () => {
    const broken = baseline([indicator('b1', '产出指标', '≥'), { ...indicator('b2', '项目产出', '≥1(个)'), level2: '' }, ...FORM.indicators]);
    const result = scoreForm(broken, evaluation({ b1: { actual: '1' }, b2: { actual: '1' } }));
    expect(result.problems.errors.slice(0, 2).map((p) => `${p.rule} ${p.path}`)).toEqual([
      'baseline.target baseline.indicators[0].target',
      'baseline.level1 baseline.indicators[1].level1',
    ]);
    expect(result.indicators.slice(0, 2).map((i) => [i.rule, i.points])).toEqual([
      ['unscorable', '0.00'],
      ['unscorable', '0.00'],
    ]);
  });

  it('a 一级 printed non-standard but with a standard 二级 is placed by its 二级', () => {
    const result = scoreForm(baseline([{ ...indicator('x', '项目产出', '≥1(个)'), level2: '数量指标' }]), evaluation({ x: { actual: '1' } }));
    expect(result.indicators[0]).toMatchObject({ level1: '产出指标', category: '产出指标', rule: 'positive.met' });
  });

  it('weights: partial or malformed 分值 fall back to an equal split with a warning; a wrong sum is scaled with a warning', () => {
    const partial = scoreForm(baseline([indicator('a', '产出指标', '≥1(个)', '30'), indicator('b', '产出指标', '≥1(个)')]), evaluation({}));
    expect(rules(partial, 'warnings')).toContain('weights.partial');
    expect(partial.indicators.map((i) => i.weight)).toEqual(['41.67', '41.66']); // 产出 alone: 50 × 100 / 60 = 83.33 → halves
    const scaled = scoreForm(baseline([indicator('a', '产出指标', '≥1(个)', '30'), indicator('b', '产出指标', '≥1(个)', '30')]), evaluation({}));
    expect(rules(scaled, 'warnings')).toContain('weights.sum');
  });
});
