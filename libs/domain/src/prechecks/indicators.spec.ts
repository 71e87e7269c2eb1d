import { check, cleanForm, findingsOf, row, withIndicators } from './spec-kit';

const satisfaction = row('满意度指标', '服务对象满意度指标', '市民满意度', '≥90%');
const effect = row('效益指标', '社会效益指标', '告知覆盖率', '≥90%');
const output = row('产出指标', '数量指标', '受理数量', '≥8000(件)');

// Rule 4 — 财预〔2020〕10号 共性指标框架: 产出 and 效益 indicators are both required.
describe('indicators.output-required / indicators.effect-required (财预〔2020〕10号)', () => {
  it('errors when there is no 产出 indicator; 成本指标 (一级 or pre-2021 二级) does not count', () => {
    const result = check(
      withIndicators([
        row('成本指标', '经济成本指标', '工作成本', '≤91(万元)'),
        row('产出指标', '成本指标', '成本控制', '不超预算'),
        effect,
        satisfaction,
      ]),
    );
    expect(findingsOf(result, 'indicators.output-required')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'indicators' }),
    ]);
  });

  it('errors when the only 产出 indicator is 无 (not applicable)', () => {
    const result = check(withIndicators([row('产出指标', '数量指标', '受理数量', '无'), effect, satisfaction]));
    expect(findingsOf(result, 'indicators.output-required')).toHaveLength(1);
  });

  it('errors when there is no 效益 indicator', () => {
    const result = check(withIndicators([output, satisfaction]));
    expect(findingsOf(result, 'indicators.effect-required')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'indicators' }),
    ]);
    expect(findingsOf(result, 'indicators.output-required')).toEqual([]);
  });

  it('accepts one 产出 and one 效益 indicator, with aliases (效果指标)', () => {
    const result = check(withIndicators([output, row('效果指标', '社会效益', '告知覆盖率', '≥90%'), satisfaction]));
    expect(result.errors).toEqual([]);
  });
});

// Rule 5 — 财预〔2020〕10号: 满意度指标 is expected; DESIGN §4 scores a missing one as not applicable.
describe('satisfaction.missing (财预〔2020〕10号, DESIGN §4)', () => {
  it('warns when there is no 满意度 indicator', () => {
    const result = check(withIndicators([output, effect]));
    expect(result.errors).toEqual([]);
    expect(findingsOf(result, 'satisfaction.missing')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'indicators' }),
    ]);
  });

  it('warns when every 满意度 target is 无', () => {
    const result = check(withIndicators([output, effect, row('满意度指标', '服务对象满意度指标', '市民满意度', '无')]));
    expect(findingsOf(result, 'satisfaction.missing').map((f) => f.path)).toEqual(['indicators[2].target']);
  });

  it('is quiet when one 满意度 target is set', () => {
    const result = check(withIndicators([output, effect, row('满意度', '满意度指标', '用户满意度', '无'), satisfaction]));
    expect(findingsOf(result, 'satisfaction.missing')).toEqual([]);
  });
});

// Rule 8 — 审核要点: 指标不重复. A warning: reviewers judge whether a repeated name is a copy error.
describe('indicators.duplicate-name (审核要点)', () => {
  it('warns on the same 三级 name twice, ignoring whitespace and full-width forms', () => {
    const form = cleanForm();
    form.indicators.push(row('效益指标', '社会效益指标', ' 一次性告知 覆盖率', '≥95%'));
    form.indicators.push(row('效益指标', '社会效益指标', '市民满意度', '≥95%'));
    const result = check(form);
    expect(result.errors).toEqual([]);
    expect(findingsOf(result, 'indicators.duplicate-name').map((f) => [f.path, f.severity])).toEqual([
      ['indicators[8].name', 'warning'],
      ['indicators[9].name', 'warning'],
    ]);
    expect(result.warnings[0].message).toContain('第 6 条');
  });

  it('is quiet for distinct names', () => {
    expect(findingsOf(check(cleanForm()), 'indicators.duplicate-name')).toEqual([]);
  });
});

describe('indicators.name-required (审核要点: 三级指标须有名称)', () => {
  it('errors on a blank 三级 name', () => {
    const form = cleanForm();
    form.indicators[2] = { ...form.indicators[2], name: ' ' };
    expect(findingsOf(check(form), 'indicators.name-required')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'indicators[2].name' }),
    ]);
  });
});

// Rule 13 — 财预〔2020〕10号 共性指标框架: standard 一级/二级 names and pairs.
describe('indicators.catalogue (财预〔2020〕10号)', () => {
  it('warns on an unknown 一级, an unknown 二级 and a 二级 under the wrong 一级', () => {
    const result = check(
      withIndicators([
        output,
        effect,
        satisfaction,
        row('绩效指标', '数量指标', '受理件数', '≥1(件)'),
        row('产出指标', '工作量指标', '接待批次', '≥1(批次)'),
        row('效益指标', '数量指标', '受理量', '≥1(件)'),
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(findingsOf(result, 'indicators.catalogue').map((f) => [f.path, f.severity])).toEqual([
      ['indicators[3].level1', 'warning'],
      ['indicators[4].level2', 'warning'],
      ['indicators[5].level2', 'warning'],
    ]);
    expect(result.warnings[2].message).toContain('应在“产出指标”下');
  });

  it('accepts the pre-2021 产出指标/成本指标 pair and printed aliases', () => {
    const result = check(
      withIndicators([output, row('产出', '成本', '成本控制', '不超预算'), effect, row('服务对象满意度', '满意度', '满意度', '≥90%')]),
    );
    expect(findingsOf(result, 'indicators.catalogue')).toEqual([]);
  });
});
