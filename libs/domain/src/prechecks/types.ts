import type { FormContent, Level1 } from '../forms';
import type { QuantitativeTarget, TargetParseResult } from '../targets/types';

export type Severity = 'error' | 'warning';

/** One thing a pre-check found. `path` uses the API form body notation (`funds.total`, `indicators[3].target`). */
export interface Finding {
  rule: string;
  severity: Severity;
  path: string;
  /** Chinese, for the civil servants who fill in and review the form. */
  message: string;
}

/** Errors block submission; warnings are shown to reviewers. */
export interface PrecheckResult {
  errors: Finding[];
  warnings: Finding[];
}

export interface PrecheckInput {
  /** 预算年度 of the form (the campaign's year). */
  year: number;
  content: FormContent;
}

/** What a single check returns; the runner adds the rule id and severity from the registry. */
export interface Issue {
  path: string;
  message: string;
}

/** One indicator as the checks see it: names normalised, target parsed once. */
export interface IndicatorView {
  index: number;
  /** `indicators[i]` */
  path: string;
  /** The 三级 name as written, trimmed. */
  name: string;
  /** The target as written, trimmed. */
  target: string;
  weight: string | undefined;
  /** 一级 / 二级 as written, trimmed. */
  writtenLevel1: string;
  writtenLevel2: string;
  /** Standard 一级 / 二级, or null when the printed name is not one. */
  level1: Level1 | null;
  level2: string | null;
  parsed: TargetParseResult;
  /** Quantitative target, or the parts of a compound one; [] otherwise. */
  quantities: QuantitativeTarget[];
}

export interface PrecheckContext {
  year: number;
  content: FormContent;
  indicators: IndicatorView[];
}

export type Check = (ctx: PrecheckContext) => Issue[];
