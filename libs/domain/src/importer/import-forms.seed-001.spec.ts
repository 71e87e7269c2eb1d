import { readFileSync } from 'fs';
import { join } from 'path';
import { importForms } from './import-forms';

// The published text, copied verbatim into the repo (CI has no access to shared/).
const text = readFileSync(join(__dirname, '../../../../test/fixtures/seeds/001_541cf2738fe0fece.txt'), 'utf8');
const result = importForms(text);
const row = (form: number, i: number) => {
  const x = result.forms[form].indicators[i];
  return [x.level1, x.level2, x.name, x.target];
};

describe('importForms on seed 001 (上海市青浦区城市运行管理中心 2022, one cell per line)', () => {
  it('finds the seven forms', () => {
    expect(result.forms).toHaveLength(7);
    expect(result.forms.map((f) => f.projectName)).toEqual([
      '城市管理精细化办公室经费',
      '城运案件托底处置费',
      '城运平台相关系统维护费',
      '城运业务宣传费',
      '区城运中心城运督查服务',
      '区城运中心城运平台等辅助服务',
      '热线工单回访测评费',
    ]);
    expect(result.forms.map((f) => f.indicators.length)).toEqual([9, 8, 9, 6, 9, 10, 7]);
  });

  it('reads the header: no 项目性质 on this template, 主管部门 blank, the unit split over two lines', () => {
    for (const form of result.forms) {
      expect(form).toMatchObject({
        year: 2022,
        nature: '',
        category: '经常性项目',
        departmentName: null,
        unitName: '上海市青浦区城市运行管理中心',
        plannedStart: '2022-01-01',
        plannedEnd: '2022-12-31',
      });
    }
  });

  it('reads totals without decimals; the split between 当年财政拨款 and 上年结转资金 is not printed', () => {
    expect(result.forms.map((f) => f.funds.total)).toEqual(['1559500.00', '480000.00', '884600.00', '600000.00', '3206800.00', '3350600.00', '480000.00']);
    expect(result.forms[0].funds).toEqual({ total: '1559500.00', currentYear: '', carryOver: '', other: '0.00' });
  });

  it('reads 项目总目标 and 年度总目标 as the two paragraphs after the period line', () => {
    const [first] = result.forms;
    expect(first.overallGoal).toBe(
      '本区在城市设施、环境、交通、应急（安全）等方面的常态长效管理水平全面提升，市民对城市管理的满意度明显提升，城市更加有序安全干净，生活更加方便舒心美好。',
    );
    expect(first.annualGoal).toMatch(/^通过加强精细化管理，结合我区推进乡村振兴战略/);
    expect(first.annualGoal).toContain('全区累计建成至少 100 个示范性“美丽街区”');
    expect(first.annualGoal).toMatch(/天蓝地绿水清的城市环境。$/);
    expect(result.forms.some((f) => f.overallGoal.includes('2022 年') || f.annualGoal.includes('（2022'))).toBe(false);
    expect(result.forms[5].annualGoal).toContain('跨越式发展。 项目年度目标：1、效果目标：');
    expect(result.forms[5].annualGoal).toMatch(/精细化水平的提升。$/);
  });

  it('form 1: indicator names split over two lines, labels on their own lines', () => {
    expect(row(0, 0)).toEqual(['产出指标', '数量指标', '示范性“美丽街区”建设完成率', '=100%']);
    expect(row(0, 2)).toEqual(['产出指标', '数量指标', '示范性“美丽乡村”建设完成率', '=100%']);
    expect(row(0, 3)).toEqual(['产出指标', '质量指标', '建设验收通过率', '=100%']);
    expect(row(0, 4)).toEqual(['产出指标', '时效指标', '建设完成及时性', '年底完成']);
    expect(row(0, 6)).toEqual(['效益指标', '社会效益指标', '“绿色青浦”美丽空间体系', '形成']);
    expect(row(0, 7)).toEqual(['效益指标', '可持续影响指标', '长效管理机制健全性', '建立健全']);
    expect(row(0, 8)).toEqual(['满意度指标', '服务对象满意度指标', '群众满意度', '>=90%']);
    expect(result.forms[0].indicators[0].parsedTarget).toEqual({ kind: 'quantitative', comparator: '=', value: '100', unit: '%', direction: 'equal' });
  });

  it('forms 2 and 3: targets without comparator or unit', () => {
    expect(row(1, 0)).toEqual(['产出指标', '数量指标', '案件处置类别', '>40']);
    expect(result.forms[1].indicators[0].parsedTarget).toMatchObject({ comparator: '>', value: '40', unit: '' });
    expect(row(1, 3)).toEqual(['产出指标', '时效指标', '一般案件处置及时性', '7天内完成']);
    expect(row(2, 0)).toEqual(['产出指标', '数量指标', '信息系统维护数量', '2个']);
    expect(result.forms[2].indicators[0].parsedTarget).toMatchObject({ comparator: '=', value: '2', unit: '个' });
    expect(row(2, 3)).toEqual(['产出指标', '质量指标', '数据完整实时性', '提升']);
  });

  it('forms 4 and 6: a wrapped name whose target is on the line below the last piece', () => {
    expect(row(3, 3)).toEqual(['效益指标', '社会效益指标', '“一网统管”热线工作知晓度', '提升']);
    expect(row(5, 1)).toEqual(['产出指标', '数量指标', '信息员数量', '35人']);
    expect(row(5, 3)).toEqual(['产出指标', '时效指标', '热线平台信息员热线工单派单及时率', '当天派单']);
    expect(row(5, 4)).toEqual(['效益指标', '社会效益指标', '热线工单按时办结率', '>=95%']);
    expect(row(5, 9)).toEqual(['满意度指标', '服务对象满意度指标', '市民满意度', '>=70%']);
    expect(row(6, 2)).toEqual(['产出指标', '时效指标', '工单回访及时性', '当天回访']);
  });

  it('warns, per form, about the 主管部门 reading, the unit of the amounts and the funds it could not or did infer', () => {
    for (let form = 0; form < 7; form++) {
      const warnings = result.warnings.filter((w) => w.form === form);
      expect(warnings.map((w) => w.path)).toEqual(['unitName', 'funds', 'funds.currentYear', 'funds.carryOver', 'funds.other']);
    }
    const first = result.warnings.filter((w) => w.form === 0);
    expect(first.map((w) => w.line)).toEqual([8, 15, 20, 22, 24]);
    expect(first[0]).toMatchObject({ text: '上海市青浦区城市运行管理中心' });
    expect(first[0].message).toContain('“主管部门”视为空白');
    expect(first[1].message).toBe('项目资金未注明单位（元或万元），按元读取。');
    expect(first[2].message).toContain('两者合计应为财政资金 1559500.00 元');
    expect(first[4].message).toContain('推算为 0.00 元');
  });

  it('every indicator has a parsed target', () => {
    expect(result.forms.flatMap((f) => f.indicators).every((i) => i.parsedTarget !== null)).toBe(true);
  });
});
