import { Injectable } from '@nestjs/common';
import { Database } from '../database.service';

export interface NotificationRecord {
  id: string;
  kind: string;
  formId: string | null;
  campaignId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** A user's inbox (API.md "Notifications"): every notification is stored here, channels are extra. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  async inbox(userId: string, opts: { unreadOnly: boolean; limit: number; before?: Date }): Promise<{ items: NotificationRecord[]; unread: number }> {
    const [items, unread] = await Promise.all([
      this.db.source.query(
        `SELECT id, kind, form_id AS "formId", campaign_id AS "campaignId", title, body, created_at AS "createdAt", read_at AS "readAt"
           FROM notifications
          WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL) AND ($3::timestamptz IS NULL OR created_at < $3)
          ORDER BY created_at DESC, id LIMIT $4`,
        [userId, opts.unreadOnly, opts.before ?? null, opts.limit],
      ) as Promise<NotificationRecord[]>,
      this.db.source.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]) as Promise<{ n: number }[]>,
    ]);
    return { items, unread: unread[0].n };
  }

  /** Marks the user's own notification read; null when it is not theirs (404 either way). */
  async markRead(userId: string, id: string): Promise<NotificationRecord | null> {
    const rows: NotificationRecord[] = await this.db.source.query(
      // Wrapped in WITH: TypeORM answers a bare UPDATE with [rows, count] instead of rows.
      `WITH u AS (
         UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2
         RETURNING id, kind, form_id AS "formId", campaign_id AS "campaignId", title, body, created_at AS "createdAt", read_at AS "readAt")
       SELECT * FROM u`,
      [id, userId],
    );
    return rows[0] ?? null;
  }
}
