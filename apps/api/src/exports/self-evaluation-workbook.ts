import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { TIER_LABELS, normaliseLevel1, normaliseLevel2, type ScoreResult } from '@app/domain';
import { MONEY_FORMAT, PERCENT_FORMAT, SCORE_FORMAT, THIN, mergeRuns, setNumber } from './sheet-helpers';

export interface SelfEvaluationWorkbookInput {
  year: number;
  projectName: string;
  departmentName: string;
  unitName: string;
  score: ScoreResult;
  baseline: { indicators: { id: string; level1: string; level2: string; name: string; target: string }[] };
  selfEvaluation: {
    budgetExecuted: string;
    goalAchievement?: string;
    indicators: { indicatorId: string; actual?: string; reason?: string }[];
  };
  /** 全年预算数 (批复金额), 元 */
  approvedAmount: string;
  /** 年初预算数, 元; the approved amount when the campaign does not record one. */
  initialBudget?: string | null;
}

/** The columns of the 自评表: the indicator table's eight, which the other blocks share. */
const COLUMNS = 8;
const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const FUNDS_HEADER = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];

/**
 * The 项目支出绩效自评表 (财预〔2020〕10号) in the published layout: title and year, header block,
 * funds block (元), 年度总体目标完成情况, the indicator table grouped by 一级 / 二级 with merged cells,
 * and 总分 with the grade. Money, scores and rates are numbers with number formats so Excel can add
 * them; the exact decimal strings stay the source of truth in Jixiao.
 */
export async function selfEvaluationWorkbook(input: SelfEvaluationWorkbookInput): Promise<Buffer> {
  const { score } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao';
  const ws = wb.addWorksheet('绩效自评表', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  ws.columns = [{ width: 12 }, { width: 14 }, { width: 28 }, { width: 18 }, { width: 18 }, { width: 10 }, { width: 10 }, { width: 36 }];

  const row = (values: (string | number | null)[], merges: [number, number][] = []) => {
    const r = ws.addRow(values);
    for (const [from, to] of merges) ws.mergeCells(r.number, from, r.number, to);
    for (let col = 1; col <= COLUMNS; col++) {
      const cell = r.getCell(col);
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true };
    }
    return r;
  };

  ws.addRow(['项目支出绩效自评表']);
  ws.mergeCells(1, 1, 1, COLUMNS);
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([`(${input.year}年度)`]);
  ws.mergeCells(2, 1, 2, COLUMNS);
  ws.getCell('A2').alignment = { horizontal: 'center' };

  row(['项目名称', input.projectName, null, null, null, null, null, null], [[2, COLUMNS]]);
  row(['主管部门', input.departmentName, null, null, '实施单位', input.unitName, null, null], [[2, 4], [6, COLUMNS]]);

  // Funds block: a header row and the 年度资金总额 row, under one merged 项目资金（元） label.
  const fundsHeader = row(['项目资金（元）', null, ...FUNDS_HEADER]);
  fundsHeader.font = { bold: true };
  const funds = row(['项目资金（元）', '年度资金总额', null, null, null, null, null, null]);
  ws.mergeCells(fundsHeader.number, 1, funds.number, 1);
  setNumber(funds.getCell(3), input.initialBudget ?? input.approvedAmount, MONEY_FORMAT);
  setNumber(funds.getCell(4), input.approvedAmount, MONEY_FORMAT);
  setNumber(funds.getCell(5), input.selfEvaluation.budgetExecuted, MONEY_FORMAT);
  setNumber(funds.getCell(6), score.execution.weight, SCORE_FORMAT);
  // The rate as scored: 4 decimals, not capped (an overspent budget shows above 100%).
  setNumber(funds.getCell(7), score.execution.rate, PERCENT_FORMAT);
  setNumber(funds.getCell(8), score.execution.points, SCORE_FORMAT);

  row(['年度总体目标完成情况', input.selfEvaluation.goalAchievement ?? '', null, null, null, null, null, null], [[2, COLUMNS]]);

  const header = row(INDICATOR_HEADER);
  header.font = { bold: true };
  const scores = new Map(score.indicators.map((i) => [i.indicatorId, i]));
  const entries = new Map(input.selfEvaluation.indicators.map((e) => [e.indicatorId, e]));
  const tableStart = ws.rowCount + 1;
  // Σ of the printed weights: the 分值 column adds up to it, 100 unless the scheme says otherwise.
  let weights = new Decimal(score.execution.weight);
  for (const i of input.baseline.indicators) {
    const s = scores.get(i.id);
    const e = entries.get(i.id);
    // Qualitative indicators may have no written actual; the tier entered says what was achieved.
    const actual = e?.actual?.trim() || s?.actual || (s?.tier ? TIER_LABELS[s.tier] : '');
    const r = row([normaliseLevel1(i.level1) ?? i.level1, normaliseLevel2(i.level2) ?? i.level2, i.name, i.target, actual, null, null, e?.reason ?? '']);
    setNumber(r.getCell(6), s?.weight, SCORE_FORMAT);
    setNumber(r.getCell(7), s?.points, SCORE_FORMAT);
    if (s) weights = weights.plus(s.weight);
  }
  const tableEnd = ws.rowCount;
  if (tableEnd >= tableStart) {
    mergeRuns(ws, 1, tableStart, tableEnd, (r) => String(ws.getCell(r, 1).value));
    mergeRuns(ws, 2, tableStart, tableEnd, (r) => `${String(ws.getCell(r, 1).value)}|${String(ws.getCell(r, 2).value)}`);
  }

  const total = row(['总分', null, null, null, null, null, null, `等级：${score.grade}`], [[1, 5]]);
  total.font = { bold: true };
  setNumber(total.getCell(6), weights.toFixed(2), SCORE_FORMAT);
  setNumber(total.getCell(7), score.total, SCORE_FORMAT);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
