import ExcelJS from 'exceljs';
import { mergeReportLines, summarizeCampaign, type CampaignReport, type ReportFormLine } from '@app/domain';
import { campaignReportWorkbook } from './campaign-report-workbook';

// The department report workbook, built from a summarised fixture and read back cell by cell.

type Indicator = NonNullable<ReportFormLine['score']>['indicators'][number];
const ind = (id: string, name: string, weight: string, points: string, ratio: string): Indicator => ({
  indicatorId: id,
  name,
  level1: '产出指标',
  weight,
  points,
  ratio,
  applicable: true,
});

const LINES: ReportFormLine[] = [
  {
    formId: 'f-a',
    projectName: '热线服务保障经费',
    unitId: 'u1',
    unitName: '行政服务中心',
    state: 'completed',
    approvedAmount: '100.00',
    score: { total: '95.00', grade: '优', indicators: [ind('1', '受理量', '25.00', '20.00', '0.8000'), ind('2', '办结率', '25.00', '25.00', '1.0000')] },
    late: null,
  },
  {
    formId: 'f-b',
    projectName: '绿化养护',
    unitId: 'u2',
    unitName: '绿化管理所',
    state: 'selfEvaluationReview',
    approvedAmount: '300.00',
    score: { total: '82.50', grade: '良', indicators: [ind('1', '养护面积', '50.00', '30.00', '0.6000')] },
    late: null,
  },
  {
    formId: 'f-c',
    projectName: '市容整治',
    unitId: 'u2',
    unitName: '绿化管理所',
    state: 'completed',
    approvedAmount: '600.00',
    score: { total: '70.00', grade: '中', indicators: [] },
    late: null,
  },
  {
    formId: 'f-d',
    projectName: '垃圾分类宣传',
    unitId: 'u3',
    unitName: '宣传中心',
    state: 'selfEvaluation',
    approvedAmount: '1234567.89',
    score: null,
    late: 'selfEvaluationOverdue',
  },
];

const FAILURES = [{ formIds: ['f-x', 'f-y'], message: '评分任务失败：连接超时' }];

function report(lines: ReportFormLine[] = LINES): CampaignReport {
  return summarizeCampaign({
    campaign: { id: 'c-2024', year: 2024, departmentName: '上海市绿化和市容管理局', schemeVersion: 'cz2020-10.v1' },
    lines,
    failures: FAILURES,
    generatedAt: '2025-01-20T09:30:00+08:00',
  });
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, k) => ws.getCell(r, k + 1).value);

