import { ChainedEvent, eventHash } from '@app/domain';
import type { FormRecord, IdempotencyRecord, NewFormEvent, NewRevision, OutboxEntry, StoredContent } from './forms.repository';
import { ACTIVE_DEADLINES, KINDS_BY_STATE, NEXT_DEADLINE_COLUMNS, nextDeadlineLateral } from './next-deadline-sql';
import { SqlParams } from './sql-params';

/** Deadlines the event ends and starts (DESIGN §3), with the reminders of each new one. */
export interface DeadlineChanges {
  cancel: string[];
  schedule: { kind: string; dueAt: Date; reminders: { kind: string; step: string; fireAt: Date }[] }[];
}

/** Notifications sent at once, to the users of an organisation in a role. */
export interface EventNotification {
  kind: string;
  orgId: string;
  role: 'unit' | 'reviewer';
  title: string;
  body: string;
}

export interface EventExtras {
  revisions?: NewRevision[];
  outbox?: OutboxEntry[];
  idempotency?: IdempotencyRecord;
  deadlines?: DeadlineChanges;
  notifications?: EventNotification[];
  /** Enabled delivery channels (webhook, email): a delivery row per new notification and channel. */
  channels?: string[];
}

export type FormChanges = Pick<FormRecord, 'state' | 'snapshot' | 'machineVersion' | 'version' | 'requestedTotal' | 'approvedAmount'> & {
  /** New content, or undefined when the event leaves the content as it was. */
  content?: StoredContent;
  /** New self-evaluation, or undefined when the event leaves it as it was. */
  selfEvaluation?: unknown;
};

const EVENT_COLUMNS = `form_id, seq, type, from_state, to_state, form_version, actor_id, actor_username, actor_role,
  actor_org_id, comment, payload, at, prev_hash, hash`;

/** The select list of a form_events row (after form_id), each value bound and cast to its column type. */
export function eventValues(p: SqlParams, e: ChainedEvent, prevHash: string, hash: string): string {
  return [
    p.add(e.seq, 'int'), p.add(e.type, 'text'), p.add(e.from, 'text'), p.add(e.to, 'text'), p.add(e.formVersion, 'int'),
    p.add(e.actorId, 'uuid'), p.add(e.actorUsername, 'text'), p.add(e.actorRole, 'text'), p.add(e.actorOrgId, 'uuid'),
    p.add(e.comment, 'text'), p.json(e.payload ?? {}), p.add(e.at, 'timestamptz'), p.add(prevHash, 'text'), p.add(hash, 'text'),
  ].join(', ');
}

export const EVENT_INSERT = `INSERT INTO form_events (${EVENT_COLUMNS})`;

/**
 * One statement for one accepted event: the form's new state (only if still at the version read),
 * the chained event row, frozen revisions, outbox entries, the idempotency record, the deadlines it
 * ends and starts with their reminders, and the notifications it sends with their deliveries. Every
 * part reads from `f`, so if the version check fails nothing at all is written. Sibling parts share
 * one snapshot and do not see each other's rows: cancelling a deadline and starting a new one of the
 * same kind in one statement is therefore safe. The statement answers one row when it applied (none
 * when the version check failed) with the form's next deadline after the event — the active
 * deadlines it did not cancel plus those it started — so the response needs no second query.
 */
