import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChainedEvent, eventHash, FormContent, GENESIS_HASH, IndicatorInput } from '@app/domain';
import { EVENT_INSERT, eventValues, EventExtras, FormChanges, formEventStatement } from './form-event-statement';
import {
  KINDS_BY_STATE,
  NEXT_DEADLINE_COLUMNS,
  NextDeadlineColumns,
  nextDeadlineLateral,
  nextDeadlineOf,
  NextDeadlineRecord,
  withNextDeadline,
} from './next-deadline-sql';
import { SqlParams } from './sql-params';
import { Database } from '../database.service';

/** An indicator as stored: the input plus a stable id (kept across edits when the client sends it). */
export type StoredIndicator = IndicatorInput & { id: string };
export type StoredContent = Omit<FormContent, 'indicators'> & { indicators: StoredIndicator[] };

export interface FormRecord {
  id: string;
  campaignId: string;
  unitId: string;
  departmentId: string;
  year: number;
  state: string;
  snapshot: unknown;
  machineVersion: string;
  version: number;
  content: StoredContent;
  /** 年度资金申请总额; null while a draft leaves it blank. */
  requestedTotal: string | null;
  approvedAmount: string | null;
  lastEventSeq: number;
  lastEventHash: string;
  /** 年终自评 as entered (null until the unit saves one). */
  selfEvaluation: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** Which forms a caller may see (OWASP API1): all (admin), a department's (reviewer), a unit's (unit user). */
export type FormScope = { kind: 'all' } | { kind: 'department'; id: string } | { kind: 'unit'; id: string };

export interface FormFilter {
  year?: number;
  /** Any of these states (none given: every state). */
  state?: string[];
  unitId?: string;
  campaignId?: string;
}

/** List order: last changed first (default), or the review queue — next deadline first, forms without one last. */
export type FormSort = 'updated' | 'due';

export type { NextDeadlineRecord } from './next-deadline-sql';

export type FormListItem = FormRecord & { nextDeadline: NextDeadlineRecord | null };

/** An event to append; seq, prevHash and hash are computed from the form's chain head. */
export type NewFormEvent = Omit<ChainedEvent, 'formId' | 'seq'>;

export interface FormEventRecord extends ChainedEvent {
  prevHash: string;
  hash: string;
}

export interface RevisionRecord {
  revision: number;
  reason: 'submitted' | 'approved';
  eventSeq: number;
  formVersion: number;
  content: StoredContent;
  approvedAmount: string | null;
  createdAt: Date;
}

export interface OutboxEntry {
  type: string;
  payload: unknown;
}

/** The idempotency record written with the event it belongs to (see IdempotencyRepository). */
export interface IdempotencyRecord {
  userId: string;
  key: string;
  path: string;
  requestHash: string;
  response: unknown;
}

/** A revision frozen with an event (its content is the form's content after the event). */
export interface NewRevision {
  reason: 'submitted' | 'approved';
  approvedAmount: string | null;
}

/** The campaign settings an event needs (instants as ISO strings: they come through json_build_object). */
export interface CampaignForEvent {
  declarationDeadline: string;
  reviewWorkingDays: number;
  resubmitWorkingDays: number;
  selfEvaluationDeadline: string;
  reminderOffsets: string[];
  /** The campaign's scoring scheme; null = the default of this release. */
  schemeVersion: string | null;
}

export type FormForEvent = FormRecord & { campaign: CampaignForEvent };

/** The columns of FormRecord, optionally qualified by a table alias (`f.`). */
const formColumns = (a = '') => `${a}id, ${a}campaign_id AS "campaignId", ${a}unit_id AS "unitId", ${a}department_id AS "departmentId",
  ${a}year, ${a}state, ${a}snapshot, ${a}machine_version AS "machineVersion", ${a}version, ${a}content,
  ${a}requested_total AS "requestedTotal", ${a}approved_amount AS "approvedAmount", ${a}last_event_seq AS "lastEventSeq",
  ${a}last_event_hash AS "lastEventHash", ${a}self_evaluation AS "selfEvaluation", ${a}created_at AS "createdAt",
  ${a}updated_at AS "updatedAt"`;
const FORM_COLUMNS = formColumns();

// One id (not `= ANY(ids)`): PostgreSQL then settles on one generic plan for the prepared statement.
const NEXT_DEADLINE_SQL = `SELECT ${NEXT_DEADLINE_COLUMNS} FROM forms f ${nextDeadlineLateral('$2')} WHERE f.id = $1::uuid`;

const EVENT_COLUMNS = `form_id AS "formId", seq, type, from_state AS "from", to_state AS "to", form_version AS "formVersion",
  actor_id AS "actorId", actor_username AS "actorUsername", actor_role AS "actorRole", actor_org_id AS "actorOrgId",
  comment, payload, at, prev_hash AS "prevHash", hash`;


function scopeClause(scope: FormScope, param: number, alias = ''): { sql: string; value: string | null } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', value: null };
    case 'department':
      return { sql: `${alias}department_id = $${param}`, value: scope.id };
    case 'unit':
      return { sql: `${alias}unit_id = $${param}`, value: scope.id };
  }
}

