import { LEVEL1, LEVEL2, LEVEL2_BY_LEVEL1, level1Of, normaliseLevel1, normaliseLevel2, type Level1 } from '../forms';
import { clean, compact } from './text';
import type { Note, RawIndicator } from './types';

/** A 一级/二级 label as printed, where it was. */
export interface LabelCell {
  text: string;
  line: number;
}

/** Whether a cell is a 一级 or 二级 of the catalogue (or one of their printed aliases). */
export function isLevelLabel(text: string): boolean {
  return normaliseLevel1(text) !== null || normaliseLevel2(text) !== null;
}

function isLevel1(text: string): text is Level1 {
  return (LEVEL1 as readonly string[]).includes(text);
}

function belongs(level1: string, level2: string): boolean {
  return isLevel1(level1) && LEVEL2_BY_LEVEL1[level1].includes(level2);
}

type Classified = { kind: 'level1' | 'level2'; value: string; standard: boolean };

/**
 * 一级 or 二级? Mostly the catalogue says. Ambiguous names (成本指标, 满意度, 服务对象满意度 …):
 * right after a 一级 of the same row it is the 二级; 成本指标 is a 一级 when a 成本 二级 follows it
 * and a 二级 under 产出指标 otherwise (pre-2021 forms, 002); a repeated 一级 stays a 一级.
 */
function classify(text: string, currentLevel1: string, next: string | undefined, afterLevel1: boolean): Classified {
  const as1 = normaliseLevel1(text);
  const as2 = normaliseLevel2(text);
  if (as1 !== null && as2 === null) return { kind: 'level1', value: as1, standard: true };
  if (as2 !== null && as1 === null) return { kind: 'level2', value: as2, standard: true };
  if (as1 !== null && as2 !== null) {
    const nextAs2 = next === undefined ? null : normaliseLevel2(next);
    if (afterLevel1) return { kind: 'level2', value: as2, standard: true };
    if (nextAs2 !== null && belongs(as1, nextAs2)) return { kind: 'level1', value: as1, standard: true };
    if (belongs(currentLevel1, as2) && as1 !== currentLevel1) return { kind: 'level2', value: as2, standard: true };
    if (LEVEL2.includes(compact(text)) && !isLevel1(compact(text))) return { kind: 'level2', value: as2, standard: true };
    return { kind: 'level1', value: as1, standard: true };
  }
  // Not in the catalogue: the first of two labels is the 一级; a lone one is a 二级 under a known 一级.
  const kind = !afterLevel1 && (next !== undefined || currentLevel1 === '') ? 'level1' : 'level2';
  return { kind, value: clean(text), standard: false };
}

/**
 * Gives each indicator its 一级/二级. Labels printed since the previous indicator apply to the next
 * one; an indicator without labels inherits from the one above (merged cells, page breaks that drop
 * the cell). Whenever the reading is not the plain one, a note says what was decided.
 */
export class LevelTracker {
  private level1 = '';
  private level2 = '';
  private pending: LabelCell[] = [];
  // Indicators read before any label was printed (002: the first rows of the table).
  private unlabelled: { indicator: RawIndicator; path: string }[] = [];
  readonly notes: Note[] = [];

  addLabels(labels: LabelCell[]): void {
    this.pending.push(...labels);
  }

  assign(indicator: RawIndicator, path: string): void {
    const labels = this.pending;
    this.pending = [];
    indicator.inherited = labels.length === 0;
    if (labels.length === 0) {
      indicator.level1 = this.level1;
      indicator.level2 = this.level2;
      if (this.level1 === '') this.unlabelled.push({ indicator, path });
      return;
    }
    const at = labels[labels.length - 1].line;
    let l1: string | undefined;
    let l2: string | undefined;
    let previous: Classified['kind'] | undefined;
    labels.forEach((label, k) => {
      const c = classify(label.text, l1 ?? this.level1, labels[k + 1]?.text, previous === 'level1');
      previous = c.kind;
      if (!c.standard) {
        const which = c.kind === 'level1' ? '一级' : '二级';
        this.note(`${path}.${c.kind}`, label.line, label.text, `“${label.text}”不是标准的${which}指标名称，按原文保留。`);
      }
      if (c.kind === 'level1') {
        l1 = c.value;
        l2 = undefined;
      } else {
        l2 = c.value;
      }
    });
    if (l1 === undefined && l2 !== undefined) l1 = this.level1For(l2, path, at);
    if (l1 !== undefined && l2 === undefined) l2 = this.level2For(l1, path, at);
    if (l1 !== undefined && l2 !== undefined && isLevel1(l1) && LEVEL2.includes(l2) && !belongs(l1, l2)) {
      this.note(`${path}.level2`, at, l2, `二级指标“${l2}”不属于一级指标“${l1}”，按原文保留，请核对。`);
    }
    this.level1 = indicator.level1 = l1 ?? '';
    this.level2 = indicator.level2 = l2 ?? '';
    if (this.level1 !== '') this.backfill(at);
  }

  /** Labels left over at the end of the table, and rows that never got a 一级. */
  finish(): void {
    for (const label of this.pending) this.note('indicators', label.line, label.text, `指标层级“${label.text}”之后没有三级指标，未导入。`);
    this.pending = [];
    for (const { path, indicator } of this.unlabelled) {
      this.note(`${path}.level1`, indicator.line, indicator.name, '没有印出一级、二级指标，请手工填写。');
    }
    this.unlabelled = [];
  }

  /** A 二级 printed without its 一级: the one above if it fits, else the catalogue's. */
  private level1For(level2: string, path: string, line: number): string {
    const owner = level1Of(level2);
    if (this.level1 !== '' && (owner === null || !isLevel1(this.level1) || belongs(this.level1, level2))) return this.level1;
    if (owner === null) {
      this.note(`${path}.level1`, line, level2, `二级指标“${level2}”没有对应的一级指标，请手工填写。`);
      return '';
    }
    const why = this.level1 === '' ? '一级指标未印出' : `不属于上方的一级指标“${this.level1}”（二级指标可能印在了一级指标栏）`;
    this.note(`${path}.level1`, line, level2, `二级指标“${level2}”${why}，按指标目录归入“${owner}”，请核对。`);
    return owner;
  }

  /** A 一级 printed without its 二级: the 二级 above when it belongs to that 一级, else blank. */
  private level2For(level1: string, path: string, line: number): string {
    if (this.level2 !== '' && (level1 === this.level1 || belongs(level1, this.level2))) {
      this.note(`${path}.level2`, line, level1, `本行印有一级指标“${level1}”但二级指标为空，沿用上方的二级指标“${this.level2}”，请核对。`);
      return this.level2;
    }
    this.note(`${path}.level2`, line, level1, `一级指标“${level1}”下没有印出二级指标，请手工填写。`);
    return '';
  }

  /** Rows above the first label belong to that label's cell, split by a page break: read them so, and say it. */
  private backfill(line: number): void {
    for (const { indicator, path } of this.unlabelled) {
      indicator.level1 = this.level1;
      indicator.level2 = this.level2;
      this.note(`${path}.level1`, indicator.line, indicator.name, `表格开头的指标没有印出一级、二级指标，按其后第 ${line} 行的“${this.level1}/${this.level2}”读取，请核对。`);
    }
    this.unlabelled = [];
  }

  private note(path: string, line: number, text: string, message: string): void {
    this.notes.push({ path, line, text, message });
  }
}
