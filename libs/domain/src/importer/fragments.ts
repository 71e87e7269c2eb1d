import { displayWidth } from './text';

/** A line of the one-cell-per-line table that is a single cell: a piece of a name, or a target. */
export interface Fragment {
  text: string;
  line: number;
  strong: boolean;
}

/** How a run of fragments divides: indicators (name lines + target), a lone target, a name without target. */
export type Piece =
  | { kind: 'indicator'; name: Fragment[]; target: Fragment }
  | { kind: 'orphanTarget'; target: Fragment }
  | { kind: 'nameOnly'; name: Fragment[] };

const MAX_NAME_LINES = 6;
const LONE = 5;

/**
 * Divides a run of single-cell lines into indicators. When the 三级 name fits its cell, name and
 * target share a line; a name alone on its line was wrapped, so it continues until a line shorter
 * than the cell, and the target follows (`示范性“美丽街区”建设完` / `成率` / `=100%`). `wrapWidth` is
 * the widest such line of the table (the cell width). A quantity is always a target. Among all
 * divisions the cheapest wins: continuing after a short line costs 2, ending a name on a full line
 * or a full-width target costs 1, a target without name or a name without target costs 5.
 */
export function divideRun(run: Fragment[], wrapWidth: number): Piece[] {
  const n = run.length;
  const full = (f: Fragment): boolean => displayWidth(f.text) >= Math.max(wrapWidth - 2, 16);
  const best: { cost: number; piece?: Piece; next: number }[] = new Array(n + 1);
  best[n] = { cost: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let choice: { cost: number; piece?: Piece; next: number } = { cost: Infinity, next: n };
    const consider = (cost: number, piece: Piece, next: number): void => {
      const total = cost + best[next].cost;
      if (total < choice.cost) choice = { cost: total, piece, next };
    };
    if (run[i].strong) consider(LONE, { kind: 'orphanTarget', target: run[i] }, i + 1);
    let names = 0;
    for (let k = 1; k <= MAX_NAME_LINES && i + k <= n; k++) {
      if (run[i + k - 1].strong) break;
      if (k > 1) names += full(run[i + k - 2]) ? 0 : 2;
      const name = run.slice(i, i + k);
      if (i + k === n) consider(LONE + names, { kind: 'nameOnly', name }, n);
      else {
        const target = run[i + k];
        const cost = names + (full(run[i + k - 1]) ? 1 : 0) + (!target.strong && full(target) ? 1 : 0);
        consider(cost, { kind: 'indicator', name, target }, i + k + 1);
      }
    }
    if (!choice.piece) choice = { cost: LONE + best[i + 1].cost, piece: { kind: 'nameOnly', name: [run[i]] }, next: i + 1 };
    best[i] = choice;
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i = best[i].next) pieces.push(best[i].piece!);
  return pieces;
}
