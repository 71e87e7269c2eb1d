import ExcelJS from 'exceljs';
import { scoreForm } from '@app/domain';
import { selfEvaluationWorkbook, type SelfEvaluationWorkbookInput } from './self-evaluation-workbook';

// The 项目支出绩效自评表 export, built from a scored fixture and read back cell by cell.

const INDICATORS = [
  { id: 'a', level1: '产出指标', level2: '数量指标', name: '热线受理量', target: '≥100(次)' },
  { id: 'b', level1: '产出指标', level2: '数量指标', name: '工单办结率', target: '≥95(%)' },
  { id: 'c', level1: '成本指标', level2: '经济成本指标', name: '运维成本', target: '≤35.50(万元)' },
  { id: 'd', level1: '效益指标', level2: '社会效益指标', name: '诉求解决率', target: '≥90(%)' },
  { id: 'q', level1: '效益指标', level2: '社会效益指标', name: '群众获得感', target: '明显提高' },
  { id: 's', level1: '满意度指标', level2: '服务对象满意度指标', name: '市民满意度', target: '≥90(%)' },
];

const SELF_EVALUATION = {
  budgetExecuted: '215475.00',
  executionReason: '部分合同年底结算。',
  goalAchievement: '全年受理诉件80次，办结率96%。',
  indicators: [
    { indicatorId: 'a', actual: '80次', reason: '来电量低于预期，明年调整目标。' },
    { indicatorId: 'b', actual: '96%' },
    { indicatorId: 'c', actual: '35万元' },
    { indicatorId: 'd', actual: '95%' },
    { indicatorId: 'q', tier: 'achieved' as const, points: '14' },
    { indicatorId: 's', actual: '92%' },
  ],
};

