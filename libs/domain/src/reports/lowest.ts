import { D, type Dec } from '../scoring/decimal';
import type { CampaignReport } from './types';

/**
 * The lowest indicators of the stored department report (CampaignReport.lowestIndicators), ranked
 * from stored scores without reading every form's explanation.
 *
 * The rule of the stored report: an indicator takes part when it is applicable and has a ratio
 * (points / weight; an unscorable one has none). Order: lower ratio, then lower points, then 项目名称,
 * then 指标名称 (code-point order), then form id and indicator id so that the order is total.
 *
 * Because the order is total, the lowest N indicators of a campaign come from at most N forms, and
 * those are among the N forms whose own lowest indicator ranks first: a form whose lowest indicator
 * ranks behind N other forms' lowest has all of its indicators behind N others. So each stored
 * score keeps its form's lowest indicator (ratio, points, name), the database picks the N forms
 * with the lowest of those, and only their explanations are read and ranked here.
 */

type Lowest = CampaignReport['lowestIndicators'][number];

/** What ranking needs of an indicator of a stored score (a subset of IndicatorScore). */
export interface RankedIndicator {
  indicatorId: string;
  name: string;
  level1: string;
  weight: string;
  points: string;
  ratio: string | null;
  applicable: boolean;
}

/** A form's lowest indicator as a stored score keeps it; null when no indicator takes part. */
export interface FormLowestIndicator {
  ratio: string;
  points: string;
  name: string;
}

export interface RankedForm {
  formId: string;
  projectName: string;
  unitName: string;
  indicators: readonly RankedIndicator[];
}

// Code-point order, not localeCompare: the report must not depend on the ICU data of the machine,
// and it is the order of PostgreSQL's COLLATE "C".
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the order of the lowest indicators compares: an indicator of a form, ratio and points as decimals. */
export interface LowestKey {
  form: { projectName: string; formId: string };
  indicator: { name: string; indicatorId: string };
  ratio: Dec;
  points: Dec;
}

/** Lower ratio first; ties by lower points, then 项目名称, then 指标名称; ids last so that equal rows never swap. */
export function compareLowest(a: LowestKey, b: LowestKey): number {
  return (
    a.ratio.comparedTo(b.ratio) ||
    a.points.comparedTo(b.points) ||
    byText(a.form.projectName, b.form.projectName) ||
    byText(a.indicator.name, b.indicator.name) ||
    byText(a.form.formId, b.form.formId) ||
    byText(a.indicator.indicatorId, b.indicator.indicatorId)
  );
}

interface Candidate {
  form: RankedForm;
  indicator: RankedIndicator & { ratio: string };
  ratio: Dec;
  points: Dec;
}

function takesPart(i: RankedIndicator): i is RankedIndicator & { ratio: string } {
  return i.applicable && i.ratio !== null;
}

function candidates(form: RankedForm): Candidate[] {
  return form.indicators.filter(takesPart).map((indicator) => ({ form, indicator, ratio: new D(indicator.ratio), points: new D(indicator.points) }));
}

/** The form's own lowest indicator (the key the database ranks forms by); null when none takes part. */
export function formLowestIndicator(indicators: readonly RankedIndicator[]): FormLowestIndicator | null {
  const form: RankedForm = { formId: '', projectName: '', unitName: '', indicators };
  let best: Candidate | null = null;
  for (const c of candidates(form)) if (best === null || compareLowest(c, best) < 0) best = c;
  return best && { ratio: best.indicator.ratio, points: best.indicator.points, name: best.indicator.name };
}

/** The `limit` lowest indicators of these forms, in report order. */
export function rankLowestIndicators(forms: readonly RankedForm[], limit: number): Lowest[] {
  return forms
    .flatMap(candidates)
    .sort(compareLowest)
    .slice(0, limit)
    .map(({ form, indicator: i }) => ({
      formId: form.formId,
      projectName: form.projectName,
      unitName: form.unitName,
      name: i.name,
      level1: i.level1,
      weight: i.weight,
      points: i.points,
      ratio: i.ratio,
    }));
}
