import { parseTarget } from '../targets';
import type { CompoundTarget, QuantitativeTarget } from '../targets/types';

/** An actual value read against a target quantity, in the target's unit. */
export interface ActualValue {
  /** The parsed (memoised, frozen) quantity read: scoring takes its value from it. */
  quantity: QuantitativeTarget;
  /** The value with its unit, for the explanation ("98%", "60分钟"). */
  text: string;
  /** The actual was written with a comparator other than = ("≥98%"); its bound is used. */
  bounded: boolean;
}

export type ActualReading =
  | { ok: true; values: ActualValue[] }
  | { ok: false; rule: 'actual.missing' | 'actual.unitMismatch'; message: string };

interface Piece {
  label: string | null;
  q: QuantitativeTarget;
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/**
 * Reads an actual with the target parser (`%` and 百分比 are one unit). A quantity without a unit
 * takes the target's; a different unit is `actual.unitMismatch` (no conversion: 万元 is not 元),
 * never a wrong score. Returns one value per target quantity (one, or one per compound part).
 */
export function readActual(target: QuantitativeTarget | CompoundTarget, actual: string): ActualReading {
  const parts: (QuantitativeTarget & { label?: string })[] = target.kind === 'compound' ? target.parts : [target];
  const pieces = piecesOf(actual, target.kind === 'compound' ? target.parts.map((p) => p.label) : []);
  if (pieces === null) {
    return missing(
      target.kind === 'compound'
        ? `实际完成值“${actual}”无法识别，应为各分项的数值，如“${example(target)}”。`
        : `实际完成值“${actual}”不是数值（如“98%”“35.5万元”“24小时”）。`,
    );
  }

  const matched = match(parts, pieces);
  if (matched === null) {
    const labels = parts.map((p) => p.label ?? '').join('、');
    return missing(`实际完成值“${actual}”须分别给出 ${labels} 的数值，如“${example(target)}”。`);
  }
  const values: ActualValue[] = [];
  for (let k = 0; k < parts.length; k++) {
    const [part, piece] = [parts[k]!, matched[k]!];
    if (piece.q.unit !== '' && part.unit !== '' && piece.q.unit !== part.unit) {
      const what = part.label === undefined ? '' : `“${part.label}”`;
      return {
        ok: false,
        rule: 'actual.unitMismatch',
        message: `实际完成值${what}的单位“${piece.q.unit}”与年度指标值的单位“${part.unit}”不一致，请按“${part.unit}”填写。`,
      };
    }
    const unit = piece.q.unit === '' ? part.unit : piece.q.unit;
    values.push({ quantity: piece.q, text: `${piece.q.value}${unit}`, bounded: piece.q.comparator !== '=' });
  }
  return { ok: true, values };
}

function missing(message: string): ActualReading {
  return { ok: false, rule: 'actual.missing', message };
}

function example(target: QuantitativeTarget | CompoundTarget): string {
  if (target.kind === 'quantitative') return `${target.value}${target.unit}`;
  return target.parts.map((p) => `${p.label}${p.value}${p.unit}`).join('，');
}

/**
 * The quantities an actual states. The parser reads `98%` and `一级故障≤60分钟，二级故障≤150分钟`; a
 * compound actual is usually written without comparators (`一级故障60分钟，二级故障150分钟`), which the
 * parser rightly takes for text, so each piece is then read after its label.
 */
function piecesOf(actual: string, labels: string[]): Piece[] | null {
  if (labels.length === 0) return piecesOfUncached(actual, labels);
  // Compound actuals are read piece by piece; the same few recur across a department's forms.
  const key = `${labels.join('\u0000')}\u0001${actual}`;
  let pieces = PIECES.get(key);
  if (pieces === undefined) {
    pieces = piecesOfUncached(actual, labels);
    if (PIECES.size >= PIECES_LIMIT) PIECES.clear();
    PIECES.set(key, pieces);
  }
  return pieces;
}

const PIECES = new Map<string, Piece[] | null>();
const PIECES_LIMIT = 5_000;

function piecesOfUncached(actual: string, labels: string[]): Piece[] | null {
  const parsed = parseTarget(actual);
  if (parsed.kind === 'quantitative') return [{ label: null, q: parsed }];
  if (parsed.kind === 'compound') return parsed.parts.map((p) => ({ label: p.label, q: p }));
  if (labels.length === 0) return null;
  // The separators of the grammar, but not the comma of 31,000 nor the 、 inside labels.
  const chunks = actual.split(/[，；;。\n]+|,(?=\D)/).map((c) => c.trim()).filter((c) => c !== '');
  const byLength = [...labels].sort((a, b) => compact(b).length - compact(a).length);
  const pieces: Piece[] = [];
  for (const chunk of chunks) {
    const c = compact(chunk);
    const label = byLength.find((l) => compact(l) !== '' && c.startsWith(compact(l))) ?? null;
    const rest = label === null ? chunk : c.slice(compact(label).length).replace(/^[:：]/, '');
    const q = parseTarget(rest);
    if (q.kind !== 'quantitative') return null;
    pieces.push({ label, q });
  }
  return pieces;
}

/** Each target part's piece: by label when every label is found, else by order when the counts agree. */
function match(parts: { label?: string }[], pieces: Piece[]): Piece[] | null {
  if (parts.length === 1 && pieces.length === 1) return pieces;
  const byLabel = new Map<string, Piece>();
  for (const p of pieces) if (p.label !== null) byLabel.set(compact(p.label), p);
  const labelled = parts.map((p) => byLabel.get(compact(p.label ?? '')));
  if (labelled.every((p) => p !== undefined)) return labelled as Piece[];
  return pieces.length === parts.length ? pieces : null;
}
