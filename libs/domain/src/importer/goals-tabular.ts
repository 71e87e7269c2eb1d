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
 * column), the same rule for text beside the labels on the label row itself. A later row that carries
 * a label of its own (`⇥年度总体目标⇥…`, one label per row as in Jixiao's own .xlsx export) owns the text
 * beside it and the rows that continue it.
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
  let rowLabel: string[] | null = null;
  lines.forEach((line, k) => {
    if (k < labelRow) return;
    const cells = cellsOf(line);
    if (k > labelRow) {
      const labelled = cells.map((c) => compact(c)).filter((c) => OVERALL.test(c) || ANNUAL.test(c));
      if (labelled.length === 1) rowLabel = OVERALL.test(labelled[0]!) ? overall : annual;
    }
    cells.forEach((printed, col) => {
      // A label cell may carry its text: `年度总体目标：完成宣传`.
      const cell = k === labelRow || rowLabel !== null ? printed.replace(LABEL_PREFIX, '').trim() : printed;
      const c = compact(cell);
      if (c === '' || isHeaderFragment(c)) return;
      if (rowLabel !== null) rowLabel.push(cell);
      else if (annualCol >= 0 && col >= annualCol) annual.push(cell);
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
