import type { LifecycleContext, LifecycleEvent } from './types';

/**
 * Side effects of a transition. The machine only names them; `applyEvent` returns them as plain data
 * that the edge writes to the outbox in the same database transaction as the new snapshot.
 */
export const EFFECT_TYPES = ['notify', 'scheduleDeadline', 'cancelDeadline', 'freezeRevision', 'enqueueScoring'] as const;
export type EffectType = (typeof EFFECT_TYPES)[number];

/** Notification kinds raised by transitions (API.md lists them; the *_SUBMITTED/CONFIRMED ones are new). */
export type LifecycleNotificationKind =
  | 'FORM_SUBMITTED'
  | 'FORM_RETURNED'
  | 'FORM_APPROVED'
  | 'SELF_EVALUATION_OPENED'
  | 'SELF_EVALUATION_SUBMITTED'
  | 'SELF_EVALUATION_RETURNED'
  | 'SELF_EVALUATION_CONFIRMED';

/** The users of the form's unit, or the reviewers of its department. */
export type Recipient = 'unit' | 'department';

/**
 * Per-form deadlines (DESIGN §3). The edge computes the due instant from the campaign: review and
 * resubmission in working days after the effect's `at`, self-evaluation at the campaign's deadline. The
 * declaration deadline belongs to the campaign, not to a form, so no transition schedules it.
 */
export type DeadlineKind = 'review' | 'resubmission' | 'selfEvaluation';

export interface NotifyParams {
  kind: LifecycleNotificationKind;
  to: Recipient;
}
/** Starts (or restarts) the deadline's clock at the effect's `at`. */
export interface ScheduleDeadlineParams {
  kind: DeadlineKind;
}
export interface CancelDeadlineParams {
  kind: DeadlineKind;
}
/** The approved revision is the baseline that self-evaluation is scored against. */
export interface FreezeRevisionParams {
  reason: 'submitted' | 'approved';
  baseline: boolean;
}
export type EnqueueScoringParams = Record<string, never>;

/** A named action with its params as written in the machine: static data, readable by the docs. */
export type LifecycleAction =
  | { type: 'notify'; params: NotifyParams }
  | { type: 'scheduleDeadline'; params: ScheduleDeadlineParams }
  | { type: 'cancelDeadline'; params: CancelDeadlineParams }
  | { type: 'freezeRevision'; params: FreezeRevisionParams }
  | { type: 'enqueueScoring'; params: EnqueueScoringParams };

/** An outbox entry: the action plus the form and the instant of the event that caused it. */
export type LifecycleEffect = LifecycleAction & { formId: string; at: string };

export const notify = (kind: LifecycleNotificationKind, to: Recipient) => ({ type: 'notify' as const, params: { kind, to } });
export const scheduleDeadline = (kind: DeadlineKind) => ({ type: 'scheduleDeadline' as const, params: { kind } });
export const cancelDeadline = (kind: DeadlineKind) => ({ type: 'cancelDeadline' as const, params: { kind } });
export const freezeRevision = (reason: FreezeRevisionParams['reason']) => ({
  type: 'freezeRevision' as const,
  params: { reason, baseline: reason === 'approved' },
});
export const enqueueScoring = () => ({ type: 'enqueueScoring' as const, params: {} });

export function isEffectType(type: unknown): type is EffectType {
  return (EFFECT_TYPES as readonly unknown[]).includes(type);
}

/** Plain, JSON-safe effects from the actions `transition()` returned (their `exec` and `info` dropped). */
export function toEffects(
  actions: ReadonlyArray<{ type: string; params?: unknown }>,
  context: LifecycleContext,
  event: LifecycleEvent,
): LifecycleEffect[] {
  return actions.map((action) => {
    if (!isEffectType(action.type)) throw new Error(`Unexpected action ${action.type} in the lifecycle machine`);
    return { type: action.type, params: { ...(action.params as object) }, formId: context.formId, at: event.at } as LifecycleEffect;
  });
}
