import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formLowestIndicator, type ScoreResult } from '@app/domain';
import { Database } from '../database.service';
import type { StoredContent } from './forms.repository';
import { decodeExplanation, encodeExplanation } from './score-explanation';

export interface StoredScore {
  formId: string;
  schemeVersion: string;
  total: string;
  grade: string;
  /** Stored as scores.explanation (score-explanation.ts), read back as it was given. */
  result: ScoreResult;
  formVersion: number;
  computedAt: Date;
}

/** The columns of a score row besides its keys: the explanation and the form's lowest indicator for the report. */
function stored(s: Omit<StoredScore, 'computedAt'>) {
  const lowest = formLowestIndicator(s.result.indicators);
  return { explanation: encodeExplanation(s.result), lowestRatio: lowest?.ratio ?? null, lowestPoints: lowest?.points ?? null, lowestName: lowest?.name ?? null };
}

const UPSERT_SET = `ON CONFLICT (form_id, scheme_version) DO UPDATE
         SET total = EXCLUDED.total, grade = EXCLUDED.grade, explanation = EXCLUDED.explanation, lowest_ratio = EXCLUDED.lowest_ratio,
             lowest_points = EXCLUDED.lowest_points, lowest_name = EXCLUDED.lowest_name, form_version = EXCLUDED.form_version, computed_at = now()
       WHERE scores.form_version <= EXCLUDED.form_version`;

/** Scoring schemes (immutable, versioned), approved baselines and stored scores. */
@Injectable()
export class ScoringRepository {
  constructor(private readonly db: Database) {}

  /** Stores a scheme version if it is not there yet (schemes never change once stored). */
  async registerScheme(version: string, scheme: unknown): Promise<void> {
    await this.db.source.query(`INSERT INTO scoring_schemes (version, scheme) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING`, [
      version,
      JSON.stringify(scheme),
    ]);
  }

  async schemes(): Promise<{ version: string; scheme: unknown; createdAt: Date }[]> {
    return this.db.source.query(`SELECT version, scheme, created_at AS "createdAt" FROM scoring_schemes ORDER BY created_at, version`);
  }

  async scheme(version: string): Promise<unknown | null> {
    const rows: { scheme: unknown }[] = await this.db.source.query(`SELECT scheme FROM scoring_schemes WHERE version = $1`, [version]);
    return rows[0]?.scheme ?? null;
  }

  /** The approved revision (the baseline of the self-evaluation): the latest 'approved' one. */
  async baseline(formId: string, m?: EntityManager): Promise<{ content: StoredContent; approvedAmount: string } | null> {
    const rows: { content: StoredContent; approvedAmount: string }[] = await (m ?? this.db.source.manager).query(
      `SELECT content, approved_amount AS "approvedAmount" FROM form_revisions
        WHERE form_id = $1 AND reason = 'approved' ORDER BY revision DESC LIMIT 1`,
      [formId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores the score of a form under a scheme version. Re-running is idempotent: one row per form and
   * scheme; a newer self-evaluation (higher form version) replaces an older score, never the reverse.
   */
  async saveScore(s: Omit<StoredScore, 'computedAt'>): Promise<void> {
    const row = stored(s);
    await this.db.source.query(
      `INSERT INTO scores (form_id, scheme_version, total, grade, explanation, lowest_ratio, lowest_points, lowest_name, form_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ${UPSERT_SET}`,
      [s.formId, s.schemeVersion, s.total, s.grade, row.explanation, row.lowestRatio, row.lowestPoints, row.lowestName, s.formVersion],
    );
  }

  /**
   * What scoring needs for each form of a chunk that is self-evaluated and has no score of this
   * scheme for its current version: one query for the whole chunk (the year-end batch).
   */
  toScore(formIds: string[], schemeVersion: string): Promise<{ formId: string; version: number; selfEvaluation: unknown; content: StoredContent; approvedAmount: string }[]> {
    return this.db.source.query(
      `SELECT f.id AS "formId", f.version, f.self_evaluation AS "selfEvaluation", r.content, r.approved_amount::text AS "approvedAmount"
         FROM forms f
         LEFT JOIN scores s ON s.form_id = f.id AND s.scheme_version = $2
         JOIN LATERAL (SELECT content, approved_amount FROM form_revisions
                        WHERE form_id = f.id AND reason = 'approved' ORDER BY revision DESC LIMIT 1) r ON true
        WHERE f.id = ANY($1) AND f.state IN ('selfEvaluationReview', 'completed') AND f.self_evaluation IS NOT NULL
          AND (s.form_id IS NULL OR s.form_version < f.version)`,
      [formIds, schemeVersion],
    );
  }

  /**
   * saveScore for many forms in one statement (same rules: one row per form and scheme, newer wins).
   * Cheap for PostgreSQL, which the year-end batch shares between all its workers: short columns as
   * arrays, and the explanations as one binary parameter (node-postgres sends a Buffer as bytes, no
   * text to parse) that each row takes its slice of by offset and length.
   */
  async saveScores(scores: Omit<StoredScore, 'computedAt'>[]): Promise<void> {
    if (!scores.length) return;
    const rows = scores.map(stored);
    const starts: number[] = [];
    let at = 1; // substring() counts from 1
    for (const r of rows) {
      starts.push(at);
      at += r.explanation.length;
    }
    await this.db.source.query(
      `INSERT INTO scores (form_id, scheme_version, total, grade, explanation, lowest_ratio, lowest_points, lowest_name, form_version)
       SELECT x.form_id, x.scheme_version, x.total, x.grade, substring($9::bytea FROM x.start FOR x.length), x.lowest_ratio, x.lowest_points,
              x.lowest_name, x.form_version
         FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::numeric[], $6::numeric[], $7::text[], $8::int[], $10::int[], $11::int[])
              AS x(form_id, scheme_version, total, grade, lowest_ratio, lowest_points, lowest_name, form_version, start, length)
       ${UPSERT_SET}`,
      [
        scores.map((s) => s.formId),
        scores.map((s) => s.schemeVersion),
        scores.map((s) => s.total),
        scores.map((s) => s.grade),
        rows.map((r) => r.lowestRatio),
        rows.map((r) => r.lowestPoints),
        rows.map((r) => r.lowestName),
        scores.map((s) => s.formVersion),
        Buffer.concat(rows.map((r) => r.explanation)),
        starts,
        rows.map((r) => r.explanation.length),
      ],
    );
  }

  async score(formId: string, schemeVersion: string): Promise<StoredScore | null> {
    const rows: (Omit<StoredScore, 'result'> & { explanation: Buffer })[] = await this.db.source.query(
      `SELECT form_id AS "formId", scheme_version AS "schemeVersion", total, grade, explanation, form_version AS "formVersion", computed_at AS "computedAt"
         FROM scores WHERE form_id = $1 AND scheme_version = $2`,
      [formId, schemeVersion],
    );
    if (!rows[0]) return null;
    const { explanation, ...row } = rows[0];
    return { ...row, result: decodeExplanation(explanation) };
  }
}
