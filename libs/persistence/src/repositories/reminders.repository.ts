import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database.service';
import type { DeadlineChanges } from './form-event-statement';

/** One row of the sweep's rule table: what a reminder kind concerns, who gets it, what it says. */
export interface SweepRule {
  kind: string;
  /** Form states in which the deadline still matters. */
  states: string[];
  toUnit: boolean;
  toDepartment: boolean;
  /** format() templates: %1$s project, %2$s deadline text. */
  title: string;
  body: string;
}

export interface SweepResult {
  reminders: number;
  notifications: number;
}

/** $1 batch size, $2 rules (JSON), $3 channels. Exported for EXPLAIN in the benchmark. */
export const SWEEP_SQL = `WITH rule AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS x(kind text, states text[], "toUnit" boolean, "toDepartment" boolean, title text, body text)),
       -- Claim due reminders through their own index only; a cancelled deadline's reminders were
       -- cancelled in the same statement that cancelled it, so nothing here needs the deadline's status.
       picked AS (
         SELECT r.id, r.kind, r.deadline_id FROM reminders r
          WHERE r.status = 'pending' AND r.fire_at <= now()
          ORDER BY r.fire_at, r.id
          LIMIT $1
          FOR UPDATE SKIP LOCKED),
       due AS (
         SELECT p.id, p.kind, d.form_id, d.campaign_id, d.due_at FROM picked p JOIN deadlines d ON d.id = p.deadline_id),
       -- The forms a reminder concerns, still in a state where it matters: its own form, or for a
       -- campaign-wide deadline every form of the campaign (two joins, so both use an index).
       target AS (
         SELECT due.id AS reminder_id, due.kind, due.campaign_id, due.due_at, f.id AS form_id, f.unit_id, f.department_id,
                f.project_name, rule.title, rule.body, rule."toUnit", rule."toDepartment"
           FROM due JOIN rule ON rule.kind = due.kind JOIN forms f ON f.id = due.form_id
          WHERE f.state = ANY(rule.states)
         UNION ALL
         SELECT due.id, due.kind, due.campaign_id, due.due_at, f.id, f.unit_id, f.department_id,
                f.project_name, rule.title, rule.body, rule."toUnit", rule."toDepartment"
           FROM due JOIN rule ON rule.kind = due.kind JOIN forms f ON f.campaign_id = due.campaign_id
          WHERE due.form_id IS NULL AND f.state = ANY(rule.states)),
       recipient AS (
         SELECT t.*, u.id AS user_id FROM target t JOIN users u ON u.org_id = t.unit_id AND u.role = 'unit' WHERE t."toUnit"
         UNION ALL
         SELECT t.*, u.id AS user_id FROM target t JOIN users u ON u.org_id = t.department_id AND u.role = 'reviewer' WHERE t."toDepartment"),
       n AS (
         INSERT INTO notifications (user_id, kind, form_id, campaign_id, title, body, dedupe_key, reminder_id)
         SELECT user_id, kind, form_id, campaign_id,
                format(title, project_name, to_char(due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY"年"MM"月"DD"日" HH24:MI'), ''),
                format(body, project_name, to_char(due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY"年"MM"月"DD"日" HH24:MI'), ''),
                'rem:' || reminder_id || ':' || form_id || ':' || user_id, reminder_id
           FROM recipient
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, user_id, reminder_id),
       dl AS (
         INSERT INTO deliveries (notification_id, channel)
         SELECT n.id, ch FROM n JOIN users u ON u.id = n.user_id, unnest($3::text[]) AS ch
          WHERE ch <> 'email' OR u.email IS NOT NULL),
       sent AS (SELECT reminder_id, count(*)::int AS c FROM n GROUP BY reminder_id),
       done AS (
         UPDATE reminders r SET status = 'done', processed_at = clock_timestamp(), notified = COALESCE(sent.c, 0)
           FROM due LEFT JOIN sent ON sent.reminder_id = due.id WHERE r.id = due.id)
       SELECT (SELECT count(*) FROM due)::int AS reminders, (SELECT count(*) FROM n)::int AS notifications`;

/**
 * Deadlines and their reminders in PostgreSQL, and the sweep that turns due reminders into
 * notifications. The sweep claims reminders with SKIP LOCKED and writes the notifications, their
 * deliveries and the reminders' new status in one statement: a crash or a second worker can neither
 * lose nor duplicate one (notifications.dedupe_key makes a repeat a no-op anyway).
 */
@Injectable()
export class RemindersRepository {
  constructor(private readonly db: Database) {}

  /** A campaign-wide deadline (申报截止) and its reminders, fanned out to the forms when they fire. */
  async scheduleCampaignDeadline(campaignId: string, deadline: DeadlineChanges['schedule'][number], m?: EntityManager): Promise<void> {
    await (m ?? this.db.source.manager).query(
      `WITH d AS (INSERT INTO deadlines (campaign_id, kind, due_at) VALUES ($1, $2, $3) RETURNING id)
       INSERT INTO reminders (deadline_id, kind, step, fire_at)
       SELECT d.id, x.kind, x.step, x.fire_at FROM d, jsonb_to_recordset($4::jsonb) AS x(kind text, step text, fire_at timestamptz)`,
      [campaignId, deadline.kind, deadline.dueAt.toISOString(),
        JSON.stringify(deadline.reminders.map((r) => ({ kind: r.kind, step: r.step, fire_at: r.fireAt.toISOString() })))],
    );
  }

  /** Processes up to `limit` due reminders (see the class comment). */
  async sweep(limit: number, rules: SweepRule[], channels: string[]): Promise<SweepResult> {
    const rows: SweepResult[] = await this.db.source.query(
      SWEEP_SQL,
      [limit, JSON.stringify(rules), channels],
    );
    return rows[0];
  }

  /** Seconds until the next pending reminder is due (for metrics), or null. */
  async pendingCount(): Promise<number> {
    const rows: { n: number }[] = await this.db.source.query(`SELECT count(*)::int AS n FROM reminders WHERE status = 'pending'`);
    return rows[0].n;
  }
}
