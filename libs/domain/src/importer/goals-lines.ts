import type { Goals } from './goals-tabular';
import { compact, stripMarkup, verticalHeaderAt } from './text';
import type { Line, Note } from './types';

const OVERALL = /^项目总目标\s*[:：]?/;
const ANNUAL = /^(?:年度总体目标|年度总目标|年度绩效目标)\s*[:：]?/;
const LABELS = /项目总目标|年度总体目标|年度总目标|年度绩效目标|项目绩效目标/g;
// The period of the 项目总目标: `（2022 年 - 2022年）`.
const PERIOD = /^[（(]\d{4}年?(?:度)?[-—–~～至到]\d{4}年?(?:度)?[)）]$/;

type Owner = 'overall' | 'annual' | null;

/**
 * Goals of the one-cell-per-line layout (001): after the labels `项目总目标` / `年度总目标` and the
 * period line come two paragraphs, wrapped at the cell width and separated by a blank line: the
 * 项目总目标 first, then the 年度总目标. Wrapped lines are joined without a separator (Chinese).
 * A label with its text on the same line (`年度总体目标：…`) owns that text and what continues it.
 */
export function readGoalsLines(lines: Line[]): { goals: Goals; notes: Note[] } {
  const paragraphs: { owner: Owner; lines: string[] }[] = [{ owner: null, lines: [] }];
  const current = () => paragraphs[paragraphs.length - 1];
  const segments: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const vertical = verticalHeaderAt(lines, i);
    if (vertical) {
      i = vertical.end - 1;
      continue;
    }
    // `项目总目标：… 年度总目标：…` on one line: each label starts its own segment.
    segments.push(...lines[i].text.trim().split(/\s+(?=(?:项目总目标|年度总体目标|年度总目标|年度绩效目标)\s*[:：]?\s*\S)/));
  }
  for (const segment of segments) {
    const trimmed = segment.trim();
    const owner: Owner = OVERALL.test(trimmed) ? 'overall' : ANNUAL.test(trimmed) ? 'annual' : null;
    const text = (owner ? trimmed.replace(owner === 'overall' ? OVERALL : ANNUAL, '') : trimmed).replace(LABELS, '').trim();
    const c = compact(text);
    if (c === '' || PERIOD.test(c)) {
      if (current().lines.length > 0) paragraphs.push({ owner: null, lines: [] });
      continue;
    }
    if (owner) paragraphs.push({ owner, lines: [] });
    current().lines.push(text);
  }
  const filled = paragraphs.filter((p) => p.lines.length > 0).map((p) => ({ owner: p.owner, text: stripMarkup(p.lines.join('')) }));
  const notes: Note[] = [];
  const line = lines[0]?.no;
  if (filled.some((p) => p.owner !== null)) {
    // Labelled: a paragraph without a label continues the labelled one above it.
    const goals = { overall: [] as string[], annual: [] as string[] };
    let owner: 'overall' | 'annual' = 'overall';
    for (const p of filled) {
      owner = p.owner ?? owner;
      goals[owner].push(p.text);
    }
    return { goals: { overallGoal: goals.overall.join('\n'), annualGoal: goals.annual.join('\n') }, notes };
  }
  const texts = filled.map((p) => p.text);
  if (texts.length === 0) {
    notes.push({ path: 'annualGoal', line, message: '未找到绩效目标文字。' });
    return { goals: { overallGoal: '', annualGoal: '' }, notes };
  }
  if (texts.length === 1) {
    notes.push({ path: 'annualGoal', line, message: '只有一段绩效目标文字，无法区分项目总目标与年度总目标，按年度总目标读取。' });
    return { goals: { overallGoal: '', annualGoal: texts[0] }, notes };
  }
  if (texts.length > 2) {
    notes.push({ path: 'annualGoal', line, message: `绩效目标有 ${texts.length} 段文字：第一段按项目总目标读取，其余按年度总目标读取。` });
  }
  return { goals: { overallGoal: texts[0], annualGoal: texts.slice(1).join('\n') }, notes };
}
