import ExcelJS from 'exceljs';
import { ApiError } from '../../common/api-error';

/**
 * An uploaded .xlsx as the tab-separated text the importer reads (the layout of 000/002): one line
 * per row, cells joined by tabs; a merged cell's value appears once, in its top-left cell.
 */
export async function xlsxToText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw ApiError.badRequest('无法读取上传的 xlsx 文件');
  }
  const lines: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const own = !cell.isMerged || cell.master.address === cell.address;
        cells.push(own ? cellText(cell).replace(/[\t\r\n]+/g, ' ') : '');
      }
      lines.push(cells.join('\t').replace(/\t+$/, ''));
    });
    lines.push('');
  }
  return lines.join('\n');
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return cell.numFmt?.includes('0.00') ? v.toFixed(2) : String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return cell.text;
}
