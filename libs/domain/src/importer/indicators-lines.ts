import { divideRun, type Fragment } from './fragments';
import { isTableHeader } from './indicators-tabular';
import { isLevelLabel, LevelTracker, type LabelCell } from './levels';
import { isStrongTarget } from './target-cell';
import { displayWidth, isPageMarker, verticalHeaderAt } from './text';
import type { IndicatorReading, Line, Note, RawIndicator } from './types';

// A label the catalogue does not know, alone on its line: 项目产出指标.
const OWN_LABEL = /^[\u4e00-\u9fff]{1,8}指标$/;

/** Leading 一级/二级 labels of a line (`满意度指标 服务对象满意度指标 群众满意度 >=90%`) and the rest. */
function splitLabels(text: string, no: number): { labels: LabelCell[]; rest: string } {
  const labels: LabelCell[] = [];
  let rest = text.trim();
  for (;;) {
    const m = /^(\S+)(?:\s+|$)/.exec(rest);
    if (!m || labels.length >= 3) break;
    const isLabel = isLevelLabel(m[1]) || (OWN_LABEL.test(m[1]) && m[0].length === rest.length);
    if (!isLabel) break;
    labels.push({ text: m[1], line: no });
    rest = rest.slice(m[0].length);
  }
  return { labels, rest };
}

/**
 * `name target` on one line: the target is the longest tail that can only be a target
 * (`差异化先行联系合格率 ≥ 92.00 (百分比)`), else the last word (`“绿色青浦”美丽空间体系 形成`).
 */
function splitComplete(rest: string): { name: string; target: string } {
  const gaps = [...rest.matchAll(/\s+/g)];
  for (const gap of gaps) {
    const name = rest.slice(0, gap.index).trim();
    const target = rest.slice(gap.index + gap[0].length).trim();
    if (name !== '' && isStrongTarget(target)) return { name, target };
  }
  const last = gaps[gaps.length - 1];
  return { name: rest.slice(0, last.index).trim(), target: rest.slice(last.index + last[0].length).trim() };
}

/**
 * The indicator table of the one-cell-per-line layout (001). Each line is read as: leading labels,
 * then either `name target` (words separated by a space) or a single cell. Consecutive single
 * cells form a run, divided into names and targets by fragments.ts (wrapped names such as
 * `示范性“美丽街区”建设完` / `成率` / `=100%`); wrapped pieces of a name are joined directly.
 */
export function readIndicatorsLines(lines: Line[]): IndicatorReading {
  const tracker = new LevelTracker();
  const indicators: RawIndicator[] = [];
  const notes: Note[] = [];
  const rows: { no: number; labels: LabelCell[]; rest: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text.trim() === '' || isPageMarker(text) || isTableHeader(text)) continue;
    const vertical = verticalHeaderAt(lines, i);
    if (vertical) {
      i = vertical.end - 1;
      continue;
    }
    rows.push({ no: lines[i].no, ...splitLabels(text, lines[i].no) });
  }
  // The cell width: the widest single cell that is not a target.
  const singles = rows.filter((r) => r.rest !== '' && !/\s/.test(r.rest) && !isStrongTarget(r.rest));
  const wrapWidth = Math.max(0, ...singles.map((r) => displayWidth(r.rest)));

  const emit = (name: string, target: string, line: number): void => {
    const indicator: RawIndicator = { level1: '', level2: '', name, target, line, inherited: false };
    tracker.assign(indicator, `indicators[${indicators.length}]`);
    indicators.push(indicator);
  };
  let run: Fragment[] = [];
  const flush = (): void => {
    for (const piece of divideRun(run, wrapWidth)) {
      if (piece.kind === 'indicator') emit(piece.name.map((f) => f.text).join(''), piece.target.text, piece.name[0].line);
      else if (piece.kind === 'nameOnly') emit(piece.name.map((f) => f.text).join(''), '', piece.name[0].line);
      else {
        const above = indicators[indicators.length - 1];
        const { text, line } = piece.target;
        if (above && above.target === '') {
          above.target = text;
          notes.push({ path: `indicators[${indicators.length - 1}].target`, line, text, message: `指标值“${text}”单独印在一行，归入上方缺少指标值的“${above.name}”，请核对。` });
        } else {
          notes.push({ path: 'indicators', line, text, message: `指标值“${text}”没有对应的三级指标，未导入。` });
        }
      }
    }
    run = [];
  };

  for (const row of rows) {
    if (row.labels.length > 0) {
      flush();
      tracker.addLabels(row.labels);
    }
    if (row.rest === '') continue;
    if (/\s/.test(row.rest)) {
      flush();
      const { name, target } = splitComplete(row.rest);
      emit(name, target, row.no);
    } else {
      run.push({ text: row.rest, line: row.no, strong: isStrongTarget(row.rest) });
    }
  }
  flush();
  tracker.finish();
  return { indicators, notes: [...notes, ...tracker.notes] };
}
