import { allowedEvents, Finding, LifecycleEventType, parseTarget, ParsedTarget, runPrechecks, STATE_LABELS, toShanghaiIso } from '@app/domain';
import { persistedLifecycle } from '@app/workflow';
import type { LifecycleState, PrecheckResult } from '@app/domain';
import type { FormRecord } from '@app/persistence';
import type { Caller } from '../common/caller';
import { lifecycleActor } from './form-scope';

export interface FormView {
  id: string;
  campaignId: string;
  unitId: string;
  departmentId: string;
  year: number;
  state: string;
  stateLabel: string;
  version: number;
  allowedEvents: LifecycleEventType[];
  projectName: string;
  nature: string;
  category: string;
  plannedStart: string;
  plannedEnd: string;
  funds: { total: string; currentYear: string; carryOver: string; other: string };
  overallGoal: string;
  annualGoal: string;
  indicators: { id: string; level1: string; level2: string; name: string; target: string; weight?: string; parsedTarget: ParsedTarget | null }[];
  approvedAmount: string | null;
  /** 年终自评 as entered, null until the unit saves one. */
  selfEvaluation: unknown;
  /** Pre-check findings of the current content: severity error blocks submission, warning does not. */
  warnings: Finding[];
  createdAt: string;
  updatedAt: string;
}

/** A form as API responses show it, for this caller (allowedEvents depend on who asks). */
export function formView(form: FormRecord, caller: Caller, checks: PrecheckResult = runPrechecks({ year: form.year, content: form.content })): FormView {
  const { content } = form;
  return {
    id: form.id,
    campaignId: form.campaignId,
    unitId: form.unitId,
    departmentId: form.departmentId,
    year: form.year,
    state: form.state,
    stateLabel: STATE_LABELS[form.state as LifecycleState] ?? form.state,
    version: form.version,
    allowedEvents: allowedEvents(persistedLifecycle(form), lifecycleActor(caller)),
    projectName: content.projectName,
    nature: content.nature,
    category: content.category,
    plannedStart: content.plannedStart,
    plannedEnd: content.plannedEnd,
    funds: content.funds,
    overallGoal: content.overallGoal,
    annualGoal: content.annualGoal,
    indicators: content.indicators.map((i) => {
      const parsed = parseTarget(i.target);
      return { ...i, parsedTarget: parsed.kind === 'error' ? null : parsed };
    }),
    approvedAmount: form.approvedAmount,
    selfEvaluation: form.selfEvaluation ?? null,
    warnings: [...checks.errors, ...checks.warnings],
    createdAt: toShanghaiIso(form.createdAt),
    updatedAt: toShanghaiIso(form.updatedAt),
  };
}
