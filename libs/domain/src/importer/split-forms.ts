import { yearOf } from './text';
import type { Line, Note } from './types';

/** The lines of one form: from its title to the next title (or the end of the text). */
export interface FormChunk {
  /** The title line `财政项目支出绩效目标申报表`, null when the text has no title at all. */
  title: Line | null;
  /** Everything after the title. */
  lines: Line[];
  year: number | null;
  /** The line that printed the year. */
  yearLine: number | null;
}

// The title of the form; older templates drop 财政, some print the year on the same line.
const TITLE = /^[^\t]{0,20}项目支出绩效目标申报表(?:[（(]?\d{4}年度?[)）]?)?$/;

export function isTitle(line: Line): boolean {
  // A title is a line of its own, never a cell of a table row.
  return !/\S\t+\S/.test(line.text.trim()) && TITLE.test(line.compact);
}

/**
 * Splits the text into forms: each starts at a title line and the year line follows it (before
 * 项目名称). What precedes the first title (the cover line `…2024年度项目绩效目标汇总表`) is not
 * part of any form. A text without any title but with a 项目名称 is read as one form.
 */
export function splitForms(lines: Line[]): { chunks: FormChunk[]; notes: Note[] } {
  const starts = lines.map((l, i) => (isTitle(l) ? i : -1)).filter((i) => i >= 0);
  if (starts.length === 0) {
    const hasName = lines.some((l) => l.compact.includes('项目名称'));
    if (!hasName) {
      const printed = lines.some((l) => l.text.trim() !== '');
      return {
        chunks: [],
        notes: printed ? [{ message: '文本中没有找到“财政项目支出绩效目标申报表”，未导入任何表。' }] : [{ message: '文本为空，未导入任何表。' }],
      };
    }
    const year = findYear(lines, null);
    return {
      chunks: [{ title: null, lines, ...year }],
      notes: [{ message: '文本中没有“财政项目支出绩效目标申报表”标题行，按一张表读取。' }],
    };
  }
  const chunks = starts.map((start, k) => {
    const title = lines[start];
    const body = lines.slice(start + 1, k + 1 < starts.length ? starts[k + 1] : lines.length);
    return { title, lines: body, ...findYear(body, title) };
  });
  return { chunks, notes: [] };
}

/** The year from the title line or the few lines after it, stopping at 项目名称. */
function findYear(body: Line[], title: Line | null): { year: number | null; yearLine: number | null } {
  if (title) {
    const y = yearOf(title.text.replace(/^.*申报表/, ''));
    if (y !== null) return { year: y, yearLine: title.no };
  }
  let seen = 0;
  for (const line of body) {
    if (line.text.trim() === '') continue;
    if (line.compact.includes('项目名称') || ++seen > 4) break;
    const y = yearOf(line.text);
    if (y !== null) return { year: y, yearLine: line.no };
  }
  return { year: null, yearLine: null };
}
