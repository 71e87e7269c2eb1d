import { readFileSync } from 'fs';
import { join } from 'path';
import { importForms } from './import-forms';

// The published text, copied verbatim into the repo (CI has no access to shared/).
const text = readFileSync(join(__dirname, '../../../../test/fixtures/seeds/000_e735812eb1d2a4f8.txt'), 'utf8');
const result = importForms(text);
const warningsOf = (form: number) => result.warnings.filter((w) => w.form === form).map((w) => [w.line, w.path]);
const row = (form: number, i: number) => {
  const x = result.forms[form].indicators[i];
  return [x.level1, x.level2, x.name, x.target];
};

describe('importForms on seed 000 (上海市绿化和市容管理局行政服务中心 2024, tabular)', () => {
  it('finds the four forms after the cover line', () => {
    expect(result.forms).toHaveLength(4);
    expect(result.forms.map((f) => f.projectName)).toEqual([
      '行业信访、安全及保障稳定的应急工作专项',
      '绿化市容行政服务工作',
      '热线服务保障经费',
      '全市绿化、市容、环卫、林业 诉求处置督查督办',
    ]);
    expect(result.forms.map((f) => f.indicators.length)).toEqual([19, 18, 14, 18]);
  });

  it('reads the header, the organisations and the dates of every form', () => {
    for (const form of result.forms) {
      expect(form).toMatchObject({
        year: 2024,
        departmentName: '上海市绿化和市容管理局',
        unitName: '上海市绿化和市容管理局行政服务中心',
        category: '特定目标类',
        plannedStart: '2024-01-01',
        plannedEnd: '2024-12-31',
      });
    }
    expect(result.forms.map((f) => f.nature)).toEqual(['经常性专项业务费', '经常性专项业务费', '其他经常性项目', '经常性专项业务费']);
  });

  it('reads the funds in 元 without thousands separators', () => {
    expect(result.forms[0].funds).toEqual({ total: '937980.00', currentYear: '937980.00', carryOver: '0.00', other: '0.00' });
    expect(result.forms.map((f) => f.funds.total)).toEqual(['937980.00', '910000.00', '1819200.00', '400000.00']);
    expect(result.forms[2].funds.currentYear).toBe('1819200.00');
  });

  it('puts the goal printed in the 年度总体目标 column into annualGoal, without <p> markup', () => {
    const [first] = result.forms;
    expect(first.overallGoal).toBe('');
    expect(first.annualGoal.split('\n')).toEqual([
      expect.stringMatching(/^产出目标：安全生产专业落实/),
      '效果目标：提高行业全年安全生产工作水平；维持行业全年信访稳定。促进行业持续安全和谐稳定。',
      '满意度指标：市民满意度达85%以上',
    ]);
    expect(result.forms[3].annualGoal).toMatch(/^深入践行习近平总书记.*的参与者。$/);
    expect(result.forms.some((f) => /<\/?p>/.test(f.annualGoal))).toBe(false);
    expect(result.forms[2].annualGoal).toMatch(/^通过委托第三方外包服务方式/);
  });

  it('form 1: 成本指标 rows, rows after the page break, a row whose name sits in the 一级 column', () => {
    expect(row(0, 0)).toEqual(['成本指标', '经济成本指标', '安全生产专业落实和咨询服务经费成本', '≤35.50(万元)']);
    expect(row(0, 5)).toEqual(['产出指标', '数量指标', '辅助市管环卫企业安全排查次数', '=29.00(次)']);
    expect(row(0, 12)).toEqual(['产出指标', '质量指标', '安全生产专业技术排查报告合格率', '=100.00(%)']);
    expect(row(0, 15)).toEqual(['产出指标', '时效指标', '信访安全、防台防汛、值班应急保障按计划时间及时性', '及时']);
    expect(row(0, 17)[1]).toBe('可持续影响指标');
    expect(row(0, 18)).toEqual(['满意度指标', '服务对象满意度指标', '相关单位满意度', '≥85.00(%)']);
    expect(result.forms[0].indicators[0].parsedTarget).toEqual({ kind: 'quantitative', comparator: '<=', value: '35.50', unit: '万元', direction: 'reverse' });
    expect(result.forms[0].indicators[14].parsedTarget).toEqual({ kind: 'qualitative', text: '及时' });
  });

  it('form 1: rows before the page break inherit 成本指标 (as printed) and are flagged by their unit', () => {
    expect(row(0, 3)).toEqual(['成本指标', '经济成本指标', '直属公园专业安全排查次数', '=24.00(次)']);
    expect(warningsOf(0)).toEqual([
      [22, 'indicators[3].level1'],
      [23, 'indicators[4].level1'],
    ]);
    expect(result.warnings.find((w) => w.line === 22)?.message).toContain('单位是“次”');
  });

  it('form 2: a 二级 printed in the 一级 column, then a 一级 without its 二级', () => {
    expect(row(1, 2)).toEqual(['产出指标', '数量指标', '国内野保动植物许可、进出口野保动植物许可、环卫许可三大类事项申请材料受理数量', '≥8000.00(件)']);
    expect(row(1, 6)).toEqual(['产出指标', '数量指标', '材料受理后的预审准确率', '=100.00(百分比)']);
    expect(row(1, 8)).toEqual(['产出指标', '质量指标', '来访人员登记表统计反馈率', '=100.00(百分比)']);
    expect(row(1, 17)).toEqual(['满意度指标', '服务对象满意度指标', '市民满意度评分', '≥90.00(百分比)']);
    expect(warningsOf(1)).toEqual([
      [56, 'indicators[2].level1'],
      [60, 'indicators[6].level2'],
    ]);
  });

  it('form 3: a page that starts with 指标⇥质量指标 (一级 dropped) and targets with spaces', () => {
    expect(row(2, 6)).toEqual(['产出指标', '数量指标', '甄别分类、对口移送热线准确率', '≥90(百分比)']);
    expect(row(2, 7)).toEqual(['产出指标', '质量指标', '差异化先行联系合格率', '≥ 92.00 (百分比)']);
    expect(result.forms[2].indicators[7].parsedTarget).toMatchObject({ comparator: '>=', value: '92.00', unit: '%' });
    expect(row(2, 9)).toEqual(['产出指标', '时效指标', '热线受理值班时长', '=24.00 (小时)']);
    expect(row(2, 12)).toEqual(['效益指标', '可持续影响指标', '长效管理机制健全性', '健全']);
    expect(warningsOf(2)).toEqual([]);
  });

  it('form 4: a missing target stays missing; shifted 一级/二级 cells are read by what they say', () => {
    expect(row(3, 14)).toEqual(['效益指标', '社会效益指标', '热线数据共享率', '']);
    expect(result.forms[3].indicators[14].parsedTarget).toBeNull();
    expect(row(3, 15)).toEqual(['效益指标', '社会效益指标', '“区平台反馈-三方测评-发现问题督办先行介入”模式覆盖率', '≥95.00(百分比)']);
    expect(row(3, 16)).toEqual(['效益指标', '可持续影响指标', '“12345”诉求预审机制健全性', '健全']);
    expect(row(3, 8)).toEqual(['产出指标', '数量指标', '方案及问卷策划数量', '=1(份)']);
    expect(warningsOf(3)).toEqual([
      [124, 'indicators[4].level1'],
      [135, 'indicators[14].target'],
    ]);
    const missing = result.warnings.find((w) => w.line === 135);
    expect(missing).toMatchObject({ form: 3, text: '热线数据共享率' });
  });

  it('has no warning outside the four forms', () => {
    expect(result.warnings.filter((w) => w.form < 0 || w.form >= 4)).toEqual([]);
  });
});
