import { createHash } from 'node:crypto';

/**
 * Tamper evidence for a form's history: each event row stores the hash of the previous row of the
 * same form and its own hash over its fields, so changing, removing or reordering a row breaks the
 * chain from there on (the database also refuses UPDATE and DELETE; this catches what bypasses it).
 */
export interface ChainedEvent {
  formId: string;
  seq: number;
  type: string;
  from: string | null;
  to: string;
  formVersion: number;
  actorId: string | null;
  actorUsername: string;
  actorRole: string;
  actorOrgId: string | null;
  comment: string | null;
  payload: unknown;
  /** ISO-8601 instant (UTC, milliseconds). */
  at: string;
}

/** The hash before the first event of a form. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so that jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: ChainedEvent): string {
  const fields = [
    e.formId, e.seq, e.type, e.from, e.to, e.formVersion,
    e.actorId, e.actorUsername, e.actorRole, e.actorOrgId, e.comment, e.payload, e.at,
  ];
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Whether stored rows form an unbroken chain: seq 1..n in order, each prevHash the previous row's
 * hash, each hash recomputed from the row's fields. Returns the first bad seq, or null.
 */
export function firstBrokenLink(rows: (ChainedEvent & { prevHash: string; hash: string })[]): number | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.seq !== i + 1 || row.prevHash !== prev || eventHash(prev, row) !== row.hash) return row.seq;
    prev = row.hash;
  }
  return null;
}
