import type { Comparator, TargetErrorCode } from './types';
import {
  bareUnitAt,
  canonicalUnit,
  isDigit,
  isSeparator,
  PERCENT,
  PREFIX_WORDS,
  SUFFIX_WORDS,
  SYMBOL_START,
  SYMBOLS,
} from './vocabulary';

/**
 * The grammar of a quantitative target and of a compound one, over normalised, trimmed text:
 *
 *   quantity = (symbol | prefix-word)? number unit? suffix-word?     ≥ 92.00 (百分比) · 达到80%以上 · 35人
 *   unit     = "(" text ")" | "%" | "百分比" | bare-unit              bare units: vocabulary.ts
 *   part     = label? quantity                                        一级故障≤90 分钟
 *   sequence = part (separator+ part)*                                separators: ， , ； ; 、 。 whitespace
 *
 * A part needs a comparator (symbol, prefix or suffix word); only a whole target of one unlabelled
 * quantity may omit it (`35人` means =35). Every scan moves forward, so the cost is linear in the length.
 */

export interface Quantity {
  comparator: Comparator;
  value: string;
  unit: string;
}

export interface Part extends Quantity {
  label: string;
  /** Where the part starts in the text (for error positions). */
  start: number;
}

/**
 * Why the text is not a quantity here. `committed`: the author plainly meant a quantity (a comparator
 * symbol, or two comparator words that disagree), so the failure is the answer; otherwise the text may
 * still be a label or prose.
 */
export interface Failure {
  code: TargetErrorCode;
  at: number;
  detail: string;
  committed: boolean;
}

export type SequenceResult = { ok: true; parts: Part[] } | { ok: false; failure: Failure };

type Mode = 'symbol' | 'word' | 'digit';
type QuantityResult = { ok: true; quantity: Quantity; end: number } | { ok: false; failure: Failure };

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const SIMPLE_NUMBER = /^\d+(?:\.\d+)?$/;
const LETTERS = /^\p{L}+/u;

// Only these end a label: 、 and spaces occur inside labels (门禁、视频系统故障率), and parts are joined with ，.
function isLabelStop(ch: string | undefined): boolean {
  return ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '。';
}

function skipSpaces(s: string, at: number): number {
  while (at < s.length && /\s/.test(s[at]!)) at++;
  return at;
}

function readSymbol(s: string, at: number): { comparator: Comparator | null; text: string } | null {
  for (const [text, comparator] of SYMBOLS) if (s.startsWith(text, at)) return { comparator, text };
  return null;
}

function isNumberStart(s: string, at: number): boolean {
  const ch = s[at];
  if (ch === '-' || ch === '+') return isDigit(s[at + 1]) || (s[at + 1] === '.' && isDigit(s[at + 2]));
  return isDigit(ch) || (ch === '.' && isDigit(s[at + 1]));
}

function prefixWordAt(s: string, at: number): (typeof PREFIX_WORDS)[number] | null {
  const word = PREFIX_WORDS.find(([w]) => s.startsWith(w, at));
  return word !== undefined && isNumberStart(s, skipSpaces(s, at + word[0].length)) ? word : null;
}

function suffixWordAt(s: string, at: number): (typeof SUFFIX_WORDS)[number] | null {
  return SUFFIX_WORDS.find(([w]) => s.startsWith(w, at)) ?? null;
}

function modeAt(s: string, at: number, partStart: number): Mode | null {
  if (readSymbol(s, at) !== null) return 'symbol';
  if (prefixWordAt(s, at) !== null) return 'word';
  if (!isNumberStart(s, at)) return null;
  if (at === partStart) return 'digit';
  const before = s[at - 1];
  if (isDigit(before) || before === '.' || before === ',') return null;
  // The number of 超过80% belongs to 超过; it does not start a quantity of its own labelled 超过.
  let k = at;
  while (k > partStart && /\s/.test(s[k - 1]!)) k--;
  return PREFIX_WORDS.some(([w]) => k - w.length >= partStart && s.startsWith(w, k - w.length)) ? null : 'digit';
}

function fail(code: TargetErrorCode, at: number, detail: string, committed: boolean): { ok: false; failure: Failure } {
  return { ok: false, failure: { code, at, detail, committed } };
}

/** An exact decimal as written: sign kept if '-', thousands separators dropped ("31,000.00" → "31000.00"). */
function readNumber(s: string, at: number): { value: string; end: number } | { bad: string } {
  let p = at;
  const sign = s[p] === '-' ? '-' : '';
  if (s[p] === '-' || s[p] === '+') p++;
  let q = p;
  while (q < s.length && (isDigit(s[q]) || s[q] === '.' || (s[q] === ',' && isDigit(s[q + 1])))) q++;
  const raw = s.slice(p, q);
  if (PLAIN_NUMBER.test(raw)) return { value: sign + raw.replace(/,/g, ''), end: q };
  // "1,5": not a thousands group, so the comma separates parts.
  const head = raw.split(',')[0]!;
  if (raw.includes(',') && SIMPLE_NUMBER.test(head)) return { value: sign + head, end: p + head.length };
  return { bad: s.slice(at, q) };
}

function readParenUnit(s: string, at: number, committed: boolean): { unit: string; end: number } | { ok: false; failure: Failure } {
  let p = at + 1;
  while (p < s.length && s[p] !== '(' && s[p] !== ')') p++;
  if (s[p] !== ')') return fail('target.unbalancedParens', at, s.slice(at, p + 1), committed);
  const unit = canonicalUnit(s.slice(at + 1, p));
  if (unit === '') return fail('target.emptyUnit', at, s.slice(at, p + 1), committed);
  if (SYMBOL_START.test(unit)) return fail('target.badUnit', at, unit, committed);
  return { unit, end: p + 1 };
}

