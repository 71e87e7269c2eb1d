import { Injectable } from '@nestjs/common';
import { Database } from '../database.service';

export interface OutboxRow {
  id: string;
  formId: string | null;
  eventSeq: number | null;
  type: string;
  payload: unknown;
}

/**
 * The outbox: effects written with a state change, handed to BullMQ by the worker after commit.
 * Rows are leased (available_at moves on) when handed over and marked processed when their job has
 * been added; a crash in between hands them over again, and the job ids make that harmless.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  async claim(types: string[], limit: number, leaseMs: number): Promise<OutboxRow[]> {
    return this.db.source.query(
      `WITH c AS (
         UPDATE outbox SET available_at = now() + make_interval(secs => $3 / 1000.0), attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox WHERE processed_at IS NULL AND available_at <= now() AND type = ANY($1)
                        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id::text AS id, form_id AS "formId", event_seq AS "eventSeq", type, payload)
       SELECT * FROM c ORDER BY id`,
      [types, limit, leaseMs],
    );
  }

  async markProcessed(ids: string[]): Promise<void> {
    if (ids.length) await this.db.source.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
