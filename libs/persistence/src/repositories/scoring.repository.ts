import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database.service';
import type { StoredContent } from './forms.repository';

export interface StoredScore {
  formId: string;
  schemeVersion: string;
  total: string;
  grade: string;
  result: unknown;
  formVersion: number;
  computedAt: Date;
}

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
    await this.db.source.query(
      `INSERT INTO scores (form_id, scheme_version, total, grade, result, form_version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (form_id, scheme_version) DO UPDATE
         SET total = EXCLUDED.total, grade = EXCLUDED.grade, result = EXCLUDED.result, form_version = EXCLUDED.form_version, computed_at = now()
       WHERE scores.form_version <= EXCLUDED.form_version`,
      [s.formId, s.schemeVersion, s.total, s.grade, JSON.stringify(s.result), s.formVersion],
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

  /** saveScore for many forms in one statement (same rules: one row per form and scheme, newer wins). */
  async saveScores(scores: Omit<StoredScore, 'computedAt'>[]): Promise<void> {
    if (!scores.length) return;
    await this.db.source.query(
      `INSERT INTO scores (form_id, scheme_version, total, grade, result, form_version)
       SELECT x.form_id, x.scheme_version, x.total, x.grade, x.result, x.form_version
         FROM jsonb_to_recordset($1::jsonb) AS x(form_id uuid, scheme_version text, total numeric, grade text, result jsonb, form_version int)
       ON CONFLICT (form_id, scheme_version) DO UPDATE
         SET total = EXCLUDED.total, grade = EXCLUDED.grade, result = EXCLUDED.result, form_version = EXCLUDED.form_version, computed_at = now()
       WHERE scores.form_version <= EXCLUDED.form_version`,
      [JSON.stringify(scores.map((s) => ({ form_id: s.formId, scheme_version: s.schemeVersion, total: s.total, grade: s.grade, result: s.result, form_version: s.formVersion })))],
    );
  }

  async score(formId: string, schemeVersion: string): Promise<StoredScore | null> {
    const rows: StoredScore[] = await this.db.source.query(
      `SELECT form_id AS "formId", scheme_version AS "schemeVersion", total, grade, result, form_version AS "formVersion", computed_at AS "computedAt"
         FROM scores WHERE form_id = $1 AND scheme_version = $2`,
      [formId, schemeVersion],
    );
    return rows[0] ?? null;
  }
}
