import { verticalHeaderAt } from './text';
import type { Layout, Line } from './types';

/**
 * The two layouts of extracted 申报表 text:
 * - `tabular`: one table row per line, cells separated by tabs (000, 002: 项目名称⇥…⇥项目性质⇥…);
 * - `lines`: cells one after the other, a few per line separated by spaces, long cells wrapped over
 *   several lines and headers printed vertically, one character per line (001: 绩/效/指/标).
 */
export function detectLayout(lines: Line[]): Layout {
  for (const line of lines) {
    const c = line.compact;
    if ((c.includes('项目名称') || c.includes('一级指标')) && /\S\t+\S/.test(line.text.trim())) return 'tabular';
  }
  return 'lines';
}

/** The parts of one form: header and funds, the goals, the indicator table. */
export interface Sections {
  header: Line[];
  goals: Line[];
  indicators: Line[];
}

const GOAL_LABEL = /项目总目标|年度总体目标|年度总目标|年度绩效目标|^项目绩效目标/;

function isIndicatorHeader(lines: Line[], i: number): boolean {
  const c = lines[i].compact;
  if (c.includes('一级指标') && (c.includes('三级指标') || c.includes('二级指标'))) return true;
  return verticalHeaderAt(lines, i)?.text === '绩效指标';
}

function isGoalsStart(lines: Line[], i: number): boolean {
  if (GOAL_LABEL.test(lines[i].compact)) return true;
  const vertical = verticalHeaderAt(lines, i)?.text;
  return vertical === '项目绩效目标' || vertical === '绩效目标' || vertical === '项目目标';
}

/** Finds where the goals and the indicator table begin; each part runs to the next one. */
export function findSections(lines: Line[]): Sections {
  let goals = -1;
  let indicators = -1;
  for (let i = 0; i < lines.length; i++) {
    if (isIndicatorHeader(lines, i)) {
      indicators = i;
      break;
    }
    if (goals < 0 && isGoalsStart(lines, i)) goals = i;
  }
  const end = indicators < 0 ? lines.length : indicators;
  const headerEnd = goals < 0 ? end : goals;
  return {
    header: lines.slice(0, headerEnd),
    goals: goals < 0 ? [] : lines.slice(goals, end),
    indicators: indicators < 0 ? [] : lines.slice(indicators),
  };
}