describe('campaignReportWorkbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await campaignReportWorkbook(report(), mergeReportLines([LINES])));
  });
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };

  it('has the five sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '逾期', '得分最低指标', '各申报表', '未能处理']);
  });

  describe('汇总', () => {
    const value = (label: string) => {
      const ws = sheet('汇总');
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return ws.getCell(r, 2);
      throw new Error(`no row ${label}`);
    };

    it('has the title and the campaign', () => {
      const ws = sheet('汇总');
      expect(ws.getCell('A1').value).toBe('上海市绿化和市容管理局2024年度项目支出绩效自评汇总');
      expect(ws.getCell('B1').master.address).toBe('A1');
      expect(value('主管部门').value).toBe('上海市绿化和市容管理局');
      expect(value('年度').value).toBe(2024);
      expect(value('评分方案版本').value).toBe('cz2020-10.v1');
      expect(value('生成时间').value).toBe('2025-01-20 09:30:00');
      expect(value('申报表总数').value).toBe(4);
    });

    it('counts every state by its Chinese label, 0 included, and every grade', () => {
      expect(['草稿', '已申报', '审核中', '退回修改', '已批复', '年终自评', '自评审核', '已完成'].map((l) => value(l).value)).toEqual([0, 0, 0, 0, 0, 1, 1, 2]);
      expect(['优', '良', '中', '差'].map((g) => value(g).value)).toEqual([1, 1, 1, 0]);
    });

    it('has the averages as numbers: (95 + 82.5 + 70) / 3 = 82.50; (95×100 + 82.5×300 + 70×600) / 1000 = 76.25', () => {
      expect(value('已评分').value).toBe(3);
      expect([value('平均分').value, value('平均分').numFmt]).toEqual([82.5, '0.00']);
      expect([value('预算加权平均分').value, value('预算加权平均分').numFmt]).toEqual([76.25, '0.00']);
      expect(value('逾期').value).toBe(1);
      expect(value('未能处理').value).toBe(2);
    });
  });

  it('逾期 lists the late form with its state and reason', () => {
    const ws = sheet('逾期');
    expect(rowValues(ws, 1, 5)).toEqual(['项目名称', '实施单位', '状态', '逾期情况', '申报表编号']);
    expect(rowValues(ws, 2, 5)).toEqual(['垃圾分类宣传', '宣传中心', '年终自评', '逾期未提交自评', 'f-d']);
    expect(ws.rowCount).toBe(2);
  });

  it('得分最低指标 lists applicable indicators from the lowest ratio, with formats', () => {
    const ws = sheet('得分最低指标');
    expect(rowValues(ws, 1, 9)).toEqual(['序号', '项目名称', '实施单位', '一级指标', '三级指标', '分值', '得分', '得分率', '申报表编号']);
    expect(rowValues(ws, 2, 9)).toEqual([1, '绿化养护', '绿化管理所', '产出指标', '养护面积', 50, 30, 0.6, 'f-b']);
    expect(rowValues(ws, 3, 9)).toEqual([2, '热线服务保障经费', '行政服务中心', '产出指标', '受理量', 25, 20, 0.8, 'f-a']);
    expect(ws.getCell('E4').value).toBe('办结率');
    expect([ws.getCell('F2').numFmt, ws.getCell('G2').numFmt, ws.getCell('H2').numFmt]).toEqual(['0.00', '0.00', '0.00%']);
    expect(ws.rowCount).toBe(4);
  });

  it('各申报表 has one row per form in merge order, amounts and totals as numbers, blanks when not scored', () => {
    const ws = sheet('各申报表');
    expect(rowValues(ws, 1, 7)).toEqual(['项目名称', '实施单位', '状态', '批复金额', '总分', '等级', '申报表编号']);
    // mergeReportLines sorts by unit in code-point order: 宣 U+5BA3 < 绿 U+7EFF < 行 U+884C.
    expect(rowValues(ws, 2, 7)).toEqual(['垃圾分类宣传', '宣传中心', '年终自评', 1234567.89, null, null, 'f-d']);
    expect(rowValues(ws, 3, 7)).toEqual(['市容整治', '绿化管理所', '已完成', 600, 70, '中', 'f-c']);
    expect(rowValues(ws, 5, 7)).toEqual(['热线服务保障经费', '行政服务中心', '已完成', 100, 95, '优', 'f-a']);
    expect([ws.getCell('D2').numFmt, ws.getCell('E3').numFmt]).toEqual(['#,##0.00', '0.00']);
    expect(ws.rowCount).toBe(5);
  });

  it('未能处理 has one row per form of each failure', () => {
    const ws = sheet('未能处理');
    expect(rowValues(ws, 1, 2)).toEqual(['申报表编号', '原因']);
    expect([rowValues(ws, 2, 2), rowValues(ws, 3, 2)]).toEqual([
      ['f-x', '评分任务失败：连接超时'],
      ['f-y', '评分任务失败：连接超时'],
    ]);
    expect(ws.rowCount).toBe(3);
  });
});

describe('campaignReportWorkbook: nothing scored, no lines', () => {
  it('leaves out 各申报表 and shows — for the averages', async () => {
    const unscored = LINES.map((l) => ({ ...l, score: null }));
    const wb = await load(await campaignReportWorkbook(report(unscored)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '逾期', '得分最低指标', '未能处理']);
    const ws = wb.getWorksheet('汇总')!;
    const byLabel = new Map<string, unknown>();
    for (let r = 2; r <= ws.rowCount; r++) byLabel.set(String(ws.getCell(r, 1).value), ws.getCell(r, 2).value);
    expect([byLabel.get('已评分'), byLabel.get('平均分'), byLabel.get('预算加权平均分')]).toEqual([0, '—', '—']);
    expect(['优', '良', '中', '差'].map((g) => byLabel.get(g))).toEqual([0, 0, 0, 0]);
    expect(wb.getWorksheet('得分最低指标')!.rowCount).toBe(1);
  });
});
