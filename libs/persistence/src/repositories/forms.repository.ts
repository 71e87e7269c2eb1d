import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChainedEvent, eventHash, FormContent, IndicatorInput } from '@app/domain';
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
  createdAt: Date;
  updatedAt: Date;
}

/** Which forms a caller may see (OWASP API1): all (admin), a department's (reviewer), a unit's (unit user). */
export type FormScope = { kind: 'all' } | { kind: 'department'; id: string } | { kind: 'unit'; id: string };

export interface FormFilter {
  year?: number;
  state?: string;
  unitId?: string;
  campaignId?: string;
}

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
  availableAt?: Date;
}

const FORM_COLUMNS = `id, campaign_id AS "campaignId", unit_id AS "unitId", department_id AS "departmentId", year, state,
  snapshot, machine_version AS "machineVersion", version, content, requested_total AS "requestedTotal",
  approved_amount AS "approvedAmount", last_event_seq AS "lastEventSeq", last_event_hash AS "lastEventHash",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const EVENT_COLUMNS = `form_id AS "formId", seq, type, from_state AS "from", to_state AS "to", form_version AS "formVersion",
  actor_id AS "actorId", actor_username AS "actorUsername", actor_role AS "actorRole", actor_org_id AS "actorOrgId",
  comment, payload, at, prev_hash AS "prevHash", hash`;

function scopeClause(scope: FormScope, param: number): { sql: string; value: string | null } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', value: null };
    case 'department':
      return { sql: `department_id = $${param}`, value: scope.id };
    case 'unit':
      return { sql: `unit_id = $${param}`, value: scope.id };
  }
}

/** Persistence of forms and their journal. Writes take the EntityManager of the caller's transaction. */
@Injectable()
export class FormsRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.source.transaction('READ COMMITTED', work);
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

  async list(scope: FormScope, filter: FormFilter, page: number, pageSize: number): Promise<{ items: FormRecord[]; total: number }> {
    const params: unknown[] = [
      scope.kind === 'department' ? scope.id : null,
      scope.kind === 'unit' ? scope.id : null,
      filter.year ?? null,
      filter.state ?? null,
      filter.unitId ?? null,
      filter.campaignId ?? null,
    ];
    const conditions = `($1::uuid IS NULL OR department_id = $1) AND ($2::uuid IS NULL OR unit_id = $2)
      AND ($3::int IS NULL OR year = $3) AND ($4::text IS NULL OR state = $4)
      AND ($5::uuid IS NULL OR unit_id = $5) AND ($6::uuid IS NULL OR campaign_id = $6)`;
    const [items, count] = await Promise.all([
      this.db.source.query(
        `SELECT ${FORM_COLUMNS} FROM forms WHERE ${conditions} ORDER BY updated_at DESC, id LIMIT $7 OFFSET $8`,
        [...params, pageSize, (page - 1) * pageSize],
      ) as Promise<FormRecord[]>,
      this.db.source.query(`SELECT count(*)::int AS n FROM forms WHERE ${conditions}`, params) as Promise<{ n: number }[]>,
    ]);
    return { items, total: count[0].n };
  }

  /** Inserts a new form together with its first event (seq 1). */
  async insert(
    m: EntityManager,
    form: Omit<FormRecord, 'lastEventSeq' | 'lastEventHash' | 'createdAt' | 'updatedAt'> & { createdBy: string },
    first: NewFormEvent,
  ): Promise<void> {
    const row = { ...first, formId: form.id, seq: 1 };
    const prevHash = '0'.repeat(64);
    const hash = eventHash(prevHash, row);
    await m.query(
      `INSERT INTO forms (id, campaign_id, unit_id, department_id, year, state, snapshot, machine_version, version, content,
                          project_name, requested_total, approved_amount, last_event_seq, last_event_hash, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $15, $16, $16)`,
      [form.id, form.campaignId, form.unitId, form.departmentId, form.year, form.state, JSON.stringify(form.snapshot),
        form.machineVersion, form.version, JSON.stringify(form.content), form.content.projectName, form.requestedTotal,
        form.approvedAmount, hash, form.createdBy, first.at],
    );
    await this.insertEventRow(m, row, prevHash, hash);
  }

  /**
   * Appends an event to the form's hash chain and writes the form's new state in the same
   * transaction. The form row must have been read FOR UPDATE in this transaction.
   */
  async saveWithEvent(
    m: EntityManager,
    form: FormRecord,
    changes: Pick<FormRecord, 'state' | 'snapshot' | 'machineVersion' | 'version' | 'content' | 'requestedTotal' | 'approvedAmount'>,
    event: NewFormEvent,
  ): Promise<number> {
    const seq = form.lastEventSeq + 1;
    const row = { ...event, formId: form.id, seq };
    const hash = eventHash(form.lastEventHash, row);
    await m.query(
      `UPDATE forms SET state = $2, snapshot = $3, machine_version = $4, version = $5, content = $6, project_name = $7,
              requested_total = $8, approved_amount = $9, last_event_seq = $10, last_event_hash = $11, updated_at = $12
        WHERE id = $1`,
      [form.id, changes.state, JSON.stringify(changes.snapshot), changes.machineVersion, changes.version,
        JSON.stringify(changes.content), changes.content.projectName, changes.requestedTotal, changes.approvedAmount, seq, hash, event.at],
    );
    await this.insertEventRow(m, row, form.lastEventHash, hash);
    return seq;
  }

  private async insertEventRow(m: EntityManager, e: ChainedEvent, prevHash: string, hash: string): Promise<void> {
    await m.query(
      `INSERT INTO form_events (form_id, seq, type, from_state, to_state, form_version, actor_id, actor_username, actor_role,
                                actor_org_id, comment, payload, at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [e.formId, e.seq, e.type, e.from, e.to, e.formVersion, e.actorId, e.actorUsername, e.actorRole, e.actorOrgId,
        e.comment, JSON.stringify(e.payload ?? {}), e.at, prevHash, hash],
    );
  }

  async insertRevision(m: EntityManager, formId: string, r: Omit<RevisionRecord, 'revision' | 'createdAt'> & { at: string }): Promise<void> {
    await m.query(
      `INSERT INTO form_revisions (form_id, revision, reason, event_seq, form_version, content, approved_amount, created_at)
       VALUES ($1, COALESCE((SELECT max(revision) FROM form_revisions WHERE form_id = $1), 0) + 1, $2, $3, $4, $5, $6, $7)`,
      [formId, r.reason, r.eventSeq, r.formVersion, JSON.stringify(r.content), r.approvedAmount, r.at],
    );
  }

  async insertOutbox(m: EntityManager, formId: string, eventSeq: number, entries: OutboxEntry[]): Promise<void> {
    if (!entries.length) return;
    const values: unknown[] = [];
    const tuples = entries.map((e, i) => {
      values.push(e.type, JSON.stringify(e.payload ?? {}), e.availableAt ?? null);
      return `($1, $2, $${3 + i * 3}, $${4 + i * 3}, COALESCE($${5 + i * 3}::timestamptz, now()))`;
    });
    await m.query(`INSERT INTO outbox (form_id, event_seq, type, payload, available_at) VALUES ${tuples.join(', ')}`, [
      formId,
      eventSeq,
      ...values,
    ]);
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
