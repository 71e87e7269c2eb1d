import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Year-end self-evaluation and scoring (DESIGN §4): the self-evaluation lives with its form; schemes
 * are versioned data chosen per campaign; a score is stored per form and scheme version, so that a
 * rescoring under a new scheme keeps the old scores; department reports are stored as produced.
 */
export class Scoring1764100000000 implements MigrationInterface {
  name = 'Scoring1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE forms ADD COLUMN self_evaluation jsonb`);
    await q.query(`
      CREATE TABLE scoring_schemes (
        version text PRIMARY KEY,
        scheme jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Schemes are immutable once stored: a change is a new version.
    await q.query(`CREATE TRIGGER scoring_schemes_append_only
      BEFORE UPDATE OR DELETE ON scoring_schemes FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    // NULL: the default scheme of this release.
    await q.query(`ALTER TABLE campaigns ADD COLUMN scheme_version text REFERENCES scoring_schemes(version)`);
    await q.query(`
      CREATE TABLE scores (
        form_id uuid NOT NULL REFERENCES forms(id),
        scheme_version text NOT NULL REFERENCES scoring_schemes(version),
        total numeric(6,2) NOT NULL,
        grade text NOT NULL,
        result jsonb NOT NULL,
        -- the self-evaluation the score was computed from (a returned and resubmitted one is scored again)
        form_version integer NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (form_id, scheme_version)
      )`);
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id),
        scheme_version text NOT NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
        summary jsonb,
        requested_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX reports_campaign_idx ON reports (campaign_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE scores`);
    await q.query(`ALTER TABLE campaigns DROP COLUMN scheme_version`);
    await q.query(`DROP TABLE scoring_schemes`);
    await q.query(`ALTER TABLE forms DROP COLUMN self_evaluation`);
  }
}
