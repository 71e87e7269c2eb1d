import { Injectable } from '@nestjs/common';
import { rankLowestIndicators, SCORED_STATES } from '@app/domain';
import type { CampaignReport, ReportFormLine } from '@app/domain';
import { Database } from '../database.service';
import { decodeExplanation } from './score-explanation';

export interface ReportRun {
  id: string;
  campaignId: string;
  schemeVersion: string;
  status: 'running' | 'done' | 'failed';
  summary: CampaignReport | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const RUN_COLUMNS = `id, campaign_id AS "campaignId", scheme_version AS "schemeVersion", status, summary,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

/** Department reports (DESIGN §4): runs of the year-end batch and what they produced. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  async start(campaignId: string, schemeVersion: string, userId: string | null): Promise<string> {
    const rows: { id: string }[] = await this.db.source.query(
      `INSERT INTO reports (campaign_id, scheme_version, requested_by) VALUES ($1, $2, $3) RETURNING id`,
      [campaignId, schemeVersion, userId],
    );
    return rows[0].id;
  }

  async finish(id: string, summary: CampaignReport): Promise<void> {
    await this.db.source.query(`UPDATE reports SET status = 'done', summary = $2, finished_at = now() WHERE id = $1`, [id, JSON.stringify(summary)]);
  }

  async fail(id: string): Promise<void> {
    await this.db.source.query(`UPDATE reports SET status = 'failed', finished_at = now() WHERE id = $1 AND status = 'running'`, [id]);
  }

  async latest(campaignId: string): Promise<ReportRun | null> {
    const rows: ReportRun[] = await this.db.source.query(
      `SELECT ${RUN_COLUMNS} FROM reports WHERE campaign_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [campaignId],
    );
    return rows[0] ?? null;
  }

  async latestDone(campaignId: string): Promise<ReportRun | null> {
    const rows: ReportRun[] = await this.db.source.query(
      `SELECT ${RUN_COLUMNS} FROM reports WHERE campaign_id = $1 AND status = 'done' ORDER BY created_at DESC LIMIT 1`,
      [campaignId],
    );
    return rows[0] ?? null;
  }

  async formIds(campaignId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.source.query(`SELECT id FROM forms WHERE campaign_id = $1 ORDER BY id`, [campaignId]);
    return rows.map((r) => r.id);
  }

  /**
   * Every form of the campaign as a report line (without per-indicator detail: the lowest indicators
   * come from lowestIndicators(), so that 100,000 forms do not mean a million objects in memory).
   */
  lines(campaignId: string, schemeVersion: string, now: Date): Promise<ReportFormLine[]> {
    return this.db.source.query(
      `SELECT f.id AS "formId", f.project_name AS "projectName", f.unit_id AS "unitId", o.name AS "unitName", f.state,
              f.approved_amount::text AS "approvedAmount",
              CASE WHEN s.form_id IS NULL OR NOT f.state = ANY($4::text[]) THEN NULL
                   ELSE json_build_object('total', s.total::text, 'grade', s.grade, 'indicators', '[]'::json) END AS score,
              CASE
                WHEN f.state = 'draft' AND c.declaration_deadline < $3 THEN 'declarationOverdue'
                WHEN f.state = 'returned' AND EXISTS (SELECT 1 FROM deadlines d WHERE d.form_id = f.id AND d.kind = 'resubmission'
                                                       AND d.status = 'active' AND d.due_at < $3) THEN 'resubmissionOverdue'
                WHEN f.state = 'selfEvaluation' AND c.self_evaluation_deadline < $3 THEN 'selfEvaluationOverdue'
              END AS late
         FROM forms f JOIN campaigns c ON c.id = f.campaign_id JOIN organisations o ON o.id = f.unit_id
         LEFT JOIN scores s ON s.form_id = f.id AND s.scheme_version = $2
        WHERE f.campaign_id = $1
        ORDER BY f.id`,
      [campaignId, schemeVersion, now, SCORED_STATES],
    );
  }

  /**
   * The applicable indicators with the lowest points/weight ratio across the campaign's scores: the
   * database picks the `limit` forms whose own lowest indicator (kept with each score) ranks first,
   * and only their explanations are read and ranked (libs/domain/src/reports/lowest.ts says why
   * that is enough). Text is compared as COLLATE "C", the code-point order of the domain.
   */
  async lowestIndicators(campaignId: string, schemeVersion: string, limit: number): Promise<CampaignReport['lowestIndicators']> {
    const forms: { formId: string; projectName: string; unitName: string; explanation: Buffer }[] = await this.db.source.query(
      `SELECT f.id AS "formId", f.project_name AS "projectName", o.name AS "unitName", s.explanation
         FROM scores s JOIN forms f ON f.id = s.form_id JOIN organisations o ON o.id = f.unit_id
        WHERE f.campaign_id = $1 AND s.scheme_version = $2 AND f.state = ANY($4::text[]) AND s.lowest_ratio IS NOT NULL
        ORDER BY s.lowest_ratio, s.lowest_points, f.project_name COLLATE "C", s.lowest_name COLLATE "C", f.id
        LIMIT $3`,
      [campaignId, schemeVersion, limit, SCORED_STATES],
    );
    return rankLowestIndicators(
      forms.map(({ explanation, ...f }) => ({ ...f, indicators: decodeExplanation(explanation).indicators })),
      limit,
    );
  }
}
