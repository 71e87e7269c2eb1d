import type { DeadlineKind, LifecycleNotificationKind, Recipient } from '../lifecycle';
import type { LifecycleState } from '../lifecycle/types';

/**
 * Notification kinds (API.md "Notifications"), plus those this implementation adds: the lifecycle's
 * own (FORM_SUBMITTED, SELF_EVALUATION_*), RESUBMIT_OVERDUE (an overdue resubmission escalates like
 * the others) and URGE (催办 by a reviewer).
 */
export const REMINDER_KINDS = [
  'DECLARATION_DUE',
  'DECLARATION_OVERDUE',
  'REVIEW_DUE',
  'REVIEW_OVERDUE',
  'RESUBMIT_DUE',
  'RESUBMIT_OVERDUE',
  'SELF_EVALUATION_DUE',
  'SELF_EVALUATION_OVERDUE',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type NotificationKind = ReminderKind | LifecycleNotificationKind | 'URGE';

export interface DeadlineRule {
  /** Before the deadline, at each of the campaign's offsets. */
  due: ReminderKind;
  /** At the deadline, if the form has not moved on. */
  overdue: ReminderKind;
  /** Who must act: they get the reminders and the overdue notice. */
  actor: Recipient;
  /** An overdue item escalates to the department's reviewers (DESIGN §3). */
  escalateOverdue: boolean;
  /** The form states in which the deadline still matters; in any other the reminder is not sent. */
  pendingIn: readonly LifecycleState[];
}

/** DESIGN §3: who is reminded of what, and when a reminder has become moot. */
export const DEADLINE_RULES: Record<DeadlineKind | 'declaration', DeadlineRule> = {
  declaration: { due: 'DECLARATION_DUE', overdue: 'DECLARATION_OVERDUE', actor: 'unit', escalateOverdue: true, pendingIn: ['draft'] },
  review: { due: 'REVIEW_DUE', overdue: 'REVIEW_OVERDUE', actor: 'department', escalateOverdue: false, pendingIn: ['declared', 'reviewing'] },
  resubmission: { due: 'RESUBMIT_DUE', overdue: 'RESUBMIT_OVERDUE', actor: 'unit', escalateOverdue: true, pendingIn: ['returned'] },
  selfEvaluation: {
    due: 'SELF_EVALUATION_DUE',
    overdue: 'SELF_EVALUATION_OVERDUE',
    actor: 'unit',
    escalateOverdue: true,
    pendingIn: ['selfEvaluation'],
  },
};

export type AnyDeadlineKind = keyof typeof DEADLINE_RULES;

/** The deadline kind a reminder kind belongs to, and whether it is the overdue notice. */
export function reminderRule(kind: ReminderKind): { deadline: AnyDeadlineKind; overdue: boolean } {
  for (const [deadline, rule] of Object.entries(DEADLINE_RULES) as [AnyDeadlineKind, DeadlineRule][]) {
    if (rule.due === kind) return { deadline, overdue: false };
    if (rule.overdue === kind) return { deadline, overdue: true };
  }
  throw new Error(`not a reminder kind: ${kind}`);
}

/** Who receives a reminder: the actor, and for an overdue escalation the department too. */
export function reminderRecipients(kind: ReminderKind): Recipient[] {
  const { deadline, overdue } = reminderRule(kind);
  const rule = DEADLINE_RULES[deadline];
  return overdue && rule.escalateOverdue && rule.actor !== 'department' ? [rule.actor, 'department'] : [rule.actor];
}
