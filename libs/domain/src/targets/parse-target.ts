import { formatQuantity } from './format-target';
import { type Failure, type Part, parseSequence } from './grammar';
import { targetError } from './messages';
import type { CompoundTarget, QuantitativeTarget, TargetErrorCode, TargetParseResult } from './types';
import { directionOf, invalidCharacterAt, NONE_WORDS, normalise, PLACEHOLDER, SYMBOL_START, TARGET_MAX_LENGTH } from './vocabulary';

/**
 * Parses a 年度指标值 as users write it (DESIGN §1: "parsed, never guessed"). Total: any input gives a
 * target or a TargetParseError, never an exception.
 *
 * - none: empty, whitespace, 无, 不适用.
 * - quantitative: one quantity, `≥ 92.00 (百分比)`, `>=90%`, `35人` (=), `>40`, `达到80%以上`.
 * - compound: labelled quantities, `一级故障≤90 分钟，二级故障≤180 分钟`.
 * - error: the text has a comparator symbol (≥ ≤ > < =) but is not one of the above — the author
 *   meant a number, so `≥`, `≥abc`, `≥92.00(%`, `>=<=5`, `=1.2.3%` are errors, not prose — or it has no
 *   letters at all and is not a number (`1.2.3%`, `()`).
 * - qualitative: everything else, i.e. words (及时, 7天内完成, 规范，不超预算, 不低于去年), kept as written.
 */
export function parseTarget(input: string): TargetParseResult {
  const cacheable = typeof input === 'string' && input.length <= CACHE_MAX_INPUT;
  if (cacheable) {
    const hit = CACHE.get(input);
    if (hit !== undefined) return hit;
  }
  const result = parseTargetUncached(input);
  if (cacheable) remember(input, result);
  return result;
}

/** parseTarget without the memo (benchmarks, and tests that must exercise the parser itself). */
export function parseTargetUncached(input: string): TargetParseResult {
  try {
    return parse(input);
  } catch {
    // Unreachable by design (the property tests check that it never happens); totality is the contract.
    return targetError('target.internal', typeof input === 'string' ? input : '');
  }
}

/**
 * Results are memoised: the same few hundred targets (=100%, 及时, ≥90%) recur across forms, and a
 * form is parsed on every read, import and pre-check. Cached results are deep-frozen, so a caller that
 * tried to modify a shared result would fail loudly instead of corrupting later parses.
 */
const CACHE = new Map<string, TargetParseResult>();
const CACHE_LIMIT = 10_000;
const CACHE_MAX_INPUT = 200;

function remember(input: string, result: TargetParseResult): void {
  if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value as string);
  CACHE.set(input, deepFreeze(result));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// The codes that make sense for text without letters that is not a quantity ("92.00(%", "1.2.3%").
const NUMERIC_CODES = new Set<TargetErrorCode>([
  'target.badNumber',
  'target.splitNumber',
  'target.unbalancedParens',
  'target.emptyUnit',
  'target.badUnit',
]);

function parse(input: string): TargetParseResult {
  if (typeof input !== 'string') return targetError('target.notString', '');
  if (input.length > TARGET_MAX_LENGTH) return targetError('target.tooLong', input);
  const invalid = invalidCharacterAt(input);
  if (invalid >= 0) return targetError('target.invalidCharacter', input, '', invalid);

  const normalised = normalise(input);
  const lead = normalised.length - normalised.trimStart().length;
  const s = normalised.trim();
  // normalise() maps one UTF-16 unit to one, so the same slice of the input is the text as written.
  const asWritten = input.slice(lead, lead + s.length);
  if (s === '' || NONE_WORDS.has(s)) return { kind: 'none' };
  if (PLACEHOLDER.test(s)) return { kind: 'qualitative', text: asWritten };

  const sequence = parseSequence(s);
  const result = sequence.ok ? classify(sequence.parts) : sequence.failure;
  if (!('code' in result)) return result;

  const failure: Failure = result;
  const error = (code: TargetErrorCode) => targetError(code, input, failure.detail, lead + failure.at);
  if (failure.committed || SYMBOL_START.test(s)) return error(failure.code);
  if (/\p{L}/u.test(s)) return { kind: 'qualitative', text: asWritten };
  return error(NUMERIC_CODES.has(failure.code) ? failure.code : 'target.unrecognised');
}

function quantitative(part: Part): QuantitativeTarget {
  const { comparator, value, unit } = part;
  return { kind: 'quantitative', comparator, value, unit, direction: directionOf(comparator) };
}

/** One unlabelled quantity, or labelled parts; an unlabelled part among several is an error. */
function classify(parts: Part[]): QuantitativeTarget | CompoundTarget | Failure {
  if (parts.length === 1 && parts[0]!.label === '') return quantitative(parts[0]!);
  const unlabelled = parts.find((p) => p.label === '');
  if (unlabelled !== undefined) {
    return { code: 'target.compoundLabelMissing', at: unlabelled.start, detail: formatQuantity(unlabelled), committed: false };
  }
  return { kind: 'compound', parts: parts.map((p) => ({ label: p.label, ...quantitative(p) })) };
}