export function formEventStatement(form: FormRecord, changes: FormChanges, event: NewFormEvent, x: EventExtras) {
  const seq = form.lastEventSeq + 1;
  const row: ChainedEvent = { ...event, formId: form.id, seq };
  const hash = eventHash(form.lastEventHash, row);
  const p = new SqlParams();
  const id = p.add(form.id, 'uuid');
  const at = p.add(event.at, 'timestamptz');
  // Values are parameters, and a part is in the statement only when the event has rows for it: the
  // text depends only on which parts there are, so each kind of event is one prepared statement, and
  // PostgreSQL opens and locks only the tables the event writes.
  const content = p.jsonOrNull(changes.content);
  const version = p.add(changes.version, 'int');
  const idem = x.idempotency;
  const deadlines = x.deadlines ?? { cancel: [], schedule: [] };
  const cancelKinds = [...deadlines.cancel, ...deadlines.schedule.map((d) => d.kind)];
  const reminders = deadlines.schedule.flatMap((d) => d.reminders.map((r) => ({ deadline_kind: d.kind, kind: r.kind, step: r.step, fire_at: r.fireAt.toISOString() })));
  const notifications = x.notifications ?? [];
  const channels = x.channels ?? [];
  const parts = [
    `f AS (
      UPDATE forms SET state = ${p.add(changes.state, 'text')}, snapshot = ${p.json(changes.snapshot)},
             machine_version = ${p.add(changes.machineVersion, 'text')}, version = ${version},
             content = COALESCE(${content}, content),
             self_evaluation = COALESCE(${p.jsonOrNull(changes.selfEvaluation)}, self_evaluation),
             project_name = COALESCE(${p.add(changes.content?.projectName ?? null, 'text')}, project_name),
             requested_total = ${p.add(changes.requestedTotal, 'numeric')}, approved_amount = ${p.add(changes.approvedAmount, 'numeric')},
             last_event_seq = ${p.add(seq, 'int')}, last_event_hash = ${p.add(hash, 'text')}, updated_at = ${at}
       WHERE id = ${id} AND version = ${p.add(form.version, 'int')} RETURNING id, content, campaign_id, state)`,
    `e AS (${EVENT_INSERT} SELECT f.id, ${eventValues(p, row, form.lastEventHash, hash)} FROM f RETURNING form_id, seq)`,
  ];
  if (x.revisions?.length) {
    parts.push(`r AS (
      INSERT INTO form_revisions (form_id, revision, reason, event_seq, form_version, content, approved_amount, created_at)
      SELECT f.id, COALESCE((SELECT max(revision) FROM form_revisions WHERE form_id = ${id}), 0) + x.n, x.reason, e.seq,
             ${version}, f.content, x.approved_amount, ${at}
        FROM f, e, jsonb_to_recordset(${p.json(x.revisions.map((r, i) => ({ n: i + 1, reason: r.reason, approved_amount: r.approvedAmount })))})
             AS x(n int, reason text, approved_amount numeric))`);
  }
  if (x.outbox?.length) {
    parts.push(`o AS (
      INSERT INTO outbox (form_id, event_seq, type, payload)
      SELECT e.form_id, e.seq, x.type, x.payload
        FROM e, jsonb_to_recordset(${p.json(x.outbox.map((o) => ({ type: o.type, payload: o.payload ?? {} })))}) AS x(type text, payload jsonb))`);
  }
  if (idem) {
    parts.push(`i AS (
      INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status, response)
      SELECT ${p.add(idem.userId, 'uuid')}, ${p.add(idem.key, 'text')}, 'POST', ${p.add(idem.path, 'text')}, ${p.add(idem.requestHash, 'text')}, 200,
             ${p.json(idem.response)}
        FROM f)`);
  }
  if (cancelKinds.length) {
    parts.push(`dc AS (
      UPDATE deadlines SET status = 'cancelled', cancelled_at = ${at}
       WHERE form_id IN (SELECT id FROM f) AND status = 'active' AND kind = ANY(${p.add(cancelKinds, 'text[]')}) RETURNING id)`);
    parts.push(`rc AS (
      UPDATE reminders SET status = 'cancelled', processed_at = ${at}
       WHERE status = 'pending' AND deadline_id IN (SELECT id FROM dc))`);
  }
  if (deadlines.schedule.length) {
    parts.push(`dn AS (
      INSERT INTO deadlines (campaign_id, form_id, kind, due_at)
      SELECT f.campaign_id, f.id, x.kind, x.due_at
        FROM f, jsonb_to_recordset(${p.json(deadlines.schedule.map((d) => ({ kind: d.kind, due_at: d.dueAt.toISOString() })))})
             AS x(kind text, due_at timestamptz)
      RETURNING id, kind, due_at)`);
  }
  if (reminders.length) {
    parts.push(`rn AS (
      INSERT INTO reminders (deadline_id, kind, step, fire_at)
      SELECT dn.id, x.kind, x.step, x.fire_at
        FROM dn JOIN jsonb_to_recordset(${p.json(reminders)}) AS x(deadline_kind text, kind text, step text, fire_at timestamptz)
          ON x.deadline_kind = dn.kind)`);
  }
  if (notifications.length) {
    parts.push(`nn AS (
      INSERT INTO notifications (user_id, kind, form_id, campaign_id, title, body, dedupe_key, created_at)
      SELECT u.id, x.kind, f.id, f.campaign_id, x.title, x.body, 'evt:' || f.id || ':' || ${p.add(seq, 'int')} || ':' || x.kind || ':' || u.id, ${at}
        FROM f, jsonb_to_recordset(${p.json(notifications)}) AS x(kind text, "orgId" uuid, role text, title text, body text)
        JOIN users u ON u.org_id = x."orgId" AND u.role = x.role
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, user_id)`);
    if (channels.length) {
      parts.push(`nd AS (
      INSERT INTO deliveries (notification_id, channel)
      SELECT nn.id, ch FROM nn JOIN users u ON u.id = nn.user_id, unnest(${p.add(channels, 'text[]')}) AS ch
       WHERE ch <> 'email' OR u.email IS NOT NULL)`);
    }
  }
  // The active deadlines after this statement: those it did not cancel, and those it started.
  let active = ACTIVE_DEADLINES;
  if (cancelKinds.length) active += ' AND d.id NOT IN (SELECT id FROM dc)';
  if (deadlines.schedule.length) active += ' UNION ALL SELECT dn.kind, dn.due_at FROM dn';
  const sql = `WITH ${parts.join(',\n    ')}
    SELECT ${NEXT_DEADLINE_COLUMNS} FROM f ${nextDeadlineLateral(p.add(KINDS_BY_STATE, 'jsonb'), active)}`;
  return { sql, params: p.values, seq };
}
