import { deadlineKindsByState } from '@app/domain';

/** The deadline a form must meet next in its current state (see nextDeadlineLateral). */
export interface NextDeadlineRecord {
  kind: string;
  dueAt: Date;
}

/** The form's active deadlines as rows `(kind, due_at)`, read from the table (the default source). */
export const ACTIVE_DEADLINES = `SELECT d.kind, d.due_at FROM deadlines d WHERE d.form_id = f.id AND d.status = 'active'`;

/**
 * The next deadline of the form `f`, as a LEFT JOIN LATERAL yielding `nd.kind, nd.due_at` (both null
 * when there is none): the earliest active deadline of the form of a kind that still matters in its
 * state, else — for a state where the declaration deadline matters (草稿) — the campaign's
 * declarationDeadline. `kinds` is a jsonb object state → deadline kinds (KINDS_BY_STATE).
 * `active` yields the form's active deadlines; by default the table's rows (through
 * deadlines_form_idx), while the event statement passes the rows as they are after its own changes.
 * Evaluated per row through the campaigns primary key: no N+1 queries.
 */
export function nextDeadlineLateral(kinds: string, active = ACTIVE_DEADLINES): string {
  const matters = `COALESCE(${kinds}::jsonb -> f.state, '[]'::jsonb)`;
  return `LEFT JOIN LATERAL (
      SELECT x.kind, x.due_at FROM (
        SELECT a.kind, a.due_at, 0 AS fallback FROM (${active}) a WHERE ${matters} @> jsonb_build_array(a.kind)
        UNION ALL
        SELECT 'declaration', c.declaration_deadline, 1 FROM campaigns c
         WHERE c.id = f.campaign_id AND ${matters} @> '["declaration"]'::jsonb
      ) x ORDER BY x.fallback, x.due_at LIMIT 1) nd ON TRUE`;
}

/** The `kinds` argument of nextDeadlineLateral, bound as a parameter. */
export const KINDS_BY_STATE = JSON.stringify(deadlineKindsByState());

export type NextDeadlineColumns = { nextDeadlineKind: string | null; nextDeadlineAt: Date | null };
export const NEXT_DEADLINE_COLUMNS = `nd.kind AS "nextDeadlineKind", nd.due_at AS "nextDeadlineAt"`;

/** The record of the columns NEXT_DEADLINE_COLUMNS selects (null when there is no next deadline). */
export function nextDeadlineOf(row: NextDeadlineColumns): NextDeadlineRecord | null {
  return row.nextDeadlineKind && row.nextDeadlineAt ? { kind: row.nextDeadlineKind, dueAt: row.nextDeadlineAt } : null;
}

export function withNextDeadline<T extends object>(row: T & NextDeadlineColumns): T & { nextDeadline: NextDeadlineRecord | null } {
  const { nextDeadlineKind, nextDeadlineAt, ...rest } = row;
  return { ...(rest as T), nextDeadline: nextDeadlineOf({ nextDeadlineKind, nextDeadlineAt }) };
}
