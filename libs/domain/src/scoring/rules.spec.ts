import { DEFAULT_SCHEME, type ScoringScheme } from './scheme';
import { rules, scoreOne } from './scoring.fixtures';

// Rule by rule, DESIGN §4 (财政部《项目支出绩效评价管理办法》财预〔2020〕10号). The tested indicator is alone
// in 产出, so its weight is the whole 50 and points = ratio × 50.

const LINEAR: ScoringScheme = { ...DEFAULT_SCHEME, version: 'test.linear', reverseFormula: 'linear' };

describe('rule positive.met / positive.ratio (≥ >): met → full, else actual / target × weight', () => {
  it('positive.met: ≥90% with 95% → the full 50.00', () => {
    const { indicator } = scoreOne('≥90(%)', { actual: '95%' });
    expect(indicator).toMatchObject({ rule: 'positive.met', met: true, ratio: '1.0000', weight: '50.00', points: '50.00', reasonRequired: false });
  });

  it('positive.ratio: ≥90% with 81% → 81 / 90 = 0.9 → 0.9 × 50 = 45.00', () => {
    const { indicator } = scoreOne('≥90(%)', { actual: '81%', reason: '人员不足。' });
    expect(indicator).toMatchObject({ rule: 'positive.ratio', met: false, ratio: '0.9000', points: '45.00', reasonRequired: true });
  });

  it('positive.ratio: ≥31000(件) with 30000件 → 30000 / 31000 = 0.967741… × 50 = 48.387… → 48.39', () => {
    const { indicator } = scoreOne('≥31000.00(件)', { actual: '30,000件', reason: '诉件减少。' });
    expect(indicator).toMatchObject({ rule: 'positive.ratio', ratio: '0.9677', points: '48.39' });
  });

  it('strict >: >95% is met only above — 95.01% is met, 95% is not (ratio 1 gives 50.00, but a reason is required)', () => {
    expect(scoreOne('>95.00(%)', { actual: '95.01%' }).indicator).toMatchObject({ rule: 'positive.met', met: true });
    const { indicator, result } = scoreOne('>95.00(%)', { actual: '95%' });
    expect(indicator).toMatchObject({ rule: 'positive.ratio', met: false, points: '50.00', reasonRequired: true });
    expect(rules(result)).toEqual(['reason.required']);
  });

  it('never above the weight: ≥90% with 200% → 50.00, and 200% ≥ 130% × 90% = 117% asks for an explanation', () => {
    const { indicator, result } = scoreOne('≥90(%)', { actual: '200%' });
    expect(indicator).toMatchObject({ points: '50.00', ratio: '1.0000', explanationRequired: true });
    expect(rules(result, 'warnings')).toEqual(['actual.aboveTarget']);
    expect(rules(result)).toEqual([]); // a warning, not an error
  });

  it('explanation threshold: 130 of ≥100 asks (130 ≥ 1.3 × 100), 129.99 does not; a given reason silences the warning', () => {
    expect(scoreOne('≥100(件)', { actual: '130' }).indicator.explanationRequired).toBe(true);
    expect(scoreOne('≥100(件)', { actual: '129.99' }).indicator.explanationRequired).toBe(false);
    const explained = scoreOne('≥100(件)', { actual: '130', reason: '需求增加。' });
    expect(explained.indicator.explanationRequired).toBe(true);
    expect(rules(explained.result, 'warnings')).toEqual([]);
  });

  it('an actual below zero scores 0 against a positive target (ratio floored at 0)', () => {
    expect(scoreOne('≥5(%)', { actual: '-2%', reason: '下降。' }).indicator).toMatchObject({ rule: 'positive.ratio', points: '0.00' });
  });
});

describe('rule equal.met / equal.ratio (=)', () => {
  it('equal.met: =100% with 100.00% → 50.00', () => {
    expect(scoreOne('=100.00(%)', { actual: '100.00%' }).indicator).toMatchObject({ rule: 'equal.met', met: true, points: '50.00' });
  });

  it('equal.ratio: =24(次) with 18次 → 18 / 24 = 0.75 → 0.75 × 50 = 37.50', () => {
    const { indicator } = scoreOne('=24.00(次)', { actual: '18次', reason: '疫情停办。' });
    expect(indicator).toMatchObject({ rule: 'equal.ratio', met: false, ratio: '0.7500', points: '37.50' });
  });

  it('equal.ratio above the target: =2(次) with 3次 → capped at 50.00, not met (a reason), 150% ≥ 130% (an explanation)', () => {
    const { indicator } = scoreOne('=2.00(次)', { actual: '3次' });
    expect(indicator).toMatchObject({ rule: 'equal.ratio', met: false, ratio: '1.0000', points: '50.00', reasonRequired: true, explanationRequired: true });
  });
});

