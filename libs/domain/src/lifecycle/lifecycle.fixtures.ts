// Shared test data for the lifecycle specs (not exported from the library).
import { applyEvent, initialSnapshot, type PersistedLifecycle } from './api';
import type { LifecycleActor, LifecycleEvent, LifecycleEventType, LifecycleInput, LifecycleState } from './types';

export const FORM: LifecycleInput = { formId: 'form-1', unitId: 'unit-a', departmentId: 'dept-x' };

export const ACTORS = {
  ownUnit: { userId: 'u-a', role: 'unit', orgId: 'unit-a' },
  otherUnit: { userId: 'u-b', role: 'unit', orgId: 'unit-b' },
  ownReviewer: { userId: 'r-x', role: 'reviewer', orgId: 'dept-x' },
  otherReviewer: { userId: 'r-y', role: 'reviewer', orgId: 'dept-y' },
  admin: { userId: 'admin', role: 'admin', orgId: null },
  system: { userId: 'year-end-job', role: 'system', orgId: null },
} as const satisfies Record<string, LifecycleActor>;
export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

export const DEADLINE = '2024-03-15T18:00:00+08:00';
export const BEFORE_DEADLINE = '2024-03-01T09:30:00+08:00';
export const AFTER_DEADLINE = '2024-04-02T10:00:00+08:00';
export const REQUESTED = '1819200.00';

/** A valid event of `type` sent by `actor` (content that passes every rule). */
export function eventOf(type: LifecycleEventType, actor: LifecycleActor, at = BEFORE_DEADLINE): LifecycleEvent {
  switch (type) {
    case 'SUBMIT':
      return { type, actor, at, precheck: { errors: 0, warnings: 2 }, campaign: { declarationDeadline: DEADLINE } };
    case 'APPROVE':
      return { type, actor, at, approvedAmount: '900000.00', requestedTotal: REQUESTED };
    case 'RETURN':
    case 'RETURN_SELF_EVALUATION':
      return { type, actor, at, comment: '绩效指标不够具体，请细化' };
    case 'SUBMIT_SELF_EVALUATION':
      return { type, actor, at, selfEvaluation: { complete: true, problems: 0 } };
    case 'WITHDRAW':
      return { type, actor, at, campaign: { declarationDeadline: DEADLINE } };
    case 'START_REVIEW':
    case 'OPEN_SELF_EVALUATION':
    case 'CONFIRM_SELF_EVALUATION':
      return { type, actor, at };
  }
}

/** Who normally sends each event (per DESIGN §2), for driving a form to a state. */
export const SENDER: Record<LifecycleEventType, ActorName> = {
  SUBMIT: 'ownUnit',
  WITHDRAW: 'ownUnit',
  START_REVIEW: 'ownReviewer',
  APPROVE: 'ownReviewer',
  RETURN: 'ownReviewer',
  OPEN_SELF_EVALUATION: 'system',
  SUBMIT_SELF_EVALUATION: 'ownUnit',
  CONFIRM_SELF_EVALUATION: 'ownReviewer',
  RETURN_SELF_EVALUATION: 'ownReviewer',
};

export const valid = (type: LifecycleEventType, at?: string) => eventOf(type, ACTORS[SENDER[type]], at);

/** Hand-written routes from 草稿 to each state. */
export const ROUTE_TO: Record<LifecycleState, LifecycleEventType[]> = {
  draft: [],
  declared: ['SUBMIT'],
  reviewing: ['SUBMIT', 'START_REVIEW'],
  returned: ['SUBMIT', 'START_REVIEW', 'RETURN'],
  approved: ['SUBMIT', 'START_REVIEW', 'APPROVE'],
  selfEvaluation: ['SUBMIT', 'START_REVIEW', 'APPROVE', 'OPEN_SELF_EVALUATION'],
  selfEvaluationReview: ['SUBMIT', 'START_REVIEW', 'APPROVE', 'OPEN_SELF_EVALUATION', 'SUBMIT_SELF_EVALUATION'],
  completed: ['SUBMIT', 'START_REVIEW', 'APPROVE', 'OPEN_SELF_EVALUATION', 'SUBMIT_SELF_EVALUATION', 'CONFIRM_SELF_EVALUATION'],
};

/** JSON round trip, as through the database between two requests. */
export const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A stored snapshot of a form in `state`, reached through applyEvent. */
export function persistedIn(state: LifecycleState): PersistedLifecycle {
  let persisted = initialSnapshot(FORM);
  for (const type of ROUTE_TO[state]) {
    const result = applyEvent(roundTrip(persisted), valid(type));
    if (!result.ok) throw new Error(`route to ${state}: ${type} refused (${result.reason})`);
    persisted = result.snapshot;
  }
  return persisted;
}
