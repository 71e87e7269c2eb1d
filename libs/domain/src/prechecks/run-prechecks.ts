import { buildContext } from './context';
import { PRECHECK_RULES } from './registry';
import type { Finding, PrecheckInput, PrecheckResult } from './types';

/**
 * The machine-checkable part of 审核要点: every rule of the registry on one form. Errors block
 * submission (the SUBMIT guard); warnings are shown to reviewers. Never throws on malformed content.
 */
export function runPrechecks(input: PrecheckInput): PrecheckResult {
  const ctx = buildContext(input);
  const result: PrecheckResult = { errors: [], warnings: [] };
  for (const rule of PRECHECK_RULES) {
    for (const issue of rule.check(ctx)) {
      const finding: Finding = { rule: rule.id, severity: rule.severity, path: issue.path, message: issue.message };
      (rule.severity === 'error' ? result.errors : result.warnings).push(finding);
    }
  }
  return result;
}