describe('rule zeroTarget: target 0 — actual 0 → full, else 0', () => {
  it('=0(件) with 0 → equal.met 50.00; with 2件 → zeroTarget 0.00', () => {
    expect(scoreOne('=0.00(件)', { actual: '0件' }).indicator).toMatchObject({ rule: 'equal.met', points: '50.00' });
    expect(scoreOne('=0.00(件)', { actual: '2件', reason: '两起投诉。' }).indicator).toMatchObject({ rule: 'zeroTarget', met: false, ratio: '0.0000', points: '0.00' });
  });

  it('≥0: any actual ≥ 0 is met; >0 with 0 is not (strict), and scores 0', () => {
    expect(scoreOne('≥0(个)', { actual: '0' }).indicator).toMatchObject({ rule: 'positive.met', points: '50.00' });
    expect(scoreOne('≥0(个)', { actual: '7' }).indicator).toMatchObject({ rule: 'positive.met', points: '50.00' });
    expect(scoreOne('>0(个)', { actual: '0', reason: '未发生。' }).indicator).toMatchObject({ rule: 'zeroTarget', points: '0.00' });
  });

  it('≤0 with 1 → zeroTarget 0.00 (target / actual = 0 / 1)', () => {
    expect(scoreOne('≤0(起)', { actual: '1', reason: '一起事故。' }).indicator).toMatchObject({ rule: 'zeroTarget', points: '0.00' });
  });
});

describe('rule reverse.met / reverse.ratio (≤ <): met → full, else target / actual × weight', () => {
  it('reverse.met: ≤24(小时) with 20小时 → 50.00; an actual of 0 meets a reverse target', () => {
    expect(scoreOne('≤24.00(小时)', { actual: '20小时' }).indicator).toMatchObject({ rule: 'reverse.met', points: '50.00' });
    expect(scoreOne('<3.00(%)', { actual: '0%' }).indicator).toMatchObject({ rule: 'reverse.met', met: true });
  });

  it('reverse.ratio (worked example of the issue): ≤0.80% with 1.00% → 0.80 / 1.00 = 80% of the weight → 40.00', () => {
    const { indicator } = scoreOne('≤0.80(%)', { actual: '1.00%', reason: '设备老化。' });
    expect(indicator).toMatchObject({ rule: 'reverse.ratio', met: false, ratio: '0.8000', points: '40.00' });
  });

  it('strict <: <3.00% with 3% is not met (3 / 3 = 1 gives 50.00, with a reason required)', () => {
    expect(scoreOne('<3.00(%)', { actual: '3%' }).indicator).toMatchObject({ rule: 'reverse.ratio', met: false, points: '50.00', reasonRequired: true });
  });

  it('the reverse side never asks for an explanation of a large actual', () => {
    expect(scoreOne('≤2.00(%)', { actual: '3%', reason: '投诉增加。' }).indicator.explanationRequired).toBe(false);
  });
});

describe('rule reverse.linear (scheme reverseFormula linear: full at the target, 0 at twice it)', () => {
  it('≤0.80% with 1.00% → 1 − (1.00 − 0.80) / 0.80 = 0.75 → 0.75 × 50 = 37.50', () => {
    expect(scoreOne('≤0.80(%)', { actual: '1.00%', reason: '设备老化。' }, LINEAR).indicator).toMatchObject({
      rule: 'reverse.linear',
      ratio: '0.7500',
      points: '37.50',
    });
  });

  it('at twice the target (1.60%) and beyond (2%) → 0.00; at the target → met', () => {
    expect(scoreOne('≤0.80(%)', { actual: '1.60%', reason: '-' }, LINEAR).indicator.points).toBe('0.00');
    expect(scoreOne('≤0.80(%)', { actual: '2%', reason: '-' }, LINEAR).indicator).toMatchObject({ ratio: '0.0000', points: '0.00' });
    expect(scoreOne('≤0.80(%)', { actual: '0.8%' }, LINEAR).indicator.rule).toBe('reverse.met');
  });
});

describe('rule negativeTarget: a negative target has no meaningful ratio — met or 0', () => {
  it('≥-5% (a decline of at most 5%) with -3% is met; with -8% scores 0', () => {
    expect(scoreOne('≥-5(%)', { actual: '-3%' }).indicator).toMatchObject({ rule: 'positive.met', points: '50.00' });
    expect(scoreOne('≥-5(%)', { actual: '-8%', reason: '-' }).indicator).toMatchObject({ rule: 'negativeTarget', points: '0.00' });
  });
});

