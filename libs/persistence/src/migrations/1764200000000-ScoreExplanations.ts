import { inflateSync } from 'node:zlib';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored score's explanation leaves jsonb (bench/scoring, BENCHMARKS.md): PostgreSQL spent most of
 * the year-end batch parsing 4.6 kB of jsonb per form that only the score routes read back whole. The
 * explanation is now `bytea` that the worker produces — the ScoreResult as JSON, deflated (zlib) —
 * and PostgreSQL stores it without looking inside. What the report's SQL needs of it is kept beside
 * it: the form's lowest indicator (ratio, points, name; NULL when no indicator takes part), by which
 * the report picks the few explanations it reads (libs/domain/src/reports/lowest.ts).
 *
 * Existing rows are converted here, in SQL: their explanation becomes the JSON text itself (UTF-8,
 * not deflated; a JSON object starts with `{`, a zlib stream with 0x78, so readers tell them apart),
 * and their lowest indicator is taken from the jsonb with the report's rule and order.
 */
export class ScoreExplanations1764200000000 implements MigrationInterface {
  name = 'ScoreExplanations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scores ADD COLUMN explanation bytea, ADD COLUMN lowest_ratio numeric,
                                      ADD COLUMN lowest_points numeric, ADD COLUMN lowest_name text`);
    await q.query(`
      UPDATE scores s SET explanation = convert_to(s.result::text, 'UTF8'),
        (lowest_ratio, lowest_points, lowest_name) = (
          SELECT (i->>'ratio')::numeric, (i->>'points')::numeric, i->>'name'
            FROM jsonb_array_elements(s.result->'indicators') AS i
           WHERE (i->>'applicable')::boolean AND i->>'ratio' IS NOT NULL
           ORDER BY (i->>'ratio')::numeric, (i->>'points')::numeric, i->>'name' COLLATE "C", i->>'indicatorId' COLLATE "C"
           LIMIT 1)`);
    await q.query(`ALTER TABLE scores ALTER COLUMN explanation SET NOT NULL, DROP COLUMN result`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scores ADD COLUMN result jsonb`);
    // Deflated explanations can only be read back in Node: a batch of rows at a time.
    for (;;) {
      const rows: { form_id: string; scheme_version: string; explanation: Buffer }[] = await q.query(
        `SELECT form_id, scheme_version, explanation FROM scores WHERE result IS NULL LIMIT 1000`,
      );
      if (!rows.length) break;
      await q.query(
        `UPDATE scores s SET result = x.result FROM jsonb_to_recordset($1::jsonb) AS x(form_id uuid, scheme_version text, result jsonb)
          WHERE s.form_id = x.form_id AND s.scheme_version = x.scheme_version`,
        [
          JSON.stringify(
            rows.map((r) => ({
              form_id: r.form_id,
              scheme_version: r.scheme_version,
              result: JSON.parse((r.explanation[0] === 0x7b ? r.explanation : inflateSync(r.explanation)).toString('utf8')),
            })),
          ),
        ],
      );
    }
    await q.query(`ALTER TABLE scores ALTER COLUMN result SET NOT NULL, DROP COLUMN explanation, DROP COLUMN lowest_ratio,
                                      DROP COLUMN lowest_points, DROP COLUMN lowest_name`);
  }
}
