import { isLevelLabel, LevelTracker, type LabelCell } from './levels';
import { isStrongTarget } from './target-cell';
import { cellsOf, compact, isHeaderFragment, isPageMarker } from './text';
import type { IndicatorReading, Line, Note, RawIndicator } from './types';

export function isTableHeader(text: string): boolean {
  const c = compact(text);
  return c.includes('一级指标') && (c.includes('三级指标') || c.includes('二级指标'));
}

// A label the catalogue does not know still looks like one: short, or named …指标.
function looksLikeLabel(cell: string): boolean {
  return /指标$/.test(cell) || [...cell].length <= 6;
}

/**
 * The indicator table of the tabular layout, one row per line. Cells are read by what they say,
 * not by their column, because page breaks shift them (`⇥数量指标⇥⇥name⇥target`: the 二级 in the
 * 一级 column) and drop them: leading 绩效/指标 pieces of the vertical header are skipped, then come
 * the 一级/二级 labels (at most two), then the 三级 name and the target. A row without labels
 * inherits them (levels.ts). A name without a target stays without one (000 `热线数据共享率`: the
 * next row is another indicator, so rows are never merged); a lone target goes to the row above
 * only when that row has none.
 */
export function readIndicatorsTabular(lines: Line[]): IndicatorReading {
  const tracker = new LevelTracker();
  const indicators: RawIndicator[] = [];
  const notes: Note[] = [];
  let weightColumn = false;

  const emit = (name: string, target: string, line: number, weight?: string): void => {
    const indicator: RawIndicator = { level1: '', level2: '', name, target, line, inherited: false };
    if (weight !== undefined) indicator.weight = weight;
    tracker.assign(indicator, `indicators[${indicators.length}]`);
    indicators.push(indicator);
  };

  for (const line of lines) {
    if (line.text.trim() === '' || isPageMarker(line.text)) continue;
    if (isTableHeader(line.text)) {
      weightColumn = /分值|权重/.test(line.text);
      continue;
    }
    const cells = cellsOf(line).filter((c) => c !== '');
    while (cells.length > 0 && isHeaderFragment(cells[0])) cells.shift();
    if (cells.length === 0) continue;

    const labels: LabelCell[] = [];
    while (cells.length > 0 && labels.length < 2 && isLevelLabel(cells[0])) labels.push({ text: cells.shift()!, line: line.no });
    let weight: string | undefined;
    if (weightColumn && cells.length >= 3 && /^\d+(\.\d+)?$/.test(cells[cells.length - 1])) weight = cells.pop();
    while (cells.length > 2 && labels.length < 2 && looksLikeLabel(cells[0])) labels.push({ text: cells.shift()!, line: line.no });
    if (cells.length > 2) {
      const name = cells.slice(0, -1).join('');
      notes.push({ path: `indicators[${indicators.length}].name`, line: line.no, text: name, message: `三级指标名称分在了 ${cells.length - 1} 个单元格中，已合并为“${name}”，请核对。` });
      cells.splice(0, cells.length - 1, name);
    }
    if (labels.length > 0) tracker.addLabels(labels);

    if (cells.length === 2) emit(cells[0], cells[1], line.no, weight);
    else if (cells.length === 1 && !isStrongTarget(cells[0])) emit(cells[0], '', line.no, weight);
    else if (cells.length === 1) {
      const above = indicators[indicators.length - 1];
      if (above && above.target === '' && labels.length === 0) {
        above.target = cells[0];
        notes.push({ path: `indicators[${indicators.length - 1}].target`, line: line.no, text: cells[0], message: `指标值“${cells[0]}”单独印在一行，归入上方缺少指标值的“${above.name}”，请核对。` });
      } else {
        notes.push({ path: 'indicators', line: line.no, text: cells[0], message: `指标值“${cells[0]}”没有对应的三级指标，未导入。` });
      }
    }
  }
  tracker.finish();
  return { indicators, notes: [...notes, ...tracker.notes] };
}
