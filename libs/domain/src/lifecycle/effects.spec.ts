import { applyEvent } from './api';
import type { LifecycleEffect } from './effects';
import { AFTER_DEADLINE, BEFORE_DEADLINE, FORM, persistedIn, valid } from './lifecycle.fixtures';
import type { LifecycleEventType, LifecycleState } from './types';

const AT = BEFORE_DEADLINE;
const base = { formId: FORM.formId, at: AT };

/** Hand-written: the outbox rows each transition must produce, in order. */
const EXPECTED_EFFECTS: Array<[LifecycleState, LifecycleEventType, LifecycleEffect[]]> = [
  [
    'draft',
    'SUBMIT',
    [
      { type: 'freezeRevision', params: { reason: 'submitted', baseline: false }, ...base },
      { type: 'scheduleDeadline', params: { kind: 'review' }, ...base },
      { type: 'notify', params: { kind: 'FORM_SUBMITTED', to: 'department' }, ...base },
    ],
  ],
  ['declared', 'WITHDRAW', [{ type: 'cancelDeadline', params: { kind: 'review' }, ...base }]],
  ['declared', 'START_REVIEW', []],
  [
    'reviewing',
    'APPROVE',
    [
      { type: 'cancelDeadline', params: { kind: 'review' }, ...base },
      { type: 'freezeRevision', params: { reason: 'approved', baseline: true }, ...base },
      { type: 'notify', params: { kind: 'FORM_APPROVED', to: 'unit' }, ...base },
    ],
  ],
  [
    'reviewing',
    'RETURN',
    [
      { type: 'cancelDeadline', params: { kind: 'review' }, ...base },
      { type: 'scheduleDeadline', params: { kind: 'resubmission' }, ...base },
      { type: 'notify', params: { kind: 'FORM_RETURNED', to: 'unit' }, ...base },
    ],
  ],
  [
    'returned',
    'SUBMIT',
    [
      { type: 'cancelDeadline', params: { kind: 'resubmission' }, ...base },
      { type: 'freezeRevision', params: { reason: 'submitted', baseline: false }, ...base },
      { type: 'scheduleDeadline', params: { kind: 'review' }, ...base },
      { type: 'notify', params: { kind: 'FORM_SUBMITTED', to: 'department' }, ...base },
    ],
  ],
  [
    'approved',
    'OPEN_SELF_EVALUATION',
    [
      { type: 'scheduleDeadline', params: { kind: 'selfEvaluation' }, ...base },
      { type: 'notify', params: { kind: 'SELF_EVALUATION_OPENED', to: 'unit' }, ...base },
    ],
  ],
  [
    'selfEvaluation',
    'SUBMIT_SELF_EVALUATION',
    [
      { type: 'cancelDeadline', params: { kind: 'selfEvaluation' }, ...base },
      { type: 'enqueueScoring', params: {}, ...base },
      { type: 'notify', params: { kind: 'SELF_EVALUATION_SUBMITTED', to: 'department' }, ...base },
    ],
  ],
  [
    'selfEvaluationReview',
    'CONFIRM_SELF_EVALUATION',
    [{ type: 'notify', params: { kind: 'SELF_EVALUATION_CONFIRMED', to: 'unit' }, ...base }],
  ],
  [
    'selfEvaluationReview',
    'RETURN_SELF_EVALUATION',
    [
      { type: 'scheduleDeadline', params: { kind: 'selfEvaluation' }, ...base },
      { type: 'notify', params: { kind: 'SELF_EVALUATION_RETURNED', to: 'unit' }, ...base },
    ],
  ],
];

describe('effects per transition', () => {
  it('lists all ten transitions', () => {
    expect(EXPECTED_EFFECTS).toHaveLength(10);
  });

  it.each(EXPECTED_EFFECTS)('%s + %s', (state, type, effects) => {
    const result = applyEvent(persistedIn(state), valid(type, AT));
    expect(result.ok && result.effects).toEqual(effects);
  });

  it('effects are plain JSON (what the outbox stores is what was returned)', () => {
    const result = applyEvent(persistedIn('reviewing'), valid('APPROVE', AT));
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.parse(JSON.stringify(result.effects))).toEqual(result.effects);
  });

  it('stamps effects with the event instant (deadline clocks start then)', () => {
    const result = applyEvent(persistedIn('returned'), valid('SUBMIT', AFTER_DEADLINE));
    expect(result.ok && result.effects.map((e) => e.at)).toEqual([AFTER_DEADLINE, AFTER_DEADLINE, AFTER_DEADLINE, AFTER_DEADLINE]);
  });

  it('a refusal has no effects at all', () => {
    const result = applyEvent(persistedIn('reviewing'), { ...valid('RETURN'), comment: '' } as never);
    expect(result).not.toHaveProperty('effects');
  });
});
