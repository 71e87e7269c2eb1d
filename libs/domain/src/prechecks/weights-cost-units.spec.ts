import type { IndicatorInput } from '../forms';
import { check, cleanForm, findingsOf, row, withIndicators } from './spec-kit';

/** The clean form's indicators with 分值 (产出 incl. 成本 = 50, 效益 = 30, 满意度 = 10). */
function weighted(weights: (string | undefined)[]): IndicatorInput[] {
  return cleanForm().indicators.map((indicator, i) => (weights[i] === undefined ? indicator : { ...indicator, weight: weights[i] }));
}

// Rule 10 — DESIGN §4 (财预〔2020〕10号): 分值 given for a whole category, summing to its weight.
describe('weights.format / weights.all-or-none / weights.sum (DESIGN §4)', () => {
  it('accepts weights that sum to 产出 50 (成本 included), 效益 30 and 满意度 10', () => {
    const result = check(withIndicators(weighted(['10', '10', '10', '10.5', '9.5', '15', '15', '10'])));
    expect(result).toEqual({ errors: [], warnings: [] });
  });

  it('accepts weights in one category only; the others are split equally at scoring', () => {
    const result = check(withIndicators(weighted([undefined, undefined, undefined, undefined, undefined, '20', '10', undefined])));
    expect(result.errors).toEqual([]);
  });

  it('errors on a weight that is not a non-negative number', () => {
    const result = check(withIndicators(weighted(['10', '10', '10', '10', '10', '15', '-15', '10'])));
    expect(findingsOf(result, 'weights.format')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'indicators[6].weight' }),
    ]);
  });

  it('errors on each indicator left without a weight in a category that has weights', () => {
    const result = check(withIndicators(weighted(['25', '25', undefined, undefined, undefined, '15', '15', '10'])));
    expect(findingsOf(result, 'weights.all-or-none').map((f) => [f.path, f.severity])).toEqual([
      ['indicators[2].weight', 'error'],
      ['indicators[3].weight', 'error'],
      ['indicators[4].weight', 'error'],
    ]);
    expect(findingsOf(result, 'weights.sum')).toEqual([]);
  });

  it('errors when a category does not sum to its weight (成本 and 产出 summed together)', () => {
    const result = check(withIndicators(weighted(['10', '10', '10', '10', '20', '15', '15', '5'])));
    expect(findingsOf(result, 'weights.sum').map((f) => f.message)).toEqual([
      '产出指标（含成本指标）的分值合计为 60，应为 50。',
      '满意度指标的分值合计为 5，应为 10。',
    ]);
  });
});

// Rule 11 — 审核要点: 成本测算 — the 经济成本 amounts match 年度资金申请总额.
describe('funds.cost-sum (审核要点: 经济成本与资金申请总额一致)', () => {
  const costs = (...targets: string[]) => [
    ...targets.map((t, i) => row('成本指标', '经济成本指标', `成本${i + 1}`, t)),
    ...cleanForm().indicators.slice(2),
  ];

  it('accepts amounts that add up exactly, in 万元 and 元', () => {
    expect(findingsOf(check(withIndicators(costs('≤65.00(万元)', '≤260000(元)'))), 'funds.cost-sum')).toEqual([]);
  });

  it('accepts an excess that the rounding of the printed 万元 explains (93.80 万元 for 937 980 元)', () => {
    const form = withIndicators(costs('≤35.50(万元)', '≤27.30(万元)', '≤31.00(万元)'));
    form.funds = { total: '937980.00', currentYear: '937980.00', carryOver: '0.00', other: '0.00' };
    expect(check(form)).toEqual({ errors: [], warnings: [] });
  });

  it('warns when the amounts exceed the total beyond rounding, even by less than 1%', () => {
    const [finding] = findingsOf(check(withIndicators(costs('≤65.00(万元)', '≤26.10(万元)'))), 'funds.cost-sum');
    expect(finding).toEqual(expect.objectContaining({ severity: 'warning', path: 'funds.total' }));
    expect(finding.message).toBe('经济成本指标金额合计 911000.00 元（91.1 万元）超过年度资金申请总额 910000.00 元。');
  });

  it('warns when the amounts fall short of the total by more than 1%', () => {
    const [finding] = findingsOf(check(withIndicators(costs('≤65.00(万元)', '≤25.00(万元)'))), 'funds.cost-sum');
    expect(finding.message).toContain('相差 10000.00 元，超过 1%');
    expect(findingsOf(check(withIndicators(costs('≤65.00(万元)', '≤25.10(万元)'))), 'funds.cost-sum')).toEqual([]);
  });

  it('counts pre-2021 产出指标/成本指标 amounts, and checks nothing when there are none', () => {
    const pre2021 = [row('产出指标', '成本指标', '培训成本', '≤50(万元)'), ...cleanForm().indicators.slice(2)];
    expect(findingsOf(check(withIndicators(pre2021)), 'funds.cost-sum')).toHaveLength(1);
    expect(findingsOf(check(withIndicators(cleanForm().indicators.slice(2))), 'funds.cost-sum')).toEqual([]);
  });
});

// Rule 12 — 审核要点: 指标值单位与指标类别一致.
describe('indicators.unit-category (审核要点: 单位与指标类别一致)', () => {
  it('warns on a count under 成本指标, a percentage under 经济成本指标 and money under 数量指标', () => {
    const form = cleanForm();
    form.indicators.push(
      row('成本指标', '经济成本指标', '直属公园专业安全排查次数', '=24.00(次)'),
      row('成本指标', '社会成本指标', '影响居民户数', '≤10(户)'),
      row('产出指标', '成本指标', '人均培训成本控制率', '=100.00 (%)'),
      row('产出指标', '数量指标', '采购金额', '≥20(万元)'),
      row('满意度指标', '服务对象满意度指标', '满意度调查经费', '≤1(万元)'),
    );
    const result = check(form);
    expect(findingsOf(result, 'indicators.unit-category').map((f) => [f.path, f.severity])).toEqual([
      ['indicators[8].target', 'warning'],
      ['indicators[9].target', 'warning'],
      ['indicators[10].target', 'warning'],
      ['indicators[11].target', 'warning'],
      ['indicators[12].target', 'warning'],
    ]);
    expect(result.warnings.find((f) => f.path === 'indicators[8].target')!.message).toContain('位于经济成本指标下，但指标值单位“次”是计数单位');
  });

  it('is quiet for money under 成本, counts under 数量 and percentages under 质量 and 满意度', () => {
    expect(findingsOf(check(cleanForm()), 'indicators.unit-category')).toEqual([]);
  });
});
