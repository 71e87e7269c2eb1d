import { Injectable } from '@nestjs/common';
import { Database } from '../database.service';

export interface DeliveryToSend {
  id: string;
  channel: 'webhook' | 'email';
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  notification: { id: string; kind: string; title: string; body: string; formId: string | null; campaignId: string | null; createdAt: Date };
  recipient: { userId: string; username: string; email: string | null };
}

/**
 * Deliveries of notifications to the optional channels. PostgreSQL holds them until sent; BullMQ
 * only carries the attempts. A delivery handed to BullMQ is leased for a while; if its job is lost
 * (Redis restarted empty) the lease runs out and the next claim hands it over again.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(private readonly db: Database) {}

  /** Pending deliveries whose time has come, leased for `leaseMs`: their ids, to enqueue. */
  async claimDue(limit: number, leaseMs: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.source.query(
      // Wrapped in WITH: TypeORM answers a bare UPDATE with [rows, count] instead of rows.
      `WITH claimed AS (
         UPDATE deliveries SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
          WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id)
       SELECT id FROM claimed`,
      [limit, leaseMs],
    );
    return rows.map((r) => String(r.id));
  }

  async forSending(id: string): Promise<DeliveryToSend | null> {
    const rows: (Omit<DeliveryToSend, 'notification' | 'recipient'> & Record<string, unknown>)[] = await this.db.source.query(
      `SELECT d.id::text AS id, d.channel, d.status, d.attempts, n.id AS "nId", n.kind, n.title, n.body, n.form_id AS "formId",
              n.campaign_id AS "campaignId", n.created_at AS "createdAt", u.id AS "userId", u.username, u.email
         FROM deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = n.user_id
        WHERE d.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      channel: r.channel,
      status: r.status,
      attempts: r.attempts,
      notification: {
        id: r.nId as string, kind: r.kind as string, title: r.title as string, body: r.body as string,
        formId: r.formId as string | null, campaignId: r.campaignId as string | null, createdAt: r.createdAt as Date,
      },
      recipient: { userId: r.userId as string, username: r.username as string, email: r.email as string | null },
    };
  }

  async markSent(id: string): Promise<void> {
    await this.db.source.query(
      `UPDATE deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /**
   * Records a failed attempt. Retryable failures stay pending (retried by BullMQ, then by the lease
   * after `retryAfterMs`); a permanent one (bad address, rejected robot) is 'failed' and visible.
   */
  async markAttemptFailed(id: string, error: string, retryable: boolean, retryAfterMs: number): Promise<void> {
    await this.db.source.query(
      `UPDATE deliveries SET attempts = attempts + 1, last_error = left($2, 2000),
              status = CASE WHEN $3 THEN status ELSE 'failed' END,
              next_attempt_at = now() + make_interval(secs => $4 / 1000.0)
        WHERE id = $1 AND status = 'pending'`,
      [id, error, retryable, retryAfterMs],
    );
  }

  /** Deliveries not (yet) sent, newest first, with their last error: what an admin must see. */
  unsent(status: 'pending' | 'failed' | null, limit: number): Promise<Record<string, unknown>[]> {
    return this.db.source.query(
      `SELECT d.id::text AS id, d.channel, d.status, d.attempts, d.last_error AS "lastError", d.next_attempt_at AS "nextAttemptAt",
              d.created_at AS "createdAt", n.kind, n.title, u.username
         FROM deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = n.user_id
        WHERE d.status <> 'sent' AND ($1::text IS NULL OR d.status = $1)
        ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      [status, limit],
    );
  }

  /** Delivery counts by channel and status (for /metrics and the admin view). */
  counts(): Promise<{ channel: string; status: string; n: number }[]> {
    return this.db.source.query(`SELECT channel, status, count(*)::int AS n FROM deliveries GROUP BY channel, status ORDER BY 1, 2`);
  }
}
