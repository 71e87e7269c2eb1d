import { importForms } from './import-forms';

/** A tabular text: one row per line, cells separated by tabs. */
const tab = (...rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');

const TABLE_HEAD = ['', '一级指标', '二级指标', '三级指标', '年度指标值'];
const SIMPLE_TABLE = [
  TABLE_HEAD,
  ['', '产出指标', '数量指标', '宣传活动场次', '≥10次'],
  ['', '满意度指标', '服务对象满意度指标', '居民满意度', '≥90%'],
];

/** A tabular form with the given header rows (the funds block in 元, all printed). */
function tabularForm(header: string[][], table: string[][] = SIMPLE_TABLE): string {
  return tab(
    ['财政项目支出绩效目标申报表'],
    ['(2024年度)'],
    ...header,
    ['主管部门', '某区绿化和市容管理局', '实施单位', '某区市容管理所'],
    ['计划开始日期', '2024-01-01', '计划完成日期', '2024-12-31'],
    ['项目资金 (元)', '项目资金总额', '', '年度资金申请总额', '100,000.00'],
    ['', '其中：财政资金', '', '其中：当年财政拨款', '100,000.00'],
    ['', '', '', '上年结转资金', '0.00'],
    ['', '其他资金', '', '其他资金', '0.00'],
    ['项目 绩效 目标', '项目总目标', '', '年度总体目标'],
    ['', '', '', '完成宣传'],
    ...table,
  );
}

describe('importForms on other templates', () => {
  it('reads a 万元 template: amounts converted exactly to 元, check boxes, dates in other spellings, goals in both columns', () => {
    const text = tab(
      ['财政项目支出绩效目标申报表'],
      ['（2022年度）'],
      ['项目名称', '社区垃圾分类宣传', '项目类别', '☑特定目标类 □其他人员类'],
      ['主管部门', '某区绿化和市容管理局', '实施单位', '某区市容管理所'],
      ['计划开始日期', '2022/1/1', '计划完成日期', '2022年12月31日'],
      ['项目资金（万元）', '项目资金总额', '155.95', '年度资金申请总额', '155.95'],
      ['', '其中：财政资金', '150', '其中：当年财政拨款', '100.5'],
      ['', '', '', '上年结转资金', '49.5'],
      ['', '其他资金', '5.95', '其他资金', '5.95'],
      ['项目 绩效 目标', '项目总目标', '年度总体目标'],
      ['', '<p>三年内覆盖全区</p>', '<p>完成宣传</p><p>提高知晓率</p>'],
      TABLE_HEAD,
      ['', '产出指标', '数量指标', '宣传活动场次', '达到80%以上'],
      ['', '效益指标', '社会效益指标', '居民知晓率', '不低于90%'],
    );
    const { forms, warnings } = importForms(text);
    expect(warnings).toEqual([]);
    expect(forms).toHaveLength(1);
    const [form] = forms;
    expect(form).toMatchObject({
      year: 2022,
      projectName: '社区垃圾分类宣传',
      nature: '',
      category: '特定目标类',
      plannedStart: '2022-01-01',
      plannedEnd: '2022-12-31',
      overallGoal: '三年内覆盖全区',
      annualGoal: '完成宣传\n提高知晓率',
    });
    expect(form.funds).toEqual({ total: '1559500.00', currentYear: '1005000.00', carryOver: '495000.00', other: '59500.00' });
    expect(form.indicators[0]).toMatchObject({
      target: '达到80%以上',
      parsedTarget: { kind: 'quantitative', comparator: '>=', value: '80', unit: '%', direction: 'positive' },
    });
  });

  it('refuses a 万元 amount that is not a whole fen, then reads the total from the printed components', () => {
    const text = tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']]).replace('项目资金 (元)', '项目资金（万元）').replace('100,000.00\n', '1.0000001\n');
    const { forms, warnings } = importForms(text);
    expect(forms[0].funds).toEqual({ total: '1000000000.00', currentYear: '1000000000.00', carryOver: '0.00', other: '0.00' });
    expect(warnings.map((w) => [w.path, w.line, w.text])).toEqual([
      ['funds.total', 6, '1.0000001'],
      ['funds.total', 6, undefined],
    ]);
    expect(warnings[1].message).toContain('按各项资金之和推算');
  });

  it.each([
    ['☑特定目标类 □其他人员类', '特定目标类'],
    ['□特定目标类 ☑其他人员类', '其他人员类'],
    ['√特定目标类 □其他人员类', '特定目标类'],
    ['特定目标类√ 其他人员类□', '特定目标类'],
    ['特定目标类（√） 其他人员类（ ）', '特定目标类'],
    ['专项资金', '专项资金'],
    ['经常性项目', '经常性项目'],
    ['一次性项目', '一次性项目'],
  ])('reads 项目类别 “%s” as %s', (printed, category) => {
    const { forms, warnings } = importForms(tabularForm([['项目名称', '测试项目', '项目性质', '其他一次性项目', '项目类别', printed]]));
    expect(forms[0].category).toBe(category);
    expect(forms[0].nature).toBe('其他一次性项目');
    expect(warnings).toEqual([]);
  });

  it.each([['□特定目标类 □其他人员类'], ['☑特定目标类 ☑其他人员类']])('leaves 项目类别 “%s” blank, with a warning', (printed) => {
    const { forms, warnings } = importForms(tabularForm([['项目名称', '测试项目', '项目类别', printed]]));
    expect(forms[0].category).toBe('');
    expect(warnings).toEqual([expect.objectContaining({ form: 0, path: 'category', line: 3, text: printed })]);
  });

  it('keeps a non-standard 一级/二级 as printed, with a warning, and reads a 分值 column', () => {
    const table = [
      ['', '一级指标', '二级指标', '三级指标', '年度指标值', '分值'],
      ['', '项目产出指标', '数量指标', '宣传活动场次', '≥10次', '20'],
      ['', '', '', '宣传册发放', '≥5000份', '30'],
      ['', '满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '10'],
    ];
    const { forms, warnings } = importForms(tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']], table));
    expect(forms[0].indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.weight])).toEqual([
      ['项目产出指标', '数量指标', '宣传活动场次', '≥10次', '20'],
      ['项目产出指标', '数量指标', '宣传册发放', '≥5000份', '30'],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '10'],
    ]);
    expect(warnings).toEqual([expect.objectContaining({ path: 'indicators[0].level1', line: 13, text: '项目产出指标' })]);
  });

  it('gives a target printed alone on the next row to the indicator above that has none', () => {
    const table = [TABLE_HEAD, ['', '产出指标', '数量指标', '宣传活动场次'], ['', '', '', '', '≥10次'], ['', '', '', '宣传册发放', '≥5000份']];
    const { forms, warnings } = importForms(tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']], table));
    expect(forms[0].indicators.map((i) => [i.name, i.target])).toEqual([
      ['宣传活动场次', '≥10次'],
      ['宣传册发放', '≥5000份'],
    ]);
    expect(warnings.map((w) => [w.path, w.line])).toEqual([['indicators[0].target', 14]]);
  });

  it('warns about a target the parser refuses and keeps it as printed', () => {
    const table = [TABLE_HEAD, ['', '产出指标', '数量指标', '宣传活动场次', '≥abc']];
    const { forms, warnings } = importForms(tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']], table));
    expect(forms[0].indicators[0]).toMatchObject({ target: '≥abc', parsedTarget: null });
    expect(warnings).toEqual([expect.objectContaining({ path: 'indicators[0].target', line: 13, text: '≥abc' })]);
  });

  it('reads a one-cell-per-line form with 专项资金 ticked, no 项目性质 and one blank amount inferred', () => {
    const text = [
      '财政项目支出绩效目标申报表',
      '（2023年度）',
      '项目名称 道路保洁专项 项目类别 √专项资金 □经常性项目 □一次性项目',
      '主管部门 某区建设局 实施单位 某区环卫所',
      '计划开始日期 2023-01-01 计划完成日期 2023-12-31',
      '项目资金（元）',
      '项目资金总额 200,000 年度资金申请总额 200,000',
      '其中：财政资金 200,000',
      '其中：当年财政拨款 150,000',
      '上年结转资金 50,000',
      '其他资金 其他资金',
      ...'项目绩效目标'.split(''),
      '项目总目标',
      '年度总目标',
      '（2023 年 - 2023年）',
      '',
      '道路保洁',
      '全覆盖。',
      '',
      '年度内保洁',
      '到位。',
      ...'绩效指标'.split(''),
      '一级指标 二级指标 三级指标 指标目标值',
      '产出指标',
      '数量指标 保洁面积 达到80%以上',
      '质量指标',
      '道路清扫保洁质量达标',
      '率',
      '',
      '≥95%',
      '效益指标',
      '社会效益指标',
      '市容环境 改善',
      '满意度指标 服务对象满意度指标 群众满意度 >=90%',
    ].join('\n');
    const { forms, warnings } = importForms(text);
    expect(forms[0]).toMatchObject({
      year: 2023,
      projectName: '道路保洁专项',
      nature: '',
      category: '专项资金',
      departmentName: '某区建设局',
      unitName: '某区环卫所',
      overallGoal: '道路保洁全覆盖。',
      annualGoal: '年度内保洁到位。',
      funds: { total: '200000.00', currentYear: '150000.00', carryOver: '50000.00', other: '0.00' },
    });
    expect(forms[0].indicators.map((i) => [i.level1, i.level2, i.name, i.target])).toEqual([
      ['产出指标', '数量指标', '保洁面积', '达到80%以上'],
      ['产出指标', '质量指标', '道路清扫保洁质量达标率', '≥95%'],
      ['效益指标', '社会效益指标', '市容环境', '改善'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '>=90%'],
    ]);
    expect(warnings).toEqual([expect.objectContaining({ path: 'funds.other', line: 11 })]);
    expect(warnings[0].message).toContain('推算为 0.00 元');
  });

  it('reads a one-cell-per-line form in 万元 with a single goal paragraph (placed in 年度总目标, with a warning)', () => {
    const text = [
      '财政项目支出绩效目标申报表',
      '（2022年度）',
      '项目名称 绿地养护 项目类别 一次性项目',
      '主管部门 某区绿化局 实施单位 某区绿化所',
      '计划开始日期 2022-03-01 计划完成日期 2022-11-30',
      '项目资金（万元）',
      '年度资金申请总额 35.5',
      '其中：当年财政拨款 35.5',
      '上年结转资金 0',
      '其他资金 0',
      '项目总目标 年度总目标',
      '完成绿地养护。',
      '一级指标 二级指标 三级指标 指标目标值',
      '产出指标 数量指标 养护面积 ≥20万平方米',
    ].join('\n');
    const { forms, warnings } = importForms(text);
    expect(forms[0].funds).toEqual({ total: '355000.00', currentYear: '355000.00', carryOver: '0.00', other: '0.00' });
    expect(forms[0]).toMatchObject({ category: '一次性项目', overallGoal: '', annualGoal: '完成绿地养护。', plannedStart: '2022-03-01' });
    expect(forms[0].indicators).toEqual([
      expect.objectContaining({ level1: '产出指标', level2: '数量指标', name: '养护面积', target: '≥20万平方米' }),
    ]);
    expect(warnings.map((w) => w.path)).toEqual(['annualGoal']);
  });

  it('reads a blank total from its printed components, and reports a sum that does not add up', () => {
    const blankTotal = tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']]).replace('年度资金申请总额\t100,000.00', '年度资金申请总额\t');
    expect(importForms(blankTotal).forms[0].funds.total).toBe('100000.00');
    expect(importForms(blankTotal).warnings.map((w) => w.path)).toEqual(['funds.total']);

    const wrongSum = tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']]).replace('上年结转资金\t0.00', '上年结转资金\t5.00');
    const { forms, warnings } = importForms(wrongSum);
    expect(forms[0].funds).toEqual({ total: '100000.00', currentYear: '100000.00', carryOver: '5.00', other: '0.00' });
    expect(warnings.map((w) => w.path)).toEqual(['funds.total']);
    expect(warnings[0].message).toContain('不一致');
  });

  it('reads labels with colons, a `金额单位：万元` line, CRLF line ends, a year without parentheses and alias labels', () => {
    const text = [
      '项目支出绩效目标申报表',
      '2021年度',
      '项目名称：老旧小区改造 项目性质：其他一次性项目',
      '项目类别：一次性项目',
      '主管部门：某区房管局 实施单位：某区房管所',
      '计划开始日期：2021年1月1日 计划完成日期：2021年12月31日',
      '金额单位：万元',
      '年度资金申请总额：120 当年财政拨款：100 上年结转资金：20 其他资金：0',
      '年度总体目标：完成改造。',
      '一级指标 二级指标 三级指标 指标目标值',
      '产出指标 数量指标 改造户数 ≥300户',
      '成本指标 经济成本指标 每户改造成本 ≤0.4万元',
      '满意度 服务对象满意度 居民满意度 ≥90%',
    ].join('\r\n');
    const { forms, warnings } = importForms(text);
    expect(warnings).toEqual([]);
    expect(forms[0]).toMatchObject({
      year: 2021,
      projectName: '老旧小区改造',
      nature: '其他一次性项目',
      category: '一次性项目',
      departmentName: '某区房管局',
      unitName: '某区房管所',
      plannedStart: '2021-01-01',
      plannedEnd: '2021-12-31',
      funds: { total: '1200000.00', currentYear: '1000000.00', carryOver: '200000.00', other: '0.00' },
      overallGoal: '',
      annualGoal: '完成改造。',
    });
    expect(forms[0].indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', '数量指标'],
      ['成本指标', '经济成本指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
  });

  it('reads goal texts printed in the label cells themselves', () => {
    const text = tab(
      ['财政项目支出绩效目标申报表'],
      ['(2024年度)'],
      ['项目名称', '测试项目', '项目类别', '特定目标类'],
      ['项目 绩效 目标', '项目总目标：三年完成', '年度总体目标：今年完成一半'],
      ...SIMPLE_TABLE,
    );
    expect(importForms(text).forms[0]).toMatchObject({ overallGoal: '三年完成', annualGoal: '今年完成一半' });
    const lines = ['财政项目支出绩效目标申报表', '(2024年度)', '项目名称 测试项目 项目类别 特定目标类', '项目总目标：三年完成 年度总目标：今年完成', '一半'];
    expect(importForms(lines.join('\n')).forms[0]).toMatchObject({ overallGoal: '三年完成', annualGoal: '今年完成一半' });
  });

  it('reads many forms in one text and numbers the warnings by form', () => {
    const one = tabularForm([['项目名称', '项目甲', '项目类别', '特定目标类']]);
    const two = tabularForm([['项目名称', '项目乙', '项目类别', '□特定目标类 □其他人员类']]);
    const { forms, warnings } = importForms(`${one}\n\n${two}\n`);
    expect(forms.map((f) => f.projectName)).toEqual(['项目甲', '项目乙']);
    expect(warnings).toEqual([expect.objectContaining({ form: 1, path: 'category', line: 18 })]);
  });

  it('reads a form without title or year as one form, and says so', () => {
    const text = tabularForm([['项目名称', '测试项目', '项目类别', '特定目标类']]).split('\n').slice(2).join('\n');
    const { forms, warnings } = importForms(text);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ year: null, projectName: '测试项目' });
    expect(warnings.map((w) => w.form)).toEqual([-1, 0]);
    expect(warnings[1].message).toContain('预算年度');
  });

  it('finds nothing in an empty text or a text without any form', () => {
    expect(importForms('')).toEqual({ forms: [], warnings: [{ form: -1, message: '文本为空，未导入任何表。' }] });
    const other = importForms('会议纪要\n今天天气很好');
    expect(other.forms).toEqual([]);
    expect(other.warnings).toHaveLength(1);
  });
});
