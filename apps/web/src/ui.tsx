// Small shared pieces: loading and error states, state and deadline badges, formatting.
import { DependencyList, ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';
import { describePath } from './components/UnitPaths';
import { Link } from './router';
import { deadlineText, formatDueAt } from './format';
import type { FormState, NextDeadline } from './types';

export { cleanMoney, formatDateTime, formatDueAt, formatMoney, isMoney, moneyProblem, yuanToWan } from './format';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replace the data without a request (after a write that returned the new value). */
  set(data: T): void;
}

/** Runs `load` when the deps change; stale answers of earlier runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  useEffect(() => {
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === run.current && setState({ data, loading: false }),
      (error: unknown) => mine === run.current && setState({ error, loading: false }),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, set };
}

/** The words to show for any failure: the API's message, else a generic sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return `出现错误：${error.message}`;
  return '出现未知错误，请刷新页面后重试。';
}

/** Where a problem is, in words ("第 3 行指标 · 指标值"); nothing for a path users would not recognise. */
function where(path: string | undefined) {
  if (!path) return null;
  const words = describePath(path);
  return words === path ? null : <span className="muted">（{words}）</span>;
}

/** An error with the API's message and, for 422s, each problem with where it is. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details.filter((d) => d.message) : [];
  return (
    <div className="alert alert-error" role="alert">
      {title && <strong>{title}：</strong>}
      {errorMessage(error)}
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {d.message}
              {where(d.path)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** Loading, error or the content: every page's three states in one place. */
export function AsyncView<T>({ state, children }: { state: Async<T>; children: (data: T) => ReactNode }) {
  if (state.error !== undefined && state.data === undefined) {
    return (
      <>
        <ErrorBox error={state.error} />
        {state.error instanceof ApiError && state.error.status === 404 && (
          <p className="muted">
            该内容可能已被删除，或不在您的查看范围内。<Link to="/">返回首页</Link>
          </p>
        )}
      </>
    );
  }
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

export function StateBadge({ state, label }: { state: FormState | string; label: string }) {
  return <span className={`badge state-${state}`}>{label}</span>;
}

/** "还剩 3 个工作日", "今天截止", "已逾期 2 个工作日" (red). */
export function DeadlineBadge({ deadline }: { deadline: NextDeadline | null | undefined }) {
  if (!deadline) return <span className="muted">—</span>;
  const { text, tone } = deadlineText(deadline);
  return (
    <span className={tone === 'normal' ? 'deadline' : `deadline ${tone}`} title={`${deadline.label}：${formatDueAt(deadline.dueAt)}`}>
      {deadline.label} · {text}
    </span>
  );
}

export function Field({ label, children, hint, htmlFor }: { label: string; children: ReactNode; hint?: ReactNode; htmlFor?: string }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <div className="hint">{hint}</div>}
    </div>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} · 绩效`;
  }, [children]);
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

/** A progress line for long operations (import, report). `value` 0..1, or undefined when unknown. */
export function Progress({ label, value }: { label: string; value?: number }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value === undefined ? undefined : Math.round(value * 100)}>
      <div className="progress-label">{label}</div>
      <div className="progress-track">
        <div className={value === undefined ? 'progress-bar indeterminate' : 'progress-bar'} style={value === undefined ? undefined : { width: `${Math.round(value * 100)}%` }} />
      </div>
    </div>
  );
}

/** 409 VERSION_CONFLICT while editing: someone else saved first; nothing of ours was saved. */
export function ConflictAlert({ children, onReload }: { children: ReactNode; onReload(): void }) {
  return (
    <div className="alert alert-error" role="alert">
      {children}
      <div>
        <button type="button" onClick={onReload}>
          重新加载
        </button>
      </div>
    </div>
  );
}
