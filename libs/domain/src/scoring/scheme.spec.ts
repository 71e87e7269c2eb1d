import { checkScheme, compileScheme, ScoringSchemeError } from './check-scheme';
import { scoreForm } from './score-form';
import { DEFAULT_SCHEME, type ScoringScheme } from './scheme';
import { baseline, evaluation, indicator } from './scoring.fixtures';

/** Another province: 预算执行率 10 + 指标 90 split 40 / 40 / 10, other bands and grades, linear reverse. */
const PROVINCE: ScoringScheme = {
  version: 'province-x.2023.v1',
  name: '某省项目支出绩效自评（10 + 90）',
  executionWeight: '10',
  categoryWeights: { 产出指标: '40', 效益指标: '40', 满意度指标: '10' },
  reverseFormula: 'linear',
  qualitativeTiers: [
    { tier: 'achieved', label: '达成', min: '0.9', max: '1', maxInclusive: true },
    { tier: 'partial', label: '部分达成', min: '0.6', max: '0.9', maxInclusive: false },
    { tier: 'notAchieved', label: '未达成', min: '0', max: '0.6', maxInclusive: false },
  ],
  grades: [
    { grade: '优', min: '85' },
    { grade: '良', min: '75' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  explainAboveRatio: '1.5',
  executionReasonBelow: '0.8',
};

const rulesOf = (s: ScoringScheme) => checkScheme(s).map((p) => p.rule);

describe('ScoringScheme: the default is 财预〔2020〕10号 (DESIGN §4)', () => {
  it('DEFAULT_SCHEME: 10 · 50 · 30 · 10, bands [0.8,1] [0.6,0.8) [0,0.6), 优 90 良 80 中 60, ratio reverse — and checks clean', () => {
    expect(DEFAULT_SCHEME).toMatchObject({
      version: 'cz2020-10.v1',
      executionWeight: '10',
      categoryWeights: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' },
      reverseFormula: 'ratio',
      explainAboveRatio: '1.3',
      executionReasonBelow: '0.9',
    });
    expect(DEFAULT_SCHEME.qualitativeTiers.map((t) => [t.label, t.min, t.max, t.maxInclusive])).toEqual([
      ['达成年度指标', '0.8', '1', true],
      ['部分达成年度指标并具有一定效果', '0.6', '0.8', false],
      ['未达成年度指标且效果较差', '0', '0.6', false],
    ]);
    expect(DEFAULT_SCHEME.grades.map((g) => `${g.grade}${g.min}`)).toEqual(['优90', '良80', '中60', '差0']);
    expect(checkScheme(DEFAULT_SCHEME)).toEqual([]);
  });

  it('another province’s scheme is configuration: it checks clean', () => {
    expect(checkScheme(PROVINCE)).toEqual([]);
  });
});

describe('checkScheme: what makes a scheme unusable', () => {
  it('weights that do not sum to 100 (scheme.weightsSum), or are not 2-decimal numbers (scheme.weight)', () => {
    expect(rulesOf({ ...DEFAULT_SCHEME, executionWeight: '20' })).toEqual(['scheme.weightsSum']);
    expect(rulesOf({ ...DEFAULT_SCHEME, executionWeight: '10.001' })).toEqual(['scheme.weight']);
    expect(rulesOf({ ...DEFAULT_SCHEME, categoryWeights: { ...DEFAULT_SCHEME.categoryWeights, 效益指标: '-30' } })).toEqual(['scheme.weight']);
  });

  it('a 20 + 80 split is fine as long as it sums to 100', () => {
    expect(checkScheme({ ...DEFAULT_SCHEME, executionWeight: '20', categoryWeights: { 产出指标: '40', 效益指标: '30', 满意度指标: '10' } })).toEqual([]);
  });

  it('qualitative bands with a gap, an overlap, not reaching 1, not starting at 0, or in the wrong order (scheme.tiers)', () => {
    const tiers = DEFAULT_SCHEME.qualitativeTiers;
    const withTier = (i: number, patch: object) => ({ ...DEFAULT_SCHEME, qualitativeTiers: tiers.map((t, k) => (k === i ? { ...t, ...patch } : t)) });
    expect(rulesOf(withTier(1, { min: '0.65' }))).toContain('scheme.tiers'); // gap [0.6, 0.65)
    expect(rulesOf(withTier(1, { maxInclusive: true }))).toContain('scheme.tiers'); // 0.8 in two bands
    expect(rulesOf(withTier(0, { max: '0.95' }))).toContain('scheme.tiers'); // (0.95, 1] uncovered
    expect(rulesOf(withTier(0, { maxInclusive: false }))).toContain('scheme.tiers'); // 1 uncovered
    expect(rulesOf(withTier(2, { min: '0.1' }))).toContain('scheme.tiers'); // [0, 0.1) uncovered
    expect(rulesOf(withTier(2, { tier: 'achieved' }))).toContain('scheme.tiers'); // a tier twice
    const swapped = { ...DEFAULT_SCHEME, qualitativeTiers: [{ ...tiers[0]!, tier: 'partial' as const }, { ...tiers[1]!, tier: 'achieved' as const }, tiers[2]!] };
    expect(rulesOf(swapped)).toContain('scheme.tiers'); // partial above achieved
  });

  it('grades not descending, not 优良中差, or not starting at 0 (scheme.grades)', () => {
    const grades = DEFAULT_SCHEME.grades;
    expect(rulesOf({ ...DEFAULT_SCHEME, grades: [grades[0]!, { grade: '良', min: '95' }, grades[2]!, grades[3]!] })).toEqual(['scheme.grades']);
    expect(rulesOf({ ...DEFAULT_SCHEME, grades: [grades[1]!, grades[0]!, grades[2]!, grades[3]!] })).toEqual(['scheme.grades']);
    expect(rulesOf({ ...DEFAULT_SCHEME, grades: [grades[0]!, grades[1]!, grades[2]!, { grade: '差', min: '10' }] })).toEqual(['scheme.grades']);
  });

  it('an unknown reverse formula, thresholds out of range, a missing version', () => {
    expect(rulesOf({ ...DEFAULT_SCHEME, reverseFormula: 'log' as 'ratio' })).toEqual(['scheme.reverseFormula']);
    expect(rulesOf({ ...DEFAULT_SCHEME, explainAboveRatio: '0.9' })).toEqual(['scheme.explainAboveRatio']);
    expect(rulesOf({ ...DEFAULT_SCHEME, executionReasonBelow: '1.2' })).toEqual(['scheme.executionReasonBelow']);
    expect(rulesOf({ ...DEFAULT_SCHEME, version: ' ' })).toEqual(['scheme.version']);
  });

  it('scoreForm refuses an unusable scheme with ScoringSchemeError (a configuration error, not the unit’s)', () => {
    const broken = { ...DEFAULT_SCHEME, executionWeight: '20' };
    expect(() => compileScheme(broken)).toThrow(ScoringSchemeError);
    expect(() => scoreForm(baseline([]), evaluation({}), broken)).toThrow(/评分方案无效/);
  });
});

describe('another province’s scheme (10 + 90 = 10 + 40 + 40 + 10, linear reverse, 优 ≥ 85 · 良 ≥ 75) is pure configuration', () => {
  const form = baseline([
    indicator('a', '产出指标', '≥100(件)'),
    indicator('b', '产出指标', '≤2(%)'),
    indicator('c', '效益指标', '提升'),
    indicator('d', '满意度指标', '≥90(%)'),
  ]);
  const entries = evaluation(
    {
      a: { actual: '100件' },
      b: { actual: '3%', reason: '设备老化。' },
      c: { actual: '有所提升', tier: 'partial', points: '30', reason: '部分完成。' },
      d: { actual: '85%', reason: '宣传不足。' },
    },
    '85000.00',
  );

  it('scores with its own weights, bands, formula and grades', () => {
    // 执行率 85000 / 100000 = 0.85 → 0.85 × 10 = 8.50 (≥ 0.8: no reason needed under this scheme)
    // 产出 40 → a 20, b 20: a met 20.00; b linear 1 − (3 − 2) / 2 = 0.5 → 10.00
    // 效益 40 → c: partial band [0.6, 0.9) of 40 = [24, 36); 30 is inside → 30.00
    // 满意度 10 → d: 85 / 90 = 0.9444… → 9.444… → 9.44
    // total 8.50 + 20.00 + 10.00 + 30.00 + 9.44 = 77.94 → 良 here (≥ 75), 中 under the default (< 80)
    const result = scoreForm(form, entries, PROVINCE);
    expect(result.problems.errors).toEqual([]);
    expect(result.execution).toMatchObject({ rate: '0.8500', weight: '10.00', points: '8.50', reasonRequired: false });
    expect(result.indicators.map((i) => [i.indicatorId, i.weight, i.points, i.rule])).toEqual([
      ['a', '20.00', '20.00', 'positive.met'],
      ['b', '20.00', '10.00', 'reverse.linear'],
      ['c', '40.00', '30.00', 'qualitative.tier'],
      ['d', '10.00', '9.44', 'positive.ratio'],
    ]);
    expect(result.categories.map((c) => [c.level1, c.weight, c.points])).toEqual([
      ['产出指标', '40.00', '30.00'],
      ['效益指标', '40.00', '30.00'],
      ['满意度指标', '10.00', '9.44'],
    ]);
    expect(result).toMatchObject({ total: '77.94', grade: '良', schemeVersion: 'province-x.2023.v1' });
  });

  it('the same partial 36 of 40 (0.9) is outside this scheme’s partial band [0.6, 0.9)', () => {
    const high = { ...entries, indicators: entries.indicators.map((e) => (e.indicatorId === 'c' ? { ...e, points: '36' } : e)) };
    expect(scoreForm(form, high, PROVINCE).problems.errors.map((p) => p.rule)).toEqual(['qualitative.outOfBand']);
  });
});
