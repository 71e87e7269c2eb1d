import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database.service';

export interface CampaignRecord {
  id: string;
  year: number;
  departmentId: string;
  declarationDeadline: Date;
  reviewWorkingDays: number;
  resubmitWorkingDays: number;
  selfEvaluationOpensAt: Date;
  selfEvaluationDeadline: Date;
  reminderOffsets: string[];
  /** The scoring scheme; null = the default of this release. */
  schemeVersion: string | null;
  createdAt: Date;
}

export interface NewCampaign {
  year: number;
  departmentId: string;
  declarationDeadline: string;
  reviewWorkingDays: number;
  resubmitWorkingDays: number;
  selfEvaluationOpensAt: string;
  selfEvaluationDeadline: string;
  reminderOffsets: string[];
  schemeVersion?: string | null;
  createdBy: string;
}

const COLUMNS = `id, year, department_id AS "departmentId", declaration_deadline AS "declarationDeadline",
  review_working_days AS "reviewWorkingDays", resubmit_working_days AS "resubmitWorkingDays",
  self_evaluation_opens_at AS "selfEvaluationOpensAt", self_evaluation_deadline AS "selfEvaluationDeadline",
  reminder_offsets AS "reminderOffsets", scheme_version AS "schemeVersion", created_at AS "createdAt"`;

/** Campaign scope: null = every department (admin); otherwise only this department's campaigns. */
export type DepartmentScope = string | null;

@Injectable()
export class CampaignsRepository {
  constructor(private readonly db: Database) {}

  /** A transaction for the campaign and its campaign-wide deadline. */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.source.transaction(work);
  }

  async create(c: NewCampaign, m?: EntityManager): Promise<CampaignRecord> {
    const rows: CampaignRecord[] = await (m ?? this.db.source.manager).query(
      `INSERT INTO campaigns (year, department_id, declaration_deadline, review_working_days, resubmit_working_days,
                              self_evaluation_opens_at, self_evaluation_deadline, reminder_offsets, created_by, scheme_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [c.year, c.departmentId, c.declarationDeadline, c.reviewWorkingDays, c.resubmitWorkingDays,
        c.selfEvaluationOpensAt, c.selfEvaluationDeadline, c.reminderOffsets, c.createdBy, c.schemeVersion ?? null],
    );
    return rows[0];
  }

  /** The campaign if it exists and lies in the scope; null otherwise (the caller answers 404 either way). */
  async findInScope(id: string, scope: DepartmentScope, m?: EntityManager): Promise<CampaignRecord | null> {
    const rows: CampaignRecord[] = await (m ?? this.db.source.manager).query(
      `SELECT ${COLUMNS} FROM campaigns WHERE id = $1 AND ($2::uuid IS NULL OR department_id = $2)`,
      [id, scope],
    );
    return rows[0] ?? null;
  }

  /** Campaigns whose self-evaluation has opened (DESIGN §3) and that still have approved forms. */
  async selfEvaluationDue(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.db.source.query(
      `SELECT c.id FROM campaigns c
        WHERE c.self_evaluation_opens_at <= $1
          AND EXISTS (SELECT 1 FROM forms f WHERE f.campaign_id = c.id AND f.state = 'approved')`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  listInScope(scope: DepartmentScope, filter: { year?: number; departmentId?: string }): Promise<CampaignRecord[]> {
    return this.db.source.query(
      `SELECT ${COLUMNS} FROM campaigns
        WHERE ($1::uuid IS NULL OR department_id = $1)
          AND ($2::int IS NULL OR year = $2)
          AND ($3::uuid IS NULL OR department_id = $3)
        ORDER BY year DESC, declaration_deadline DESC, id`,
      [scope, filter.year ?? null, filter.departmentId ?? null],
    );
  }
}
