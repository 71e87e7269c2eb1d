import ExcelJS from 'exceljs';

/** Number formats of the exports: money in 元, scores, and rates. */
export const MONEY_FORMAT = '#,##0.00';
export const SCORE_FORMAT = '0.00';
export const PERCENT_FORMAT = '0.00%';

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A decimal string as an Excel number, so that the sheet can add it up; Jixiao keeps the exact string
 * as the source. Anything that is not a plain decimal stays text rather than becoming NaN or 0.
 */
export function excelNumber(text: string | null | undefined): number | string | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : t;
}

/** Writes a value and its number format into a cell. */
export function setNumber(cell: ExcelJS.Cell, text: string | null | undefined, numFmt: string): void {
  cell.value = excelNumber(text);
  cell.numFmt = numFmt;
}

/** A ISO instant with +08:00 as Beijing time for people ("2025-01-20 09:30:00"); anything else as is. */
export function beijingTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?\+08:00$/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/**
 * Merges runs of equal keys in one column between rows `from` and `to` (inclusive), as printed forms
 * merge the 一级 and 二级 cells of consecutive indicators.
 */
export function mergeRuns(ws: ExcelJS.Worksheet, col: number, from: number, to: number, key: (row: number) => string): void {
  let start = from;
  for (let r = from + 1; r <= to + 1; r++) {
    if (r > to || key(r) !== key(start)) {
      if (r - 1 > start) ws.mergeCells(start, col, r - 1, col);
      start = r;
    }
  }
}

/** A table sheet: a bold header row, frozen, with column widths. */
export function tableSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  return ws;
}
