import { LIFECYCLE_STATES, type LifecycleState } from '../lifecycle/types';
import { D, fixed2, fixed4, type Dec } from '../scoring/decimal';
import { GRADES, type Grade } from '../scoring/scheme';
import { byText, compareLowest } from './lowest';
import type { CampaignReport, ReportFailure, ReportFormLine } from './types';

export interface SummarizeCampaignInput {
  campaign: { id: string; year: number; departmentName: string; schemeVersion: string };
  lines: ReportFormLine[];
  failures: ReportFailure[];
  /** ISO instant with +08:00; passed in so that the summary stays a pure function. */
  generatedAt: string;
}

/** How many of the lowest indicators the report lists (CampaignReport.lowestIndicators). */
export const LOWEST_INDICATORS = 10;

/** The order of lines in a report: 实施单位, then 项目名称, then form id. */
export function compareLines(a: ReportFormLine, b: ReportFormLine): number {
  return byText(a.unitName, b.unitName) || byText(a.projectName, b.projectName) || byText(a.formId, b.formId);
}

/**
 * The lines of a batch's chunks as one list: a form delivered twice (a retried chunk) counts once,
 * the last delivery wins, and the order is fixed (compareLines) whatever order the chunks finished in.
 */
export function mergeReportLines(chunks: ReportFormLine[][]): ReportFormLine[] {
  const byId = new Map<string, ReportFormLine>();
  for (const chunk of chunks) for (const line of chunk) byId.set(line.formId, line);
  return [...byId.values()].sort(compareLines);
}

type Lowest = CampaignReport['lowestIndicators'][number];
type ScoredIndicator = NonNullable<ReportFormLine['score']>['indicators'][number];
interface Candidate {
  form: ReportFormLine;
  indicator: ScoredIndicator;
  ratio: Dec;
  points: Dec;
}

/**
 * An applicable indicator's ratio: the stored one, or points / weight when the score could not compute
 * one (an unscorable actual scores 0 and belongs among the lowest); null when the weight is 0.
 */
function indicatorRatio(i: ScoredIndicator, decimal: (text: string) => Dec): Dec | null {
  if (i.ratio !== null) return decimal(i.ratio);
  const weight = decimal(i.weight);
  return weight.isZero() ? null : decimal(i.points).dividedBy(weight);
}

/** Ratios and points repeat (4 and 2 decimals): one Decimal per distinct text, not one per indicator. */
function decimals(): (text: string) => Dec {
  const memo = new Map<string, Dec>();
  return (text) => {
    let d = memo.get(text);
    if (d === undefined) {
      d = new D(text);
      memo.set(text, d);
    }
    return d;
  };
}

/** The LOWEST_INDICATORS lowest, kept in a small sorted list: a campaign has ~10⁶ indicators, the report 10. */
function lowestIndicators(lines: ReportFormLine[]): Lowest[] {
  const best: Candidate[] = [];
  const decimal = decimals();
  for (const line of lines) {
    if (!SCORED_STATES.includes(line.state)) continue;
    for (const indicator of line.score?.indicators ?? []) {
      if (!indicator.applicable) continue;
      const ratio = indicatorRatio(indicator, decimal);
      if (ratio === null) continue;
      const candidate: Candidate = { form: line, indicator, ratio, points: decimal(indicator.points) };
      if (best.length === LOWEST_INDICATORS && compareLowest(candidate, best[best.length - 1]) >= 0) continue;
      let at = best.length;
      while (at > 0 && compareLowest(candidate, best[at - 1]) < 0) at--;
      best.splice(at, 0, candidate);
      if (best.length > LOWEST_INDICATORS) best.pop();
    }
  }
  return best.map(({ form: line, indicator: i, ratio }) => ({
    formId: line.formId,
    projectName: line.projectName,
    unitName: line.unitName,
    name: i.name,
    level1: i.level1,
    weight: i.weight,
    points: i.points,
    ratio: fixed4(ratio),
  }));
}

/**
 * The states in which a form's stored score is its score: the self-evaluation submitted (自评审核) or
 * confirmed (已完成). A self-evaluation returned to the unit (back in 年终自评) keeps its earlier score
 * row until it is resubmitted, but that score no longer counts.
 */
export const SCORED_STATES: readonly LifecycleState[] = ['selfEvaluationReview', 'completed'];

/** The bin of a total (a decimal string, 0–100): its tens, read off the integer digits; 100 → the last. */
export function histogramBin(total: string): number {
  const tens = Math.floor(Number(/^\d+/.exec(total.trim())?.[0] ?? '0') / 10);
  return Math.min(9, Math.max(0, tens));
}

/**
 * The department summary of a campaign (DESIGN §4): counts by state and grade, the average and the
 * budget-weighted average of the totals, late forms and the lowest indicators. Pure: the batch gathers
 * the lines, this only adds them up, with decimal.js throughout.
 */
export function summarizeCampaign(input: SummarizeCampaignInput): CampaignReport {
  const { campaign, lines, failures, generatedAt } = input;

  const countsByState = Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, 0])) as Record<LifecycleState, number>;
  const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  let scored = 0;
  let sum = new D(0);
  let weightedSum = new D(0);
  let budgetSum = new D(0);
  const scoreHistogram = Array.from({ length: 10 }, (_, k) => ({ from: k * 10, to: k * 10 + 10, count: 0 }));

  for (const line of lines) {
    countsByState[line.state] += 1;
    if (line.score === null || !SCORED_STATES.includes(line.state)) continue;
    scored += 1;
    gradeCounts[line.score.grade] += 1;
    scoreHistogram[histogramBin(line.score.total)]!.count += 1;
    const total = new D(line.score.total);
    sum = sum.plus(total);
    // Forms without a positive 全年预算数 carry no weight (and would divide by zero when alone).
    if (line.approvedAmount !== null) {
      const amount = new D(line.approvedAmount);
      if (amount.gt(0)) {
        weightedSum = weightedSum.plus(total.times(amount));
        budgetSum = budgetSum.plus(amount);
      }
    }
  }

  const late: CampaignReport['late'] = [];
  for (const line of lines) {
    if (line.late === null) continue;
    late.push({ formId: line.formId, projectName: line.projectName, unitName: line.unitName, state: line.state, reason: line.late });
  }
  late.sort((a, b) => byText(a.unitName, b.unitName) || byText(a.projectName, b.projectName) || byText(a.formId, b.formId));

  return {
    campaignId: campaign.id,
    year: campaign.year,
    departmentName: campaign.departmentName,
    schemeVersion: campaign.schemeVersion,
    generatedAt,
    forms: lines.length,
    countsByState,
    scored,
    gradeCounts,
    averageScore: scored === 0 ? null : fixed2(sum.dividedBy(scored)),
    weightedAverageScore: budgetSum.isZero() ? null : fixed2(weightedSum.dividedBy(budgetSum)),
    scoreHistogram,
    late,
    lowestIndicators: lowestIndicators(lines),
    failures: failures.map((f) => ({ formIds: [...f.formIds], message: f.message })),
  };
}
