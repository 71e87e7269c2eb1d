import ExcelJS from 'exceljs';
import { GRADES, LIFECYCLE_STATES, STATE_LABELS, type CampaignReport, type ReportFormLine } from '@app/domain';
import { MONEY_FORMAT, PERCENT_FORMAT, SCORE_FORMAT, THIN, beijingTime, setNumber, tableSheet } from './sheet-helpers';

/** Why a form is late, as the 逾期 sheet says it. */
export const LATE_LABELS: Record<NonNullable<ReportFormLine['late']>, string> = {
  declarationOverdue: '逾期未申报',
  resubmissionOverdue: '退回后逾期未重新申报',
  selfEvaluationOverdue: '逾期未提交自评',
};

/** What a missing average shows (nothing scored yet), instead of a misleading 0. */
const NONE = '—';

function summarySheet(wb: ExcelJS.Workbook, report: CampaignReport): void {
  const ws = wb.addWorksheet('汇总');
  ws.columns = [{ width: 24 }, { width: 32 }];
  ws.addRow([`${report.departmentName}${report.year}年度项目支出绩效自评汇总`]);
  ws.mergeCells(1, 1, 1, 2);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };

  const row = (label: string, value: string | number | null, numFmt?: string) => {
    const r = ws.addRow([label, value]);
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
    if (numFmt) r.getCell(2).numFmt = numFmt;
    return r;
  };
  const section = (label: string, unit: string) => {
    row(label, unit).font = { bold: true };
  };
  const score = (label: string, value: string | null) => {
    if (value === null) return row(label, NONE);
    const r = row(label, null);
    setNumber(r.getCell(2), value, SCORE_FORMAT);
    return r;
  };

  row('主管部门', report.departmentName);
  row('年度', report.year);
  row('评分方案版本', report.schemeVersion);
  row('生成时间', beijingTime(report.generatedAt));
  row('申报表总数', report.forms);

  section('按状态统计', '份数');
  for (const state of LIFECYCLE_STATES) row(STATE_LABELS[state], report.countsByState[state]);

  section('按等级统计', '份数');
  for (const grade of GRADES) row(grade, report.gradeCounts[grade]);

  section('得分', '');
  row('已评分', report.scored);
  score('平均分', report.averageScore);
  score('预算加权平均分', report.weightedAverageScore);
  row('逾期', report.late.length);
  row('未能处理', report.failures.reduce((n, f) => n + Math.max(f.formIds.length, 1), 0));
}

function lateSheet(wb: ExcelJS.Workbook, report: CampaignReport): void {
  const ws = tableSheet(wb, '逾期', [
    { header: '项目名称', width: 32 },
    { header: '实施单位', width: 28 },
    { header: '状态', width: 12 },
    { header: '逾期情况', width: 22 },
    { header: '申报表编号', width: 38 },
  ]);
  for (const l of report.late) ws.addRow([l.projectName, l.unitName, STATE_LABELS[l.state], LATE_LABELS[l.reason], l.formId]);
}

function lowestSheet(wb: ExcelJS.Workbook, report: CampaignReport): void {
  const ws = tableSheet(wb, '得分最低指标', [
    { header: '序号', width: 6 },
    { header: '项目名称', width: 30 },
    { header: '实施单位', width: 26 },
    { header: '一级指标', width: 12 },
    { header: '三级指标', width: 30 },
    { header: '分值', width: 10 },
    { header: '得分', width: 10 },
    { header: '得分率', width: 10 },
    { header: '申报表编号', width: 38 },
  ]);
  report.lowestIndicators.forEach((i, k) => {
    const r = ws.addRow([k + 1, i.projectName, i.unitName, i.level1, i.name, null, null, null, i.formId]);
    setNumber(r.getCell(6), i.weight, SCORE_FORMAT);
    setNumber(r.getCell(7), i.points, SCORE_FORMAT);
    setNumber(r.getCell(8), i.ratio, PERCENT_FORMAT);
  });
}

function linesSheet(wb: ExcelJS.Workbook, lines: ReportFormLine[]): void {
  const ws = tableSheet(wb, '各申报表', [
    { header: '项目名称', width: 32 },
    { header: '实施单位', width: 28 },
    { header: '状态', width: 12 },
    { header: '批复金额', width: 16 },
    { header: '总分', width: 10 },
    { header: '等级', width: 8 },
    { header: '申报表编号', width: 38 },
  ]);
  for (const l of lines) {
    const r = ws.addRow([l.projectName, l.unitName, STATE_LABELS[l.state], null, null, l.score?.grade ?? null, l.formId]);
    setNumber(r.getCell(4), l.approvedAmount, MONEY_FORMAT);
    setNumber(r.getCell(5), l.score?.total, SCORE_FORMAT);
  }
}

function failuresSheet(wb: ExcelJS.Workbook, report: CampaignReport): void {
  const ws = tableSheet(wb, '未能处理', [
    { header: '申报表编号', width: 38 },
    { header: '原因', width: 60 },
  ]);
  // One row per form, so the sheet can be filtered; a failure that names no form still gets its row.
  for (const f of report.failures) {
    const ids = f.formIds.length ? f.formIds : [''];
    for (const id of ids) ws.addRow([id, f.message]);
  }
}

/**
 * The department report of a campaign as a workbook: 汇总, 逾期, 得分最低指标, 各申报表 (when the
 * lines are given) and 未能处理. Scores and amounts are numbers with number formats; the report's
 * exact strings remain the source.
 */
export async function campaignReportWorkbook(report: CampaignReport, lines?: ReportFormLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao';
  summarySheet(wb, report);
  lateSheet(wb, report);
  lowestSheet(wb, report);
  if (lines) linesSheet(wb, lines);
  failuresSheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