/** Where a bare unit or a number may end: the end, a separator, or 以上/以下/以内. */
function isBoundary(s: string, at: number): boolean {
  return at >= s.length || isSeparator(s[at]) || suffixWordAt(s, at) !== null;
}

function parseQuantityAt(s: string, at: number, mode: Mode, allowImplicit: boolean): QuantityResult {
  const committed = mode === 'symbol';
  let p = at;
  let prefix: Comparator | 'neutral' | null = null;
  if (mode === 'symbol') {
    const symbol = readSymbol(s, p)!;
    if (symbol.comparator === null) return fail('target.unsupportedComparator', p, symbol.text, true);
    prefix = symbol.comparator;
    p = skipSpaces(s, p + symbol.text.length);
    const second = readSymbol(s, p);
    if (second !== null) return fail('target.multipleComparators', p, s.slice(at, p + second.text.length), true);
  } else if (mode === 'word') {
    const [word, comparator] = prefixWordAt(s, p)!;
    prefix = comparator;
    p = skipSpaces(s, p + word.length);
  }
  if (!isNumberStart(s, p)) return fail('target.missingNumber', p, s.slice(at, p), committed);
  const number = readNumber(s, p);
  if ('bad' in number) return fail('target.badNumber', p, number.bad, committed);
  p = number.end;

  const u = skipSpaces(s, p);
  // "≥9 0%": a number broken by a line break in the PDF text; which number was meant is a guess.
  if (u > p && isDigit(s[u])) return fail('target.splitNumber', p, s.slice(at, u + 1), committed);
  let unit = '';
  if (s[u] === '(') {
    const paren = readParenUnit(s, u, committed);
    if ('failure' in paren) return paren;
    [unit, p] = [paren.unit, paren.end];
  } else if (s[u] === ')') {
    return fail('target.unbalancedParens', u, ')', committed);
  } else if (s[u] === '%' || s.startsWith('百分比', u)) {
    [unit, p] = [PERCENT, u + (s[u] === '%' ? 1 : 3)];
  } else {
    const bare = bareUnitAt(s, u);
    if (bare !== null && isBoundary(s, u + bare.length)) [unit, p] = [bare, u + bare.length];
    else if (u === p && suffixWordAt(s, u) === null && LETTERS.test(s.slice(u, u + 20))) {
      return fail('target.unknownUnit', u, LETTERS.exec(s.slice(u, u + 20))![0], committed);
    }
  }

  const k = skipSpaces(s, p);
  const suffix = suffixWordAt(s, k);
  if (suffix !== null) p = k + suffix[0].length;
  if (p < s.length && !isSeparator(s[p])) return fail('target.trailingText', p, s.slice(p, p + 20), committed);

  let comparator: Comparator;
  if (prefix === 'neutral') comparator = suffix?.[1] ?? '>=';
  else if (prefix !== null && suffix !== null && prefix !== suffix[1]) {
    // 超过80%以上: two comparators that disagree is broken input even without a symbol.
    return fail('target.multipleComparators', at, s.slice(at, p), true);
  } else if (prefix !== null || suffix !== null) comparator = prefix ?? suffix![1];
  else if (allowImplicit) comparator = '=';
  else return fail('target.unrecognised', at, s.slice(at, p), false);
  return { ok: true, quantity: { comparator, value: number.value, unit: canonicalUnit(unit) }, end: p };
}

function skipSeparators(s: string, at: number): number {
  while (at < s.length && isSeparator(s[at])) at++;
  return at;
}

/** The text as a sequence of (labelled) quantities, or the first reason it is not one. */
export function parseSequence(s: string): SequenceResult {
  const parts: Part[] = [];
  let start = skipSeparators(s, 0);
  while (start < s.length) {
    let found: { at: number; quantity: Quantity; end: number } | null = null;
    let firstFailure: Failure | null = null;
    for (let j = start; j < s.length && !isLabelStop(s[j]); j++) {
      const mode = modeAt(s, j, start);
      if (mode === null) continue;
      const result = parseQuantityAt(s, j, mode, parts.length === 0 && j === start);
      if (result.ok) {
        found = { at: j, quantity: result.quantity, end: result.end };
        break;
      }
      if (result.failure.committed) return result;
      firstFailure ??= result.failure;
    }
    if (found === null) return { ok: false, failure: firstFailure ?? chunkFailure(s, start, parts) };
    parts.push({ label: s.slice(start, found.at).trim(), ...found.quantity, start });
    start = skipSeparators(s, found.end);
  }
  if (parts.length === 0) return { ok: false, failure: { code: 'target.unrecognised', at: 0, detail: s, committed: false } };
  return { ok: true, parts };
}

// A chunk without any quantity: after a single unlabelled number it is most likely a unit (≥90 分贝).
function chunkFailure(s: string, start: number, parts: Part[]): Failure {
  let end = start;
  while (end < s.length && !isLabelStop(s[end])) end++;
  const chunk = s.slice(start, end).trim();
  const onlyNumberBefore = parts.length === 1 && parts[0]!.label === '' && parts[0]!.unit === '';
  if (onlyNumberBefore && end === s.length && /^\p{L}+$/u.test(chunk)) {
    return { code: 'target.unknownUnit', at: start, detail: chunk, committed: false };
  }
  const code = parts.length === 0 ? 'target.unrecognised' : 'target.compoundPartInvalid';
  return { code, at: start, detail: chunk, committed: false };
}
