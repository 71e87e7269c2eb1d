import { check, cleanForm, findingsOf, row } from './spec-kit';

/** The clean form with one more 效益 indicator. */
function withEffect(name: string, target: string) {
  const form = cleanForm();
  form.indicators.push(row('效益指标', '社会效益指标', name, target));
  return check(form);
}

// Rule 6 — 审核要点: every target is stated and parses (DESIGN §1: parsed, never guessed).
describe('target.empty / target.parse (审核要点: 指标值明确)', () => {
  it('errors on an empty target; 无 is the way to say "not applicable"', () => {
    const result = withEffect('热线数据共享率', '  ');
    expect(findingsOf(result, 'target.empty')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'indicators[8].target' }),
    ]);
    expect(findingsOf(result, 'target.parse')).toEqual([]);
    expect(withEffect('热线数据共享率', '无').errors).toEqual([]);
  });

  it('errors at indicators[i].target on a target the parser rejects, with its reason', () => {
    const result = withEffect('热线数据共享率', '≥');
    const [finding] = findingsOf(result, 'target.parse');
    expect(finding).toEqual(expect.objectContaining({ severity: 'error', path: 'indicators[8].target' }));
    expect(finding.message).toContain('“≥”无法识别');
  });

  it('accepts quantitative, qualitative and compound targets', () => {
    for (const target of ['≥ 92.00 (百分比)', '35人', '>40', '7天内完成', '一级故障≤90 分钟，二级故障≤180 分钟，三级故障≤24 小时']) {
      expect(withEffect('指标', target).errors).toEqual([]);
    }
  });
});

// Rule 7 — 审核要点: percentages are at most 100%; `≥100%` can only mean `=100%`.
describe('target.percent-range / target.percent-at-least-100 (审核要点: 指标值合理)', () => {
  it('errors on a percentage above 100 and on >100%', () => {
    for (const target of ['=120%', '≥100.5(百分比)', '>100%', '≤150%']) {
      const result = withEffect('处置率', target);
      expect(findingsOf(result, 'target.percent-range')).toEqual([
        expect.objectContaining({ severity: 'error', path: 'indicators[8].target' }),
      ]);
    }
  });

  it('warns on ≥100% and >=100%, which should be written =100%', () => {
    for (const target of ['≥ 100.00 (百分比)', '>=100%']) {
      const result = withEffect('热线诉求处置率', target);
      expect(result.errors).toEqual([]);
      expect(findingsOf(result, 'target.percent-at-least-100')).toEqual([
        expect.objectContaining({ severity: 'warning', path: 'indicators[8].target' }),
      ]);
    }
  });

  it('accepts =100%, ≥95% and ≤100%; 120 件 is no percentage', () => {
    for (const target of ['=100%', '≥95%', '≤100(%)', '≥120(件)']) {
      const result = withEffect('处置率', target);
      expect(findingsOf(result, 'target.percent-range')).toEqual([]);
      expect(findingsOf(result, 'target.percent-at-least-100')).toEqual([]);
    }
  });
});

// Rule 9 — 审核要点: 指标值应量化 where the indicator is a rate or a quantity.
describe('target.vague (审核要点: 可量化的指标应量化)', () => {
  it('warns on 提升/降低/显著提升 where the name says rate, count, quantity or 满意度', () => {
    const cases: [string, string][] = [
      ['降低案件投诉率', '降低'],
      ['案件先行发现率', '显著提升'],
      ['投诉次数', '减少'],
      ['游客量', '较上一年增加'],
      ['群众满意度情况', '提高'],
    ];
    for (const [name, target] of cases) {
      const result = withEffect(name, target);
      expect(result.errors).toEqual([]);
      expect(findingsOf(result, 'target.vague')).toEqual([
        expect.objectContaining({ severity: 'warning', path: 'indicators[8].target' }),
      ]);
    }
  });

  it('warns on placeholders on any indicator', () => {
    expect(findingsOf(withEffect('宣传效果', '待定'), 'target.vague')).toHaveLength(1);
  });

  it('is quiet for concrete qualitative targets and for names that promise no number', () => {
    const cases: [string, string][] = [
      ['热线平台信息员热线工单派单及时率', '当天派单'],
      ['城运管理水平', '显著提升'],
      ['长效管理机制健全性', '建立健全'],
      ['案件处置率', '≥95%'],
    ];
    for (const [name, target] of cases) expect(findingsOf(withEffect(name, target), 'target.vague')).toEqual([]);
  });
});
