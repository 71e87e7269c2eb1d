import type { LifecycleState } from '../lifecycle/types';
import { toShanghaiIso } from '../time';
import { AnyDeadlineKind, DEADLINE_RULES } from './kinds';

/** What users call each deadline (form views: nextDeadline.label). */
export const DEADLINE_LABELS: Record<AnyDeadlineKind, string> = {
  declaration: '申报截止',
  review: '审核截止',
  resubmission: '重新申报截止',
  selfEvaluation: '自评截止',
};

const isDeadlineKind = (kind: string): kind is AnyDeadlineKind => Object.hasOwn(DEADLINE_RULES, kind);

/**
 * For each form state, the deadline kinds that still matter in it (DEADLINE_RULES.pendingIn read the
 * other way round): a deadline of any other kind has been met or made moot by the form moving on.
 * States without an entry have no deadline (已批复, 自评审核, 已完成).
 */
export function deadlineKindsByState(): Partial<Record<LifecycleState, AnyDeadlineKind[]>> {
  const byState: Partial<Record<LifecycleState, AnyDeadlineKind[]>> = {};
  for (const [kind, rule] of Object.entries(DEADLINE_RULES) as [AnyDeadlineKind, (typeof DEADLINE_RULES)[AnyDeadlineKind]][]) {
    for (const state of rule.pendingIn) (byState[state] ??= []).push(kind);
  }
  return byState;
}

/** The only thing the status needs of the working-day calendar (see ../calendar). */
export interface WorkingDaysLeftCalendar {
  /** Working days left, or null when the calendar lacks a year of the span. */
  workingDaysLeftIfKnown(now: Date, dueAt: Date): number | null;
}

/** A form's next deadline as the API shows it (nextDeadline of a form view). */
export interface DeadlineStatus {
  kind: AnyDeadlineKind;
  /** 申报截止 / 审核截止 / 重新申报截止 / 自评截止 */
  label: string;
  /** ISO-8601 with +08:00. */
  dueAt: string;
  /**
   * Working days after today (Asia/Shanghai) up to the deadline's last day: 0 on the last day,
   * negative once past it; null when the calendar has no data for a year in between.
   */
  workingDaysLeft: number | null;
  /** The deadline instant has passed. */
  overdue: boolean;
}

/** The status of a deadline at `now`; a year the calendar lacks gives workingDaysLeft null, never an error. */
export function deadlineStatus(deadline: { kind: string; dueAt: Date }, now: Date, calendar: WorkingDaysLeftCalendar): DeadlineStatus {
  const workingDaysLeft = calendar.workingDaysLeftIfKnown(now, deadline.dueAt);
  // The deadlines table only holds the four kinds; an unknown one is shown as itself rather than hidden.
  const kind = deadline.kind as AnyDeadlineKind;
  return {
    kind,
    label: isDeadlineKind(deadline.kind) ? DEADLINE_LABELS[deadline.kind] : deadline.kind,
    dueAt: toShanghaiIso(deadline.dueAt),
    workingDaysLeft,
    overdue: now.getTime() >= deadline.dueAt.getTime(),
  };
}
