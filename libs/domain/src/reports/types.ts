import type { LifecycleState } from '../lifecycle/types';
import type { Grade } from '../scoring/scheme';

/** One form of a campaign as the department report sees it (DESIGN §4 "department summary"). */
export interface ReportFormLine {
  formId: string;
  projectName: string;
  unitId: string;
  unitName: string;
  state: LifecycleState;
  /** 全年预算数 (批复金额), 元; the weight of the budget-weighted average; null before approval. */
  approvedAmount: string | null;
  /** The stored score of the campaign's scheme, when the form has one. */
  score: {
    total: string;
    grade: Grade;
    indicators: { indicatorId: string; name: string; level1: string; weight: string; points: string; ratio: string | null; applicable: boolean }[];
  } | null;
  /** Why the form is late, when it is: a deadline of the campaign passed while the form still waits for its unit. */
  late: null | 'declarationOverdue' | 'resubmissionOverdue' | 'selfEvaluationOverdue';
}

/** A chunk of forms the batch could not process; listed in the report, never blocking it. */
export interface ReportFailure {
  formIds: string[];
  message: string;
}

export interface CampaignReport {
  campaignId: string;
  year: number;
  departmentName: string;
  schemeVersion: string;
  /** ISO instant with +08:00. */
  generatedAt: string;
  forms: number;
  countsByState: Record<LifecycleState, number>;
  scored: number;
  gradeCounts: Record<Grade, number>;
  /** Mean of the totals of the scored forms, 2 decimals; null when none is scored. */
  averageScore: string | null;
  /** Σ(total × 全年预算数) / Σ 全年预算数 over the scored forms, 2 decimals; null when none. */
  weightedAverageScore: string | null;
  /**
   * How the totals of the scored forms spread: ten bins of 10 points, [0, 10) … [80, 90) and [90, 100]
   * (100 falls in the last), each with its count; all ten always present.
   */
  scoreHistogram: { from: number; to: number; count: number }[];
  late: { formId: string; projectName: string; unitName: string; state: LifecycleState; reason: NonNullable<ReportFormLine['late']> }[];
  /** The applicable indicators with the lowest points/weight ratio across the campaign (at most 10). */
  lowestIndicators: { formId: string; projectName: string; unitName: string; name: string; level1: string; weight: string; points: string; ratio: string }[];
  failures: ReportFailure[];
}
