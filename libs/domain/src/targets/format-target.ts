import type { ParsedTarget, QuantitativeTarget } from './types';
import { COMPARATOR_SYMBOL } from './vocabulary';

/** One quantity in canonical form: ≥92.00(%), ≤35.50(万元), =24.00(次); no unit, no parentheses: >40. */
export function formatQuantity(q: Pick<QuantitativeTarget, 'comparator' | 'value' | 'unit'>): string {
  return `${COMPARATOR_SYMBOL[q.comparator]}${q.value}${q.unit === '' ? '' : `(${q.unit})`}`;
}

/**
 * The canonical text of a target: what forms and exports print. For every target parseTarget
 * returns, parseTarget(formatTarget(t)) deep-equals t (property-tested).
 */
export function formatTarget(t: ParsedTarget): string {
  switch (t.kind) {
    case 'quantitative':
      return formatQuantity(t);
    case 'qualitative':
      return t.text;
    case 'compound':
      return t.parts.map((p) => `${p.label}${formatQuantity(p)}`).join('，');
    case 'none':
      return '无';
  }
}