/** Persistence of forms and their journal. Writes take the EntityManager of the caller's transaction. */
@Injectable()
export class FormsRepository {
  constructor(private readonly db: Database) {}

  /** A transaction at the default READ COMMITTED (one BEGIN, no SET TRANSACTION round trip). */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.source.transaction(work);
  }

  /**
   * The form with its campaign's deadlines (what the machine's guards and the new deadlines need),
   * in one round trip; null when missing or out of scope. Not locked: saveWithEvent applies only to
   * this version.
   */
  async findForEvent(id: string, scope: FormScope): Promise<FormForEvent | null> {
    const where = scopeClause(scope, 2, 'f.');
    const params = where.value === null ? [id] : [id, where.value];
    const rows = await this.db.prepared<FormForEvent>(
      `SELECT ${formColumns('f.')}, json_build_object(
                'declarationDeadline', c.declaration_deadline, 'reviewWorkingDays', c.review_working_days,
                'resubmitWorkingDays', c.resubmit_working_days, 'selfEvaluationDeadline', c.self_evaluation_deadline,
                'reminderOffsets', c.reminder_offsets, 'schemeVersion', c.scheme_version) AS campaign
         FROM forms f JOIN campaigns c ON c.id = f.campaign_id
        WHERE f.id = $1 AND ${where.sql}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The form if it exists and is in scope, else null (the caller answers 404 either way). */
  async findInScope(id: string, scope: FormScope, m?: EntityManager, forUpdate = false): Promise<FormRecord | null> {
    const where = scopeClause(scope, 2);
    const params = where.value === null ? [id] : [id, where.value];
    const rows: FormRecord[] = await (m ?? this.db.source.manager).query(
      `SELECT ${FORM_COLUMNS} FROM forms WHERE id = $1 AND ${where.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * A page of the forms in scope, each with its next deadline (one statement for the page, one for
   * the count). sort 'due': by that deadline, soonest first, forms without one last.
   */
  async list(scope: FormScope, filter: FormFilter, page: number, pageSize: number, sort: FormSort = 'updated'): Promise<{ items: FormListItem[]; total: number }> {
    const params: unknown[] = [
      scope.kind === 'department' ? scope.id : null,
      scope.kind === 'unit' ? scope.id : null,
      filter.year ?? null,
      filter.state?.length ? filter.state : null,
      filter.unitId ?? null,
      filter.campaignId ?? null,
    ];
    const conditions = `($1::uuid IS NULL OR f.department_id = $1) AND ($2::uuid IS NULL OR f.unit_id = $2)
      AND ($3::int IS NULL OR f.year = $3) AND ($4::text[] IS NULL OR f.state = ANY($4::text[]))
      AND ($5::uuid IS NULL OR f.unit_id = $5) AND ($6::uuid IS NULL OR f.campaign_id = $6)`;
    const order = sort === 'due' ? 'nd.due_at ASC NULLS LAST, f.updated_at DESC, f.id' : 'f.updated_at DESC, f.id';
    const [rows, count] = await Promise.all([
      this.db.source.query(
        `SELECT ${formColumns('f.')}, ${NEXT_DEADLINE_COLUMNS}
           FROM forms f ${nextDeadlineLateral('$9')}
          WHERE ${conditions} ORDER BY ${order} LIMIT $7 OFFSET $8`,
        [...params, pageSize, (page - 1) * pageSize, KINDS_BY_STATE],
      ) as Promise<(FormRecord & NextDeadlineColumns)[]>,
      this.db.source.query(`SELECT count(*)::int AS n FROM forms f WHERE ${conditions}`, params) as Promise<{ n: number }[]>,
    ]);
    return { items: rows.map((r) => withNextDeadline(r)), total: count[0].n };
  }

  /** The next deadline of a form (null: none, or no such form), in one prepared statement. */
  async nextDeadline(id: string): Promise<NextDeadlineRecord | null> {
    const rows = await this.db.prepared<NextDeadlineColumns>(NEXT_DEADLINE_SQL, [id, KINDS_BY_STATE]);
    return rows.length ? nextDeadlineOf(rows[0]) : null;
  }

  /** Inserts a new form together with its first event (seq 1), in one statement. */
  async insert(
    form: Omit<FormRecord, 'lastEventSeq' | 'lastEventHash' | 'selfEvaluation' | 'createdAt' | 'updatedAt'> & { createdBy: string },
    first: NewFormEvent,
    m: EntityManager = this.db.source.manager,
  ): Promise<void> {
    const row = { ...first, formId: form.id, seq: 1 };
    const hash = eventHash(GENESIS_HASH, row);
    const p = new SqlParams();
    const values = [form.id, form.campaignId, form.unitId, form.departmentId, form.year, form.state, JSON.stringify(form.snapshot),
      form.machineVersion, form.version, JSON.stringify(form.content), form.content.projectName, form.requestedTotal,
      form.approvedAmount, hash, form.createdBy, first.at].map((v) => p.add(v));
    await m.query(
      `WITH f AS (
         INSERT INTO forms (id, campaign_id, unit_id, department_id, year, state, snapshot, machine_version, version, content,
                            project_name, requested_total, approved_amount, last_event_hash, created_by, created_at,
                            last_event_seq, updated_at)
         VALUES (${values.join(', ')}, 1, ${values[15]}) RETURNING id)
       ${EVENT_INSERT} SELECT f.id, ${eventValues(p, row, GENESIS_HASH, hash)} FROM f`,
      p.values,
    );
  }

  /**
   * Appends an event to the form's hash chain and writes everything that goes with it in ONE atomic
   * statement (see formEventStatement), only if the form is still at the version that was read
   * (optimistic concurrency: a concurrent writer makes it match no row). Returns whether it applied.
   */
  async saveWithEvent(
    form: FormRecord,
    changes: FormChanges,
    event: NewFormEvent,
    extras: EventExtras = {},
  ): Promise<{ applied: boolean; seq: number; nextDeadline: NextDeadlineRecord | null }> {
    const { sql, params, seq } = formEventStatement(form, changes, event, extras);
    const rows = await this.db.prepared<NextDeadlineColumns>(sql, params);
    return { applied: rows.length === 1, seq, nextDeadline: rows.length ? nextDeadlineOf(rows[0]) : null };
  }

  /** Ids of a campaign's forms in a state, in id order after `afterId` (for batch work). */
  async idsInState(campaignId: string, state: string, limit: number, afterId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await this.db.source.query(
      `SELECT id FROM forms WHERE campaign_id = $1 AND state = $2 AND ($3::uuid IS NULL OR id > $3) ORDER BY id LIMIT $4`,
      [campaignId, state, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The journal of a form, oldest first, with instants as ISO strings (as they were hashed). */
  async events(formId: string): Promise<FormEventRecord[]> {
    const rows: (Omit<FormEventRecord, 'at'> & { at: Date })[] = await this.db.source.query(
      `SELECT ${EVENT_COLUMNS} FROM form_events WHERE form_id = $1 ORDER BY seq`,
      [formId],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  revisions(formId: string): Promise<RevisionRecord[]> {
    return this.db.source.query(
      `SELECT revision, reason, event_seq AS "eventSeq", form_version AS "formVersion", content,
              approved_amount AS "approvedAmount", created_at AS "createdAt"
         FROM form_revisions WHERE form_id = $1 ORDER BY revision`,
      [formId],
    );
  }
}
