import { cellsOf, compact, isHeaderFragment, joinPieces, stripMarkup } from './text';
import type { Line, Note } from './types';

export interface Goals {
  overallGoal: string;
  annualGoal: string;
}

const OVERALL = /项目总目标/;
const ANNUAL = /年度总体目标|年度总目标|年度绩效目标|年度目标/;
const LABEL_PREFIX = /^(?:项目\s*绩效\s*目标|项目总目标|年度总体目标|年度总目标|年度绩效目标|年度目标)\s*[:：]?/;

/**
 * Goals of the tabular layout: the label row `项目 绩效 目标⇥项目总目标⇥⇥年度总体目标` and the text
 * below it. A text belongs to the label whose column it sits in (000, 002 print only the 年度总体目标
 * column), the same rule for text beside the labels on the label row itself.
 */
export function readGoalsTabular(lines: Line[]): { goals: Goals; notes: Note[] } {
  const notes: Note[] = [];
  const labelRow = lines.findIndex((l) => OVERALL.test(l.compact) || ANNUAL.test(l.compact));
  let overallCol = -1;
  let annualCol = -1;
  if (labelRow >= 0) {
    const cells = cellsOf(lines[labelRow]);
    overallCol = cells.findIndex((c) => OVERALL.test(compact(c)));
    annualCol = cells.findIndex((c) => ANNUAL.test(compact(c)));
  }
  const overall: string[] = [];
  const annual: string[] = [];
  let unplaced = false;
  lines.forEach((line, k) => {
    if (k < labelRow) return;
    cellsOf(line).forEach((printed, col) => {
      // A label cell may carry its text: `年度总体目标：完成宣传`.
      const cell = k === labelRow ? printed.replace(LABEL_PREFIX, '').trim() : printed;
      const c = compact(cell);
      if (c === '' || isHeaderFragment(c)) return;
      if (annualCol >= 0 && col >= annualCol) annual.push(cell);
      else if (overallCol >= 0) overall.push(cell);
      else {
        annual.push(cell);
        unplaced = true;
      }
    });
  });
  if (unplaced) {
    notes.push({ path: 'annualGoal', line: lines[0]?.no, message: '绩效目标没有“项目总目标/年度总体目标”栏目名，文字按年度总体目标读取。' });
  }
  return { goals: { overallGoal: stripMarkup(joinPieces(overall)), annualGoal: stripMarkup(joinPieces(annual)) }, notes };
}
