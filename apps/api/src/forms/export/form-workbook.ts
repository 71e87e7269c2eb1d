import ExcelJS from 'exceljs';
import { normaliseLevel1, normaliseLevel2 } from '@app/domain';
import type { StoredContent } from '@app/persistence';

export interface FormWorkbookInput {
  year: number;
  departmentName: string;
  unitName: string;
  content: StoredContent;
  approvedAmount: string | null;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Plain text of a goal as printed (published forms carry <p> markup). */
function plain(text: string): string {
  return text.replace(/<\/p>\s*<p>/g, '\n').replace(/<[^>]+>/g, '').trim();
}

/**
 * The 财政项目支出绩效目标申报表 as a workbook in the layout of the published forms: title and year,
 * header block, funds block (元), goals, then the indicator table grouped by 一级 / 二级 with merged
 * cells. Money cells are numbers formatted #,##0.00 so Excel can add them up; the exact decimal
 * string stays the source of truth in Jixiao.
 */
export async function formWorkbook(f: FormWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao';
  const ws = wb.addWorksheet('绩效目标申报表', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
  ws.columns = [{ width: 14 }, { width: 16 }, { width: 40 }, { width: 22 }, { width: 10 }, { width: 16 }];
  const c = f.content;

  const row = (values: (string | number | null)[], merges: [number, number][] = []) => {
    const r = ws.addRow(values);
    for (const [from, to] of merges) ws.mergeCells(r.number, from, r.number, to);
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= 6) {
        cell.border = THIN;
        cell.alignment = { vertical: 'middle', wrapText: true };
      }
    });
    return r;
  };
  const money = (value: string) => Number(value);

  ws.addRow(['财政项目支出绩效目标申报表']);
  ws.mergeCells(1, 1, 1, 6);
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([`(${f.year}年度)`]);
  ws.mergeCells(2, 1, 2, 6);
  ws.getCell('A2').alignment = { horizontal: 'center' };

  row(['项目名称', c.projectName, null, '项目性质', c.nature, null], [[2, 3], [5, 6]]);
  row(['项目类别', c.category, null, null, null, null], [[2, 6]]);
  row(['主管部门', f.departmentName, null, '实施单位', f.unitName, null], [[2, 3], [5, 6]]);
  row(['计划开始日期', c.plannedStart, null, '计划完成日期', c.plannedEnd, null], [[2, 3], [5, 6]]);
  const funds = [
    ['年度资金申请总额', c.funds.total],
    ['其中：当年财政拨款', c.funds.currentYear],
    ['上年结转资金', c.funds.carryOver],
    ['其他资金', c.funds.other],
  ] as const;
  const fundsStart = ws.rowCount + 1;
  for (const [label, value] of funds) {
    const r = row(['项目资金（元）', label, null, money(value), null, null], [[2, 3], [4, 6]]);
    r.getCell(4).numFmt = '#,##0.00';
  }
  if (f.approvedAmount !== null) {
    const r = row(['项目资金（元）', '批复金额', null, money(f.approvedAmount), null, null], [[2, 3], [4, 6]]);
    r.getCell(4).numFmt = '#,##0.00';
  }
  ws.mergeCells(fundsStart, 1, ws.rowCount, 1);

  const goalsStart = ws.rowCount + 1;
  row(['项目绩效目标', '项目总目标', plain(c.overallGoal), null, null, null], [[3, 6]]);
  row(['项目绩效目标', '年度总体目标', plain(c.annualGoal), null, null, null], [[3, 6]]);
  ws.mergeCells(goalsStart, 1, ws.rowCount, 1);

  const header = row(['一级指标', '二级指标', '三级指标', '年度(/项目)指标值', '分值', null], [[5, 6]]);
  header.font = { bold: true };
  const tableStart = ws.rowCount + 1;
  for (const i of c.indicators) {
    row([normaliseLevel1(i.level1) ?? i.level1, normaliseLevel2(i.level2) ?? i.level2, i.name, i.target, i.weight ?? null, null], [[5, 6]]);
  }
  // Merge runs of equal 一级 (column A) and of equal 一级+二级 (column B), as printed forms do.
  const mergeRuns = (col: number, key: (r: number) => string) => {
    let start = tableStart;
    for (let r = tableStart + 1; r <= ws.rowCount + 1; r++) {
      if (r > ws.rowCount || key(r) !== key(start)) {
        if (r - 1 > start) ws.mergeCells(start, col, r - 1, col);
        start = r;
      }
    }
  };
  if (c.indicators.length) {
    mergeRuns(1, (r) => String(ws.getCell(r, 1).value));
    mergeRuns(2, (r) => `${String(ws.getCell(r, 1).value)}|${String(ws.getCell(r, 2).value)}`);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
