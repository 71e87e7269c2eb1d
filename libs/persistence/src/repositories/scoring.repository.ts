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

  async score(formId: string, schemeVersion: string): Promise<StoredScore | null> {
    const rows: StoredScore[] = await this.db.source.query(
      `SELECT form_id AS "formId", scheme_version AS "schemeVersion", total, grade, result, form_version AS "formVersion", computed_at AS "computedAt"
         FROM scores WHERE form_id = $1 AND scheme_version = $2`,
      [formId, schemeVersion],
    );
    return rows[0] ?? null;
  }
}
