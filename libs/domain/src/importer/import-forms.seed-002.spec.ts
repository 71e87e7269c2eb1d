import { readFileSync } from 'fs';
import { join } from 'path';
import { importForms } from './import-forms';

// The published text, copied verbatim into the repo (CI has no access to shared/).
const text = readFileSync(join(__dirname, '../../../../test/fixtures/seeds/002_7f93d8ab5a9d0f21.txt'), 'utf8');
const result = importForms(text);
const row = (form: number, i: number) => {
  const x = result.forms[form].indicators[i];
  return [x.level1, x.level2, x.name, x.target];
};

describe('importForms on seed 002 (上海市绿化和市容宣传教育中心 2023, tabular)', () => {
  it('finds the five forms', () => {
    expect(result.forms).toHaveLength(5);
    expect(result.forms.map((f) => f.projectName)).toEqual(['绿化市容基础设施保障', '人才教育培训', '信息化建设项目', '行业科普管理', '绿化市容行业宣传工作管理']);
    expect(result.forms.map((f) => f.indicators.length)).toEqual([12, 14, 6, 8, 20]);
  });

  it('reads header, organisations, dates and totals', () => {
    for (const form of result.forms) {
      expect(form).toMatchObject({
        year: 2023,
        nature: '其他一次性项目',
        category: '特定目标类',
        departmentName: '上海市绿化和市容管理局',
        unitName: '上海市绿化和市容宣传教育中心',
        plannedStart: '2023-01-01',
        plannedEnd: '2023-12-31',
      });
      expect(form.funds.currentYear).toBe(form.funds.total);
      expect([form.funds.carryOver, form.funds.other]).toEqual(['0.00', '0.00']);
    }
    expect(result.forms.map((f) => f.funds.total)).toEqual(['1552500.00', '797800.00', '1029564.00', '1303000.00', '3336722.00']);
  });

  it('keeps the paragraphs of <p> goals and plain goals as printed', () => {
    expect(result.forms[4].annualGoal.split('\n')).toHaveLength(5);
    expect(result.forms[4].annualGoal.split('\n')[1]).toBe('《上海绿化市容》完成6期。');
    expect(result.forms[3].annualGoal).toBe('1、完成科普系列活动 2、科普IP深化设计 3、完成科普纪录片制作 4、完成线上直播');
    expect(result.forms.every((f) => f.overallGoal === '')).toBe(true);
  });

  it('form 1: qualitative targets and a page that starts with 指标⇥⇥时效指标', () => {
    expect(row(0, 0)).toEqual(['产出指标', '数量指标', '门禁、视频系统设备巡查', '每个工作日一次']);
    expect(row(0, 3)).toEqual(['产出指标', '质量指标', '门禁、视频系统设备故障率', '<3.00 (%)']);
    expect(row(0, 6)).toEqual(['产出指标', '时效指标', '故障响应时间', '<24.00(小时)']);
    expect(row(0, 11)).toEqual(['满意度指标', '服务对象满意度指标', '智能视讯系统用户满意度', '>95.00(%)']);
  });

  it('form 2: 成本指标 as a 二级 of 产出 after the page break', () => {
    expect(row(1, 6)).toEqual(['产出指标', '质量指标', '培训人员合格率', '≥80.00(%)']);
    expect(row(1, 7)).toEqual(['产出指标', '质量指标', '行业专家参与率', '≥50.00 (%)']);
    expect(row(1, 11)).toEqual(['产出指标', '成本指标', '人均培训成本控制率', '=100.00 (%)']);
    expect(row(1, 12)).toEqual(['效益指标', '社会效益指标', '培训覆盖率', '≥80.00 (%)']);
  });

  it('forms 3 and 4: one page each', () => {
    expect(row(2, 3)).toEqual(['产出指标', '成本指标', '控制成本管理规范性', '规范，不超预算']);
    expect(result.forms[2].indicators[3].parsedTarget).toEqual({ kind: 'qualitative', text: '规范，不超预算' });
    expect(row(3, 6)).toEqual(['效益指标', '社会效益指标', '线上直播观看人次', '≥20.00(万人次)']);
  });

  it('form 5: rows above the first printed label take the label printed after the page break, with a warning each', () => {
    expect(row(4, 0)).toEqual(['产出指标', '数量指标', '政务信息发布', '每个工作日发布']);
    expect(row(4, 5)).toEqual(['产出指标', '数量指标', '《上海绿化市容》期数', '=6(期)']);
    expect(row(4, 6)).toEqual(['产出指标', '数量指标', '舆情数据报告', '≥13(份)']);
    expect(row(4, 16)).toEqual(['产出指标', '时效指标', '按时完成《上海绿化市容》', '按时']);
    expect(row(4, 17)).toEqual(['产出指标', '时效指标', '短视频平台运营响应时间', '≤24.00(小时)']);
    expect(row(4, 18)).toEqual(['效益指标', '社会效益指标', '网信办影响力、传播力排名', '前十名']);
    const warnings = result.warnings.filter((w) => w.form === 4);
    expect(warnings.map((w) => [w.line, w.path])).toEqual([121, 122, 123, 124, 125, 126].map((line, i) => [line, `indicators[${i}].level1`]));
    expect(warnings[0].message).toContain('第 128 行');
  });

  it('warns about nothing else', () => {
    expect(result.warnings.filter((w) => w.form !== 4)).toEqual([]);
  });
});
