// How the system read a 年度指标值: "≥ 31000.00 件", "定性：及时", "复合：一级故障 ≤ 90 分钟；…", "不适用".
import type { ParsedTarget } from '../types';
import './TargetReading.css';

const SYMBOL: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

interface QuantityLike {
  comparator?: unknown;
  value?: unknown;
  unit?: unknown;
  label?: unknown;
}

function quantity(q: QuantityLike): string {
  const symbol = typeof q.comparator === 'string' ? (SYMBOL[q.comparator] ?? q.comparator) : '';
  const value = typeof q.value === 'string' ? q.value : '';
  const unit = typeof q.unit === 'string' && q.unit ? ` ${q.unit}` : '';
  return `${symbol} ${value}${unit}`.trim();
}

/** The reading as one line of text. */
export function describeTarget(parsed: ParsedTarget | null | undefined): string {
  if (!parsed) return '';
  switch (parsed.kind) {
    case 'quantitative':
      return quantity(parsed);
    case 'qualitative':
      return `定性：${parsed.text}`;
    case 'compound':
      return `复合：${parsed.parts.map((p) => `${typeof (p as QuantityLike).label === 'string' && (p as QuantityLike).label ? `${String((p as QuantityLike).label)} ` : ''}${quantity(p as QuantityLike)}`).join('；')}`;
    case 'none':
      return '无（不适用）';
    default:
      return '';
  }
}

/** Whether a reading is qualitative (定性): the self-evaluation asks for a tier and points. */
export function isQualitative(parsed: ParsedTarget | null | undefined): boolean {
  return parsed?.kind === 'qualitative';
}

/** The reading, or the parser's complaint in red, or nothing while empty. */
export function TargetReading({ parsed, error, pending, testId = 'target-reading' }: { parsed: ParsedTarget | null | undefined; error?: string | null; pending?: boolean; testId?: string }) {
  if (error) {
    return (
      <div className="target-reading target-error" data-testid={testId} role="alert">
        {error}
      </div>
    );
  }
  const text = describeTarget(parsed);
  return (
    <div className={pending ? 'target-reading pending' : 'target-reading'} data-testid={testId} aria-live="polite">
      {text ? (
        <>
          <span className="muted">识别为：</span>
          {text}
        </>
      ) : pending ? (
        <span className="muted">正在识别…</span>
      ) : null}
    </div>
  );
}
