export * from './types';
export { parseTarget, parseTargetUncached } from './parse-target';
export { formatQuantity, formatTarget } from './format-target';
export { canonicalUnit, COMPARATOR_SYMBOL, directionOf, isPercentUnit, TARGET_MAX_LENGTH } from './vocabulary';
