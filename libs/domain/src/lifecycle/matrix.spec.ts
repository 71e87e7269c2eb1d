import { allowedEvents, applyEvent } from './api';
import { ACTOR_NAMES, ACTORS, type ActorName, eventOf, persistedIn, roundTrip } from './lifecycle.fixtures';
import { LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES, type LifecycleEventType, type LifecycleState } from './types';

/**
 * The expected lifecycle, written by hand from DESIGN §2 (never read from the machine): per state,
 * the events it accepts, who may send them, and where they lead. Everything not listed is refused
 * as notAllowed; a listed event from anyone else is forbidden.
 */
const EXPECTED: Record<LifecycleState, Partial<Record<LifecycleEventType, { by: ActorName[]; to: LifecycleState }>>> = {
  draft: { SUBMIT: { by: ['ownUnit'], to: 'declared' } },
  declared: {
    WITHDRAW: { by: ['ownUnit'], to: 'draft' },
    START_REVIEW: { by: ['ownReviewer'], to: 'reviewing' },
  },
  reviewing: {
    APPROVE: { by: ['ownReviewer'], to: 'approved' },
    RETURN: { by: ['ownReviewer'], to: 'returned' },
  },
  returned: { SUBMIT: { by: ['ownUnit'], to: 'declared' } },
  approved: { OPEN_SELF_EVALUATION: { by: ['system', 'admin'], to: 'selfEvaluation' } },
  selfEvaluation: { SUBMIT_SELF_EVALUATION: { by: ['ownUnit'], to: 'selfEvaluationReview' } },
  selfEvaluationReview: {
    CONFIRM_SELF_EVALUATION: { by: ['ownReviewer'], to: 'completed' },
    RETURN_SELF_EVALUATION: { by: ['ownReviewer'], to: 'selfEvaluation' },
  },
  completed: {},
};

function expectedAllowed(state: LifecycleState, actor: ActorName): LifecycleEventType[] {
  return LIFECYCLE_EVENT_TYPES.filter((type) => EXPECTED[state][type]?.by.includes(actor));
}

const cases = LIFECYCLE_STATES.flatMap((state) =>
  LIFECYCLE_EVENT_TYPES.flatMap((type) => ACTOR_NAMES.map((actor) => [state, type, actor] as const)),
);

describe('every (state, event, actor) triple', () => {
  const stored = Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, persistedIn(s)]));

  it('covers 8 states × 9 events × 6 actors', () => {
    expect(cases).toHaveLength(8 * 9 * 6);
  });

  it.each(cases)('%s + %s by %s', (state, type, actor) => {
    const result = applyEvent(roundTrip(stored[state]), eventOf(type, ACTORS[actor]));
    const accepted = EXPECTED[state][type];
    if (accepted === undefined) {
      expect(result).toEqual({ ok: false, reason: 'notAllowed', state, allowedEvents: expectedAllowed(state, actor) });
    } else if (accepted.by.includes(actor)) {
      expect(result).toMatchObject({ ok: true, from: state, state: accepted.to });
    } else {
      expect(result).toEqual({ ok: false, reason: 'forbidden', state });
    }
  });
});

describe('allowedEvents per (state, actor)', () => {
  const pairs = LIFECYCLE_STATES.flatMap((state) => ACTOR_NAMES.map((actor) => [state, actor] as const));
  it.each(pairs)('%s for %s', (state, actor) => {
    expect(allowedEvents(roundTrip(persistedIn(state)), ACTORS[actor])).toEqual(expectedAllowed(state, actor));
  });
});

describe('role and organisation must both match', () => {
  // An admin sitting in the department or the unit still does not review or declare: separation of duties.
  it.each([
    ['reviewing', 'APPROVE', { userId: 'admin', role: 'admin', orgId: 'dept-x' }],
    ['draft', 'SUBMIT', { userId: 'admin', role: 'admin', orgId: 'unit-a' }],
    // A reviewer whose orgId is the form's unit, and a unit user whose orgId is the department.
    ['reviewing', 'RETURN', { userId: 'r', role: 'reviewer', orgId: 'unit-a' }],
    ['draft', 'SUBMIT', { userId: 'u', role: 'unit', orgId: 'dept-x' }],
    ['approved', 'OPEN_SELF_EVALUATION', { userId: 'u', role: 'unit', orgId: 'unit-a' }],
  ] as const)('%s + %s by %j is forbidden', (state, type, actor) => {
    expect(applyEvent(persistedIn(state), eventOf(type, actor))).toEqual({ ok: false, reason: 'forbidden', state });
  });

  it('refuses an event without an actor as forbidden', () => {
    const event = { ...eventOf('SUBMIT', ACTORS.ownUnit), actor: undefined } as never;
    expect(applyEvent(persistedIn('draft'), event)).toEqual({ ok: false, reason: 'forbidden', state: 'draft' });
  });

  it('reports an unknown event type as notAllowed', () => {
    const event = { type: 'DELETE', actor: ACTORS.ownUnit, at: '2024-03-01T00:00:00Z' } as never;
    expect(applyEvent(persistedIn('draft'), event)).toEqual({ ok: false, reason: 'notAllowed', state: 'draft', allowedEvents: ['SUBMIT'] });
  });
});
