/**
 * A parsed 年度指标值 (DESIGN §1 "A target … must be parsed, never guessed").
 * Comparators are stored in their ASCII form; ≥ and > are positive, ≤ and < reverse, = equal.
 */
export type Comparator = '>=' | '>' | '=' | '<=' | '<';
export type Direction = 'positive' | 'reverse' | 'equal';

export interface QuantitativeTarget {
  kind: 'quantitative';
  comparator: Comparator;
  /** Exact decimal string as written, without thousands separators ("31000.00", "90"). */
  value: string;
  /** Canonical unit: 百分比 and ％ are "%"; "" when the target has none (`>40`). */
  unit: string;
  direction: Direction;
}

export interface QualitativeTarget {
  kind: 'qualitative';
  /** The text as written, trimmed (及时, 提升, 7天内完成 …). */
  text: string;
}

/** Several quantitative parts, e.g. `一级故障≤90 分钟，二级故障≤180 分钟，三级故障≤24 小时`. */
export interface CompoundTarget {
  kind: 'compound';
  parts: (QuantitativeTarget & { label: string })[];
}

/** 无, or empty: the indicator is not applicable. */
export interface NoneTarget {
  kind: 'none';
}

export type ParsedTarget = QuantitativeTarget | QualitativeTarget | CompoundTarget | NoneTarget;

/** The codes parseTarget returns (messages.ts has the Chinese text for each). */
export type TargetErrorCode =
  | 'target.notString'
  | 'target.tooLong'
  | 'target.invalidCharacter'
  | 'target.missingNumber'
  | 'target.badNumber'
  | 'target.splitNumber'
  | 'target.unbalancedParens'
  | 'target.emptyUnit'
  | 'target.badUnit'
  | 'target.unknownUnit'
  | 'target.multipleComparators'
  | 'target.unsupportedComparator'
  | 'target.trailingText'
  | 'target.compoundLabelMissing'
  | 'target.compoundPartInvalid'
  | 'target.unrecognised'
  | 'target.internal';

/** Why a string is not a target; the parser returns this, it never throws. */
export interface TargetParseError {
  kind: 'error';
  /** A TargetErrorCode (typed as string so that other producers may add their own). */
  code: string;
  /** Chinese, for users. */
  message: string;
  input: string;
  /** Index in `input` (UTF-16 units) where the problem was found, when there is one place. */
  position?: number;
}

export type TargetParseResult = ParsedTarget | TargetParseError;
