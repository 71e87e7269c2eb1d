import type { ParsedTarget } from '../targets/types';
import { parseTarget } from '../targets';
import type { Note } from './types';

const COMPARATOR_FIRST = /^[<>=≥≤＜＞＝≧≦⩾⩽]/;

/**
 * Whether a cell can only be a 年度指标值: a quantity (`=100%`, `35人`, `达到80%以上`), several
 * (compound), `无`, or something that starts with a comparator. Words (`提升`, `成率`) may be either a
 * qualitative target or a piece of a name; the table readers decide those by position.
 */
export function isStrongTarget(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const parsed = parseTarget(t);
  return parsed.kind === 'quantitative' || parsed.kind === 'compound' || parsed.kind === 'none' || COMPARATOR_FIRST.test(t);
}

/** The parsed target, or null with a note when it is missing or cannot be parsed. */
export function parseCell(target: string, path: string, line: number, name: string): { parsed: ParsedTarget | null; note?: Note } {
  if (target.trim() === '') {
    return { parsed: null, note: { path: `${path}.target`, line, text: name, message: `指标“${name}”缺少年度指标值，请手工填写。` } };
  }
  const parsed = parseTarget(target);
  if (parsed.kind === 'error') {
    return { parsed: null, note: { path: `${path}.target`, line, text: target, message: `指标“${name}”的年度指标值无法解析：${parsed.message}` } };
  }
  return { parsed };
}
