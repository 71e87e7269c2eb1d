import type { ScoreProblem } from './types';

/** Collects the findings of one scoring run: errors block SUBMIT_SELF_EVALUATION, warnings inform. */
export class Problems {
  readonly errors: ScoreProblem[] = [];
  readonly warnings: ScoreProblem[] = [];

  error(rule: string, path: string, message: string, indicatorId?: string): void {
    this.errors.push(problem(rule, path, message, indicatorId));
  }

  warning(rule: string, path: string, message: string, indicatorId?: string): void {
    this.warnings.push(problem(rule, path, message, indicatorId));
  }
}

function problem(rule: string, path: string, message: string, indicatorId: string | undefined): ScoreProblem {
  return indicatorId === undefined ? { rule, path, message } : { rule, path, message, indicatorId };
}

/** A written reason: whitespace only counts as missing. */
export function hasText(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}
