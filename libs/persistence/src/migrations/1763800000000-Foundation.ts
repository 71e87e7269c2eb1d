import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users and the append-only security audit log. Never edit once landed: add a migration. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('department', 'unit')),
        parent_id uuid REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- a unit has a parent (its department); a department has none
        CONSTRAINT organisations_parent_by_kind CHECK ((kind = 'unit') = (parent_id IS NOT NULL))
      )`);
    // Names are unique among siblings (departments among themselves, units within a department).
    await q.query(`CREATE UNIQUE INDEX organisations_name_unique
      ON organisations (COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`);
    await q.query(`CREATE INDEX organisations_parent_idx ON organisations (parent_id)`);
    // The parent of a unit must be a department: enforced here too, so no code path can break it.
    await q.query(`
      CREATE FUNCTION organisations_parent_is_department() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM organisations WHERE id = NEW.parent_id AND kind = 'department'
        ) THEN
          RAISE EXCEPTION 'parent of an organisation must be a department' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER organisations_parent_is_department
      BEFORE INSERT OR UPDATE ON organisations
      FOR EACH ROW EXECUTE FUNCTION organisations_parent_is_department()`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.@-]{3,64}$'),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'unit')),
        org_id uuid REFERENCES organisations(id),
        failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_org_by_role CHECK (role = 'admin' OR org_id IS NOT NULL)
      )`);
    // Usernames are case-insensitive: "Admin" and "admin" are one account.
    await q.query(`CREATE UNIQUE INDEX users_username_unique ON users (lower(username))`);
    await q.query(`CREATE INDEX users_org_idx ON users (org_id)`);

    await q.query(`
      CREATE TABLE security_audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        user_id uuid,
        username text,
        ip text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX security_audit_log_user_idx ON security_audit_log (user_id, at)`);
    await q.query(`
      CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`CREATE TRIGGER security_audit_log_append_only
      BEFORE UPDATE OR DELETE ON security_audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER security_audit_log_no_truncate
      BEFORE TRUNCATE ON security_audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_audit_log`);
    await q.query(`DROP FUNCTION refuse_append_only_change()`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organisations`);
    await q.query(`DROP FUNCTION organisations_parent_is_department()`);
  }
}
