import type { Line } from './types';

/** Lines of the input, numbered from 1 (PDF text comes with \n, \r\n or \r). */
export function toLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: t, compact: compact(t) }));
}

/** Without any whitespace: how labels are compared ("项目 绩效 目标" is 项目绩效目标). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Trimmed, with every run of whitespace (tabs, full-width spaces) made one space. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** The tab-separated cells of a line, trimmed (empty cells kept: their position matters). */
export function cellsOf(line: Line): string[] {
  return line.text.split('\t').map((c) => clean(c));
}

/** Columns a text takes in a fixed-width rendering: ASCII 1, everything else (CJK, “”) 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x7f ? 1 : 2;
  return width;
}

// Page furniture PDF extraction leaves between table rows.
const PAGE_MARKERS = [/^第\d+页(?:[,，/]?共\d+页)?$/, /^[-—–]\d+[-—–]$/, /^\d+\/\d+$/, /^共\d+页第\d+页$/];

export function isPageMarker(text: string): boolean {
  // Every marker is short and has a digit: most lines are refused before any pattern runs.
  if (text.length > 40) return false;
  const t = compact(text);
  return t.length <= 16 && /\d/.test(t) && PAGE_MARKERS.some((re) => re.test(t));
}

// Headers printed vertically, one character per line (项/目/绩/效/目/标 and 绩/效/指/标).
const VERTICAL_HEADERS = new Set(['项目绩效目标', '绩效目标', '绩效指标', '项目目标']);

/**
 * If a vertical header starts at lines[i] (single characters on consecutive lines, a blank line or
 * two allowed in between), what it spells and the index after it; otherwise null. A lone character
 * (the `度` of a wrapped name) is never one: the characters must spell a known header.
 */
export function verticalHeaderAt(lines: Line[], i: number): { text: string; end: number } | null {
  let text = '';
  let found: { text: string; end: number } | null = null;
  let blanks = 0;
  if (i >= lines.length || lines[i].compact === '') return null;
  for (let j = i; j < lines.length && text.length <= 6 && blanks <= 2; j++) {
    const t = lines[j].compact;
    if (t === '') {
      blanks++;
      continue;
    }
    blanks = 0;
    if ([...t].length !== 1) break;
    text += t;
    if (VERTICAL_HEADERS.has(text)) found = { text, end: j + 1 };
  }
  return found;
}

/** Whether the compact text is (part of) a vertical header printed in one cell: 绩效, 指标, 绩效指标. */
export function isHeaderFragment(text: string): boolean {
  return ['绩效', '指标', '绩效指标', '项目绩效目标', '绩', '效', '指', '标'].includes(compact(text));
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'" };

/**
 * Goal text without the HTML of published forms: `<p>` and `<br>` become paragraph breaks, other
 * tags go, entities are decoded; paragraphs are trimmed and blank ones dropped.
 */
export function stripMarkup(text: string): string {
  const withBreaks = text
    .replace(/<\s*br\s*\/?\s*>/gi, '\n')
    .replace(/<\s*\/\s*p\s*>/gi, '\n')
    .replace(/<\s*p(\s[^>]*)?>/gi, '\n')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/&(nbsp|lt|gt|amp|quot|apos|#39);/g, (_m, name: string) => ENTITIES[name]);
  return withBreaks
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n');
}

/**
 * Joins the pieces of one text that the PDF wrapped or split over pages: directly when the break
 * falls inside a sentence (Chinese has no spaces between words; "10" + "0 个" is "100 个"), with
 * a paragraph break after a sentence end.
 */
export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const piece of pieces) {
    const p = piece.trim();
    if (p === '') continue;
    if (out === '') out = p;
    else out += /[。！？!?]$/.test(out) ? `\n${p}` : p;
  }
  return out;
}

/** Whether the line looks like the year line `(2024年度)` / `（2022年度）` / `2022年度`; the year or null. */
export function yearOf(text: string): number | null {
  const m = /(?:^|[（(\s])(\d{4})\s*年\s*度/.exec(text.trim());
  return m ? Number(m[1]) : null;
}
