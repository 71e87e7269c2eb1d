import type { DeadlineKind, LifecycleEffect, LifecycleNotificationKind, Recipient } from '../lifecycle';
import { durationMs } from '../time';
import { AnyDeadlineKind, DEADLINE_RULES, ReminderKind } from './kinds';

/** The only thing the plan needs of the calendar (see ../calendar). */
export interface DeadlineCalendar {
  deadlineAfterWorkingDays(at: Date, workingDays: number): Date;
}

export interface CampaignDeadlines {
  reviewWorkingDays: number;
  resubmitWorkingDays: number;
  selfEvaluationDeadline: Date;
  reminderOffsets: string[];
}

export interface ReminderPlan {
  kind: ReminderKind;
  /** The offset before the deadline ("P3D"), or "overdue". */
  step: string;
  fireAt: Date;
}

export interface DeadlinePlan {
  kind: AnyDeadlineKind;
  dueAt: Date;
  reminders: ReminderPlan[];
}

export interface EffectPlan {
  cancel: DeadlineKind[];
  schedule: DeadlinePlan[];
  notify: { kind: LifecycleNotificationKind; to: Recipient }[];
  /** Effects for the worker after commit (scoring). */
  outbox: LifecycleEffect[];
}

/**
 * The reminders of a deadline: one per campaign offset still in the future at `now` (a reminder
 * "7 days before" a deadline 5 days away would be stale at once), and the overdue notice at the
 * deadline itself.
 */
export function reminderSchedule(kind: AnyDeadlineKind, dueAt: Date, offsets: readonly string[], now: Date): ReminderPlan[] {
  const rule = DEADLINE_RULES[kind];
  const reminders: ReminderPlan[] = [];
  for (const step of offsets) {
    const ms = durationMs(step);
    if (ms === null) continue; // campaigns are validated on creation; an odd stored value is skipped, not fatal
    const fireAt = new Date(dueAt.getTime() - ms);
    if (fireAt.getTime() > now.getTime()) reminders.push({ kind: rule.due, step, fireAt });
  }
  reminders.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  reminders.push({ kind: rule.overdue, step: 'overdue', fireAt: dueAt });
  return reminders;
}

/** When a per-form deadline falls (DESIGN §3): working days after the event, or the campaign's date. */
export function deadlineFor(kind: DeadlineKind, at: Date, campaign: CampaignDeadlines, calendar: DeadlineCalendar): Date {
  switch (kind) {
    case 'review':
      return calendar.deadlineAfterWorkingDays(at, campaign.reviewWorkingDays);
    case 'resubmission':
      return calendar.deadlineAfterWorkingDays(at, campaign.resubmitWorkingDays);
    case 'selfEvaluation':
      return campaign.selfEvaluationDeadline;
  }
}

/**
 * What a transition's effects mean in rows: deadlines to cancel and to start (with their reminders),
 * notifications to send now, and what is left for the worker. Pure, so that the edge writes all of
 * it in the same statement as the state change.
 */
export function planEffects(
  effects: readonly LifecycleEffect[],
  ctx: { at: Date; campaign: CampaignDeadlines; calendar: DeadlineCalendar },
): EffectPlan {
  const plan: EffectPlan = { cancel: [], schedule: [], notify: [], outbox: [] };
  for (const effect of effects) {
    switch (effect.type) {
      case 'cancelDeadline':
        plan.cancel.push(effect.params.kind);
        break;
      case 'scheduleDeadline': {
        const dueAt = deadlineFor(effect.params.kind, ctx.at, ctx.campaign, ctx.calendar);
        plan.schedule.push({ kind: effect.params.kind, dueAt, reminders: reminderSchedule(effect.params.kind, dueAt, ctx.campaign.reminderOffsets, ctx.at) });
        break;
      }
      case 'notify':
        plan.notify.push({ kind: effect.params.kind, to: effect.params.to });
        break;
      case 'freezeRevision':
        break; // written with the event itself
      case 'enqueueScoring':
        plan.outbox.push(effect);
        break;
    }
  }
  return plan;
}
