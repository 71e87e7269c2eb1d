export { describePrechecks, PRECHECK_RULES, type PrecheckRule, type PrecheckRuleInfo, type PrecheckSource } from './registry';
export { runPrechecks } from './run-prechecks';
export type { Finding, PrecheckInput, PrecheckResult, Severity as PrecheckSeverity } from './types';
