import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, forms and their lifecycle records (DESIGN §2): the append-only, hash-chained
 * form_events; frozen form_revisions; the outbox of machine effects; idempotency keys.
 * Never edit once landed: add a migration.
 */
export class Lifecycle1763900000000 implements MigrationInterface {
  name = 'Lifecycle1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        department_id uuid NOT NULL REFERENCES organisations(id),
        declaration_deadline timestamptz NOT NULL,
        review_working_days integer NOT NULL CHECK (review_working_days BETWEEN 1 AND 60),
        resubmit_working_days integer NOT NULL CHECK (resubmit_working_days BETWEEN 1 AND 60),
        self_evaluation_opens_at timestamptz NOT NULL,
        self_evaluation_deadline timestamptz NOT NULL,
        reminder_offsets text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (self_evaluation_opens_at > declaration_deadline),
        CHECK (self_evaluation_deadline > self_evaluation_opens_at)
      )`);
    await q.query(`CREATE INDEX campaigns_department_year_idx ON campaigns (department_id, year)`);

    await q.query(`
      CREATE TABLE forms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id),
        unit_id uuid NOT NULL REFERENCES organisations(id),
        department_id uuid NOT NULL REFERENCES organisations(id),
        year integer NOT NULL,
        state text NOT NULL,
        snapshot jsonb NOT NULL,
        machine_version text NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        content jsonb NOT NULL,
        project_name text NOT NULL,
        -- null while a draft's total is not filled in yet
        requested_total numeric(16,2),
        approved_amount numeric(16,2),
        -- head of the hash chain, so that appending an event needs no extra read
        last_event_seq integer NOT NULL,
        last_event_hash text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX forms_unit_idx ON forms (unit_id, year)`);
    await q.query(`CREATE INDEX forms_department_state_idx ON forms (department_id, state)`);
    await q.query(`CREATE INDEX forms_campaign_idx ON forms (campaign_id, state)`);

    await q.query(`
      CREATE TABLE form_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        form_id uuid NOT NULL REFERENCES forms(id),
        seq integer NOT NULL CHECK (seq >= 1),
        type text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        form_version integer NOT NULL,
        actor_id uuid,
        actor_username text NOT NULL,
        actor_role text NOT NULL,
        actor_org_id uuid,
        comment text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (form_id, seq)
      )`);
    await q.query(`CREATE TRIGGER form_events_append_only
      BEFORE UPDATE OR DELETE ON form_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER form_events_no_truncate
      BEFORE TRUNCATE ON form_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);

    // Every change of a form's state must come with the event that caused it, written in the same
    // transaction: checked at commit, so no code path can move the state column on its own.
    await q.query(`
      CREATE FUNCTION forms_state_change_has_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM form_events
           WHERE form_id = NEW.id AND to_state = NEW.state AND form_version = NEW.version
        ) THEN
          RAISE EXCEPTION 'form % moved to state % without a form_events row', NEW.id, NEW.state
            USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER forms_state_change_has_event
      AFTER INSERT OR UPDATE OF state, version ON forms
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION forms_state_change_has_event()`);

    await q.query(`
      CREATE TABLE form_revisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        form_id uuid NOT NULL REFERENCES forms(id),
        revision integer NOT NULL,
        reason text NOT NULL CHECK (reason IN ('submitted', 'approved')),
        event_seq integer NOT NULL,
        form_version integer NOT NULL,
        content jsonb NOT NULL,
        approved_amount numeric(16,2),
        created_at timestamptz NOT NULL,
        UNIQUE (form_id, revision)
      )`);
    await q.query(`CREATE TRIGGER form_revisions_append_only
      BEFORE UPDATE OR DELETE ON form_revisions FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    // Effects of the machine (notify, schedule/cancel deadlines, scoring), written with the state
    // change; a relay in the worker turns them into jobs after commit.
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        form_id uuid REFERENCES forms(id),
        event_seq integer,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE processed_at IS NULL`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE form_revisions`);
    await q.query(`DROP TABLE form_events`);
    await q.query(`DROP TABLE forms`);
    await q.query(`DROP FUNCTION forms_state_change_has_event()`);
    await q.query(`DROP TABLE campaigns`);
  }
}
