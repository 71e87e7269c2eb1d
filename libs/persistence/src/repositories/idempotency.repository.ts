import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database.service';

export interface StoredResponse {
  method: string;
  path: string;
  requestHash: string;
  status: number;
  response: unknown;
}

/**
 * Idempotency-Key records (API.md: "a repeated key returns the first response"), per user. The
 * record is written in the transaction of the write it belongs to, so a key is spent only when
 * the write committed; a concurrent request with the same key waits on the primary key and then
 * finds the record.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Database) {}

  async find(userId: string, key: string, m?: EntityManager): Promise<StoredResponse | null> {
    const rows: StoredResponse[] = await (m ?? this.db.source.manager).query(
      `SELECT method, path, request_hash AS "requestHash", status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return rows[0] ?? null;
  }

  async save(m: EntityManager, userId: string, key: string, r: StoredResponse): Promise<void> {
    await m.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status, response)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [userId, key, r.method, r.path, r.requestHash, r.status, JSON.stringify(r.response)],
    );
  }
}
