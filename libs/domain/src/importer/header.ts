import { isPageMarker, verticalHeaderAt, yearOf } from './text';
import type { Line, Note } from './types';

/** The labelled fields of the header and funds block. */
export type HeaderKey =
  | 'projectName'
  | 'nature'
  | 'category'
  | 'department'
  | 'unit'
  | 'plannedStart'
  | 'plannedEnd'
  | 'fundsHeader'
  | 'projectTotal'
  | 'total'
  | 'fiscal'
  | 'currentYear'
  | 'carryOver'
  | 'other';

/** A label as printed and the text that followed it up to the next label. */
export interface HeaderEntry {
  key: HeaderKey;
  label: string;
  value: string;
  line: number;
  /** The value came from lines below the label (a wrapped cell), not from the label's line. */
  continued: boolean;
}

// Labels of the known templates (spellings as regular expressions); the longest spelling wins.
const PREFIX = '(?:其中\\s*[:：]\\s*)?';
const LABELS: [HeaderKey, string[]][] = [
  ['projectName', ['项目名称']],
  ['nature', ['项目性质']],
  ['category', ['项目类别', '项目类型']],
  ['department', ['主管部门', '主管单位']],
  ['unit', ['项目实施单位', '实施单位']],
  ['plannedStart', ['计划开始日期', '计划开始时间', '项目开始日期', '开始日期']],
  ['plannedEnd', ['计划完成日期', '计划完成时间', '计划结束日期', '项目完成日期', '完成日期', '结束日期']],
  ['projectTotal', ['项目资金总额']],
  ['total', ['年度资金申请总额', '本年度资金申请总额', '年度申请资金总额', '年度资金总额']],
  ['fiscal', [`${PREFIX}财政资金`]],
  ['currentYear', [`${PREFIX}当年财政拨款`, `${PREFIX}本年财政拨款`]],
  ['carryOver', ['上年结转资金', '上年结转']],
  ['other', ['其他资金']],
  ['fundsHeader', ['项目资金']],
];

// One capturing group per spelling; KEY_OF_GROUP maps the group back to its field.
const ALTERNATIVES = LABELS.flatMap(([key, alts]) => alts.map((alt) => ({ key, alt }))).sort(
  (a, b) => b.alt.length - a.alt.length,
);
const LABEL_RE = new RegExp(ALTERNATIVES.map(({ alt }) => `(${alt})`).join('|'), 'g');

/** Where labels are in a line: a label stands alone in its cell (whitespace or a colon around it). */
function findLabels(text: string): { key: HeaderKey; label: string; start: number; end: number }[] {
  const found: { key: HeaderKey; label: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(LABEL_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start === 0 ? ' ' : text[start - 1];
    const after = end >= text.length ? ' ' : text[end];
    if (!/[\s:：]/.test(before) || !/[\s:：(（]/.test(after)) continue;
    const group = m.findIndex((g, k) => k > 0 && g !== undefined);
    if (group > 0) found.push({ key: ALTERNATIVES[group - 1].key, label: m[0], start, end });
  }
  return found;
}

function valueText(text: string): string {
  return text
    .replace(/^[\s:：]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads `label value label value …` from the header lines of either layout (tabs and spaces are
 * both just separators). A line without any label continues the last label when that label had no
 * value on its own line: a wrapped cell (`上海市青浦区城市运行管理` / `中心`). Text that cannot be
 * placed that way becomes a note, never part of another field.
 */
export function readHeaderEntries(lines: Line[]): { entries: HeaderEntry[]; notes: Note[]; unitLines: string[] } {
  const entries: HeaderEntry[] = [];
  const notes: Note[] = [];
  const unitLines: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = line.text;
    if (text.trim() === '' || isPageMarker(text)) continue;
    const vertical = verticalHeaderAt(lines, i);
    if (vertical) {
      i = vertical.end - 1;
      continue;
    }
    const labels = findLabels(text);
    if (labels.length === 0) {
      if (yearOf(text) !== null) continue;
      if (/单位\s*[:：]?\s*(万元|元)/.test(text)) {
        unitLines.push(text);
        continue;
      }
      const last = entries[entries.length - 1];
      const piece = valueText(text);
      if (last && (last.value === '' || last.continued)) {
        last.value += piece;
        last.continued = true;
      } else {
        notes.push({ line: line.no, text: piece, message: `表头中的“${piece}”无法对应到任何栏目，未导入。` });
      }
      continue;
    }
    const head = valueText(text.slice(0, labels[0].start));
    if (head !== '') notes.push({ line: line.no, text: head, message: `表头中的“${head}”无法对应到任何栏目，未导入。` });
    labels.forEach((label, k) => {
      const next = k + 1 < labels.length ? labels[k + 1].start : text.length;
      entries.push({ key: label.key, label: label.label, value: valueText(text.slice(label.end, next)), line: line.no, continued: false });
    });
  }
  return { entries, notes, unitLines };
}
