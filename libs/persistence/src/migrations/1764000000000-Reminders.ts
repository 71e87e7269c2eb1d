import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines, reminders and notifications (DESIGN §3). PostgreSQL is the source of truth: every
 * pending reminder is a row with its fire time, swept by the worker, so nothing pending lives only
 * in Redis. A notification's dedupe_key makes each one exist at most once.
 */
export class Reminders1764000000000 implements MigrationInterface {
  name = 'Reminders1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Holidays of years the package does not know, loaded by an administrator.
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        holidays date[] NOT NULL,
        workdays date[] NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+$')`);

    await q.query(`
      CREATE TABLE deadlines (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns(id),
        -- null: a campaign-wide deadline (申报截止), fanned out to the forms it concerns when it fires
        form_id uuid REFERENCES forms(id),
        kind text NOT NULL CHECK (kind IN ('declaration', 'review', 'resubmission', 'selfEvaluation')),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz
      )`);
    // At most one active deadline per form and kind is kept by the writers (a new one cancels the old
    // in the same statement), not by a unique index: sibling CTEs of one statement do not see each other.
    await q.query(`CREATE INDEX deadlines_form_idx ON deadlines (form_id, kind) WHERE status = 'active'`);
    await q.query(`CREATE INDEX deadlines_campaign_idx ON deadlines (campaign_id) WHERE form_id IS NULL`);

    await q.query(`
      CREATE TABLE reminders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        deadline_id bigint NOT NULL REFERENCES deadlines(id),
        -- the notification kind it produces (DECLARATION_DUE, REVIEW_OVERDUE, …)
        kind text NOT NULL,
        -- the ISO-8601 offset before the deadline, or 'overdue' (at the deadline)
        step text NOT NULL,
        fire_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled')),
        processed_at timestamptz,
        notified integer,
        UNIQUE (deadline_id, step)
      )`);
    await q.query(`CREATE INDEX reminders_due_idx ON reminders (fire_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        form_id uuid REFERENCES forms(id),
        campaign_id uuid REFERENCES campaigns(id),
        title text NOT NULL,
        body text NOT NULL,
        -- what makes it unique: the reminder or event and the recipient; a repeat is a no-op
        dedupe_key text NOT NULL UNIQUE,
        reminder_id bigint REFERENCES reminders(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);

    // Optional channels (webhook, e-mail): one row per notification and channel, retried until sent.
    await q.query(`
      CREATE TABLE deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications(id),
        channel text NOT NULL CHECK (channel IN ('webhook', 'email')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (notification_id, channel)
      )`);
    await q.query(`CREATE INDEX deliveries_pending_idx ON deliveries (next_attempt_at) WHERE status = 'pending'`);

    // 催办: at most one per form per 24 h.
    await q.query(`
      CREATE TABLE urges (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        form_id uuid NOT NULL REFERENCES forms(id),
        urged_by uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX urges_form_idx ON urges (form_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE urges`);
    await q.query(`DROP TABLE deliveries`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE deadlines`);
    await q.query(`ALTER TABLE users DROP COLUMN email`);
    await q.query(`DROP TABLE calendar_years`);
  }
}
