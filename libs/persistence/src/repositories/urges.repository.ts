import { Injectable } from '@nestjs/common';
import { Database } from '../database.service';

export interface UrgeResult {
  /** False when the form was urged less than `minimumHours` ago; then nothing was written. */
  urged: boolean;
  lastAt: Date | null;
  notified: number;
}

/** 催办: at most one per form per period, with a notification to each user of the form's unit. */
@Injectable()
export class UrgesRepository {
  constructor(private readonly db: Database) {}

  urge(
    formId: string,
    userId: string,
    text: { title: string; body: string },
    channels: string[],
    minimumHours = 24,
  ): Promise<UrgeResult> {
    return this.db.source.transaction(async (m) => {
      // The form row serialises concurrent urges: the second one sees the first one's row.
      await m.query(`SELECT id FROM forms WHERE id = $1 FOR UPDATE`, [formId]);
      const [last]: { at: Date | null }[] = await m.query(`SELECT max(at) AS at FROM urges WHERE form_id = $1`, [formId]);
      if (last.at && last.at.getTime() > Date.now() - minimumHours * 3600_000) return { urged: false, lastAt: last.at, notified: 0 };
      const [row]: { notified: number }[] = await m.query(
        `WITH u AS (INSERT INTO urges (form_id, urged_by) VALUES ($1, $2) RETURNING id),
         n AS (
           INSERT INTO notifications (user_id, kind, form_id, campaign_id, title, body, dedupe_key)
           SELECT usr.id, 'URGE', f.id, f.campaign_id, $3, $4, 'urge:' || u.id || ':' || usr.id
             FROM u, forms f JOIN users usr ON usr.org_id = f.unit_id AND usr.role = 'unit'
            WHERE f.id = $1
           RETURNING id, user_id),
         d AS (
           INSERT INTO deliveries (notification_id, channel)
           SELECT n.id, ch FROM n JOIN users usr ON usr.id = n.user_id, unnest($5::text[]) AS ch
            WHERE ch <> 'email' OR usr.email IS NOT NULL)
         SELECT count(*)::int AS notified FROM n`,
        [formId, userId, text.title, text.body, channels],
      );
      return { urged: true, lastAt: last.at, notified: row.notified };
    });
  }
}