describe('rule compound.met / compound.mean: every part met → full, else the mean of the parts’ ratios', () => {
  const target = '一级故障≤90 分钟，二级故障≤180 分钟；三级故障≤24 小时';

  it('compound.mean: parts 60/90 met (1), 180/200 = 0.9, 24/24 met (1) → (1 + 0.9 + 1) / 3 = 0.96666… × 50 = 48.333… → 48.33', () => {
    const { indicator } = scoreOne(target, { actual: '一级故障60分钟，二级故障200分钟，三级故障24小时', reason: '人手不足。' });
    expect(indicator).toMatchObject({ rule: 'compound.mean', met: false, ratio: '0.9667', points: '48.33' });
    expect(indicator.parts).toEqual([
      { label: '一级故障', target: '90分钟', actual: '60分钟', ratio: '1.0000', met: true, rule: 'reverse.met' },
      { label: '二级故障', target: '180分钟', actual: '200分钟', ratio: '0.9000', met: false, rule: 'reverse.ratio' },
      { label: '三级故障', target: '24小时', actual: '24小时', ratio: '1.0000', met: true, rule: 'reverse.met' },
    ]);
  });

  it('compound.met: every part met → 50.00', () => {
    expect(scoreOne(target, { actual: '一级故障≤60分钟，二级故障≤100分钟，三级故障≤20小时' }).indicator).toMatchObject({ rule: 'compound.met', points: '50.00' });
  });

  it('parts are matched by label in any order, else by position', () => {
    const byLabel = scoreOne(target, { actual: '三级故障24小时；二级故障200分钟；一级故障60分钟', reason: '-' }).indicator;
    const byOrder = scoreOne(target, { actual: '60分钟，200分钟，24小时', reason: '-' }).indicator;
    expect(byLabel.points).toBe('48.33');
    expect(byOrder.points).toBe('48.33');
  });

  it('a missing part is actual.missing; a part in another unit is actual.unitMismatch', () => {
    expect(rules(scoreOne(target, { actual: '一级故障60分钟，二级故障200分钟' }).result)).toEqual(['actual.missing']);
    const mismatch = scoreOne(target, { actual: '一级故障1小时，二级故障200分钟，三级故障24小时' });
    expect(rules(mismatch.result)).toEqual(['actual.unitMismatch']);
    expect(mismatch.indicator).toMatchObject({ rule: 'unscorable', points: '0.00', ratio: null, met: null });
  });
});

describe('rule notApplicable: a 无 target is dropped', () => {
  it('scores nothing, needs no actual, and its weight goes to the others', () => {
    const { indicator, result } = scoreOne('无', {});
    expect(indicator).toMatchObject({ rule: 'notApplicable', applicable: false, weight: '0.00', points: '0.00', ratio: null, met: null });
    expect(rules(result)).toEqual([]);
  });
});

describe('actual values: parsed like targets, never guessed (issue item 1)', () => {
  it('% and 百分比 are one unit; an actual without a unit takes the target’s', () => {
    expect(scoreOne('≥90.00(百分比)', { actual: '95%' }).indicator.rule).toBe('positive.met');
    expect(scoreOne('≥90(%)', { actual: '95 百分比' }).indicator.rule).toBe('positive.met');
    expect(scoreOne('≤35.50(万元)', { actual: '35' }).indicator.rule).toBe('reverse.met');
  });

  it('actual.unitMismatch: ≤35.50(万元) with 355000元 is an error, never a wrong score', () => {
    const { indicator, result } = scoreOne('≤35.50(万元)', { actual: '355000元' });
    expect(result.problems.errors).toEqual([
      expect.objectContaining({ rule: 'actual.unitMismatch', path: 'indicators[0].actual', indicatorId: 'x', message: expect.stringContaining('万元') }),
    ]);
    expect(indicator).toMatchObject({ rule: 'unscorable', points: '0.00' });
  });

  it.each([
    ['no entry', undefined],
    ['blank', '   '],
    ['无', '无'],
    ['text for a quantity', '已完成'],
    ['a broken number', '9 5%'],
  ])('actual.missing: %s', (_case, actual) => {
    const { indicator, result } = scoreOne('≥90(%)', actual === undefined ? {} : { actual });
    expect(rules(result)).toEqual(['actual.missing']);
    expect(indicator).toMatchObject({ rule: 'unscorable', points: '0.00', reasonRequired: false });
  });

  it('actual.bounded: an actual written with a comparator (≥95%) is scored at its bound, with a warning', () => {
    const { indicator, result } = scoreOne('≥90(%)', { actual: '≥95%' });
    expect(indicator.rule).toBe('positive.met');
    expect(rules(result, 'warnings')).toEqual(['actual.bounded']);
  });
});
