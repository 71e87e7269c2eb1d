import { resolveChoice } from './choices';
import type { HeaderEntry, HeaderKey } from './header';
import type { Note } from './types';

/** The header of a form as printed (null: the template has no such label). */
export interface HeaderFields {
  projectName: string;
  nature: string;
  category: string;
  plannedStart: string;
  plannedEnd: string;
  departmentName: string | null;
  unitName: string | null;
}

const LABEL_OF: Partial<Record<HeaderKey, string>> = {
  projectName: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  department: '主管部门',
  unit: '实施单位',
  plannedStart: '计划开始日期',
  plannedEnd: '计划完成日期',
};

/** Fields every template prints; their absence is worth telling. 项目性质 is not on every template (001). */
const EXPECTED: HeaderKey[] = ['projectName', 'category', 'unit', 'plannedStart', 'plannedEnd'];

/** YYYY-MM-DD from 2024-01-01, 2024/1/1, 2024.1.1 or 2024年1月1日; null otherwise. */
export function isoDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads the named header fields from the label/value entries (funds are read in funds.ts). */
export function readHeaderFields(entries: HeaderEntry[]): { fields: HeaderFields; notes: Note[] } {
  const notes: Note[] = [];
  const first = (key: HeaderKey): HeaderEntry | undefined => entries.find((e) => e.key === key);
  for (const key of Object.keys(LABEL_OF) as HeaderKey[]) {
    const all = entries.filter((e) => e.key === key);
    for (const extra of all.slice(1)) {
      if (extra.value !== '' && extra.value !== all[0].value) {
        notes.push({ line: extra.line, text: extra.value, message: `“${LABEL_OF[key]}”印了两次，第二处的“${extra.value}”未导入。` });
      }
    }
  }
  for (const key of EXPECTED) {
    const entry = first(key);
    if (!entry) notes.push({ path: pathOf(key), message: `未找到“${LABEL_OF[key]}”。` });
    else if (entry.value === '') notes.push({ path: pathOf(key), line: entry.line, message: `“${LABEL_OF[key]}”为空。` });
  }
  notes.push(...wrappedNeighbourNotes(entries));

  const text = (key: HeaderKey): string => first(key)?.value ?? '';
  const org = (key: HeaderKey): string | null => {
    const v = text(key);
    return v === '' ? null : v;
  };
  const fields: HeaderFields = {
    projectName: text('projectName'),
    nature: choice('nature', first('nature'), notes),
    category: choice('category', first('category'), notes),
    plannedStart: date('plannedStart', first('plannedStart'), notes),
    plannedEnd: date('plannedEnd', first('plannedEnd'), notes),
    departmentName: org('department'),
    unitName: org('unit'),
  };
  const department = first('department');
  const explained = department && entries.some((e, k) => e.continued && entries[k - 1] === department && e.line === department.line);
  if (department?.value === '' && !explained) {
    notes.push({ path: 'departmentName', line: department.line, message: '“主管部门”为空。' });
  }
  return { fields, notes };
}

function pathOf(key: HeaderKey): string {
  if (key === 'unit') return 'unitName';
  if (key === 'department') return 'departmentName';
  return key;
}

function choice(key: 'nature' | 'category', entry: HeaderEntry | undefined, notes: Note[]): string {
  if (!entry) return '';
  const resolved = resolveChoice(entry.value);
  if (resolved) return resolved.value;
  notes.push({
    path: key,
    line: entry.line,
    text: entry.value,
    message: `“${LABEL_OF[key]}”的勾选无法确定（没有或有多个选项被勾选），请手工填写。`,
  });
  return '';
}

function date(key: 'plannedStart' | 'plannedEnd', entry: HeaderEntry | undefined, notes: Note[]): string {
  if (!entry || entry.value === '') return '';
  const iso = isoDate(entry.value);
  if (iso !== null) return iso;
  notes.push({ path: key, line: entry.line, text: entry.value, message: `${LABEL_OF[key]}“${entry.value}”不是可识别的日期，按原文保留。` });
  return entry.value;
}

/**
 * Two labels side by side with nothing between them and the text on the lines below (001:
 * `主管部门 实施单位` / `上海市青浦区城市运行管理` / `中心`): the text was read as the second label's
 * value, because a cell's text follows its label; say so, the first may be the one it belongs to.
 */
function wrappedNeighbourNotes(entries: HeaderEntry[]): Note[] {
  const notes: Note[] = [];
  entries.forEach((entry, k) => {
    const before = entries[k - 1];
    if (!entry.continued || !before || before.line !== entry.line || before.value !== '') return;
    notes.push({
      path: pathOf(entry.key),
      line: entry.line,
      text: entry.value,
      message: `“${before.label}”与“${entry.label}”之间没有内容，其下方的“${entry.value}”按“${entry.label}”读取，“${before.label}”视为空白，请核对。`,
    });
  });
  return notes;
}