function input(over: Partial<SelfEvaluationWorkbookInput> = {}): SelfEvaluationWorkbookInput {
  const score = scoreForm({ approvedAmount: '250000.00', indicators: INDICATORS }, SELF_EVALUATION);
  return {
    year: 2024,
    projectName: '热线服务保障经费',
    departmentName: '上海市绿化和市容管理局',
    unitName: '上海市绿化和市容管理局行政服务中心',
    score,
    baseline: { indicators: INDICATORS },
    selfEvaluation: SELF_EVALUATION,
    approvedAmount: '250000.00',
    initialBudget: '300000.00',
    ...over,
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

describe('selfEvaluationWorkbook (项目支出绩效自评表)', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await load(await selfEvaluationWorkbook(input()));
  });

  const text = (address: string) => String(sheet.getCell(address).value ?? '');
  const findRow = (label: string, col = 1) => {
    for (let r = 1; r <= sheet.rowCount; r++) if (String(sheet.getCell(r, col).value) === label) return r;
    throw new Error(`no row with ${label}`);
  };
  const values = (r: number) => Array.from({ length: 8 }, (_, k) => sheet.getCell(r, k + 1).value);

  it('has the title, the year and the header block', () => {
    expect(sheet.name).toBe('绩效自评表');
    expect(text('A1')).toBe('项目支出绩效自评表');
    expect(sheet.getCell('H1').master.address).toBe('A1');
    expect(text('A2')).toBe('(2024年度)');
    expect([text('A3'), text('B3')]).toEqual(['项目名称', '热线服务保障经费']);
    expect(sheet.getCell('H3').master.address).toBe('B3');
    expect([text('A4'), text('B4'), text('E4'), text('F4')]).toEqual(['主管部门', '上海市绿化和市容管理局', '实施单位', '上海市绿化和市容管理局行政服务中心']);
  });

  it('has the funds block: budgets in 元, 执行率 215475 / 250000 = 86.19% → 8.62 of 10', () => {
    const total = findRow('年度资金总额', 2);
    expect(values(total - 1).slice(2)).toEqual(['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(values(total).slice(2)).toEqual([300000, 250000, 215475, 10, 0.8619, 8.62]);
    expect([3, 4, 5].map((c) => sheet.getCell(total, c).numFmt)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
    expect([6, 7, 8].map((c) => sheet.getCell(total, c).numFmt)).toEqual(['0.00', '0.00%', '0.00']);
    // 项目资金（元） spans the header row and the 年度资金总额 row.
    expect(text(`A${total - 1}`)).toBe('项目资金（元）');
    expect(sheet.getCell(total, 1).master.address).toBe(`A${total - 1}`);
    expect(text(`B${findRow('年度总体目标完成情况')}`)).toBe('全年受理诉件80次，办结率96%。');
  });

  it('has the indicator table with targets, actuals, weights, points and reasons', () => {
    const header = findRow('一级指标');
    expect(values(header)).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    // 产出 50 split 16.67 / 16.67 / 16.66; a: 80 / 100 × 16.67 = 13.336 → 13.34
    expect(values(header + 1)).toEqual(['产出指标', '数量指标', '热线受理量', '≥100(次)', '80次', 16.67, 13.34, '来电量低于预期，明年调整目标。']);
    expect(values(header + 3).slice(2)).toEqual(['运维成本', '≤35.50(万元)', '35万元', 16.66, 16.66, '']);
    // 效益 30 split 15 / 15; the qualitative one shows its tier and the 14 points the unit gave.
    expect(values(header + 5).slice(2)).toEqual(['群众获得感', '明显提高', '达成年度指标', 15, 14, '']);
    expect(values(header + 6).slice(0, 3)).toEqual(['满意度指标', '服务对象满意度指标', '市民满意度']);
    expect([sheet.getCell(header + 1, 6).numFmt, sheet.getCell(header + 1, 7).numFmt]).toEqual(['0.00', '0.00']);
  });

  it('merges the 一级 and 二级 cells of consecutive indicators like the 申报表', () => {
    const header = findRow('一级指标');
    expect(sheet.getCell(header + 2, 1).master.address).toBe(`A${header + 1}`); // 产出指标 a, b
    expect(sheet.getCell(header + 2, 2).master.address).toBe(`B${header + 1}`); // 数量指标 a, b
    expect(sheet.getCell(header + 3, 1).isMerged).toBe(false); // 成本指标 alone
    expect(sheet.getCell(header + 5, 2).master.address).toBe(`B${header + 4}`); // 社会效益指标 d, q
    expect(sheet.getCell(header + 6, 1).isMerged).toBe(false);
  });

  it('ends with 总分: Σ 分值 = 100, total 8.62 + 13.34 + 16.67 + 16.66 + 15 + 14 + 10 = 94.29, 等级 优', () => {
    const r = findRow('总分');
    expect(r).toBe(sheet.rowCount);
    expect(sheet.getCell(r, 5).master.address).toBe(`A${r}`);
    expect(values(r).slice(5)).toEqual([100, 94.29, '等级：优']);
    expect(sheet.getCell(r, 7).numFmt).toBe('0.00');
    // The 得分 column adds up to the total, as the printed form does.
    const header = findRow('一级指标');
    const points = [findRow('年度资金总额', 2), ...INDICATORS.map((_, k) => header + 1 + k)].map((row) => {
      const col = row < header ? 8 : 7;
      return Math.round(Number(sheet.getCell(row, col).value) * 100);
    });
    expect(points.reduce((a, b) => a + b, 0)).toBe(9429);
  });
});

describe('selfEvaluationWorkbook: defaults', () => {
  it('年初预算数 falls back to the approved amount; a missing 完成情况 and actual are empty cells', async () => {
    const selfEvaluation = { budgetExecuted: '250000.00', indicators: SELF_EVALUATION.indicators.filter((i) => i.indicatorId !== 'b') };
    const score = scoreForm({ approvedAmount: '250000.00', indicators: INDICATORS }, selfEvaluation);
    const sheet = await load(await selfEvaluationWorkbook({ ...input(), initialBudget: null, selfEvaluation, score }));
    const find = (label: string, col = 1) => {
      for (let r = 1; r <= sheet.rowCount; r++) if (String(sheet.getCell(r, col).value) === label) return r;
      throw new Error(`no row with ${label}`);
    };
    const funds = find('年度资金总额', 2);
    expect([3, 4, 5].map((c) => sheet.getCell(funds, c).value)).toEqual([250000, 250000, 250000]);
    expect(sheet.getCell(find('年度总体目标完成情况'), 2).value).toBe('');
    // b has no entry here: its row still shows the target, with no actual, 0 points and no reason.
    const b = find('工单办结率', 3);
    expect([4, 5, 6, 7, 8].map((c) => sheet.getCell(b, c).value)).toEqual(['≥95(%)', '', 16.67, 0, '']);
    // 10 + 13.34 + 0 + 16.66 + 15 + 14 + 10 = 79.00 → 中
    expect([7, 8].map((c) => sheet.getCell(find('总分'), c).value)).toEqual([79, '等级：中']);
  });
});
