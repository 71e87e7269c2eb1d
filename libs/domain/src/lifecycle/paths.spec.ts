import { initialTransition } from 'xstate';
import { createTestModel, getPathsFromEvents, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { applyEvent, initialSnapshot, type PersistedLifecycle } from './api';
import { ACTORS, AFTER_DEADLINE, eventOf, FORM, roundTrip, valid } from './lifecycle.fixtures';
import { lifecycleMachine } from './machine';
import { LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES, type LifecycleEvent, type LifecycleState } from './types';

// The traversal offers, per event type, the valid event from its sender plus refused variants
// (a wrong actor, a blank comment, a late first submission): those must never move the model.
const SUBMIT_LATE = valid('SUBMIT', AFTER_DEADLINE);
const EVENTS: LifecycleEvent[] = [
  ...LIFECYCLE_EVENT_TYPES.map((type) => valid(type)),
  SUBMIT_LATE,
  eventOf('APPROVE', ACTORS.admin),
  eventOf('SUBMIT', ACTORS.otherUnit),
  { ...valid('RETURN'), comment: ' ' } as LifecycleEvent,
  { ...valid('APPROVE'), approvedAmount: '1819200.01' } as LifecycleEvent,
];

// getPathsFromEvents does not pass `input` to the initial snapshot, so start it explicitly.
const [INITIAL] = initialTransition(lifecycleMachine, FORM);

type Path = StatePath<ReturnType<typeof lifecycleMachine.transition>, LifecycleEvent>;

/** Replays a model path through the edge API, through JSON between every step as between requests. */
function replay(path: Path): LifecycleState[] {
  let stored: PersistedLifecycle = initialSnapshot(FORM);
  const visited: LifecycleState[] = ['draft'];
  // Steps are (event, state after it); the first is the model's own xstate.init.
  expect(path.steps[0].event.type).toBe('xstate.init');
  for (let i = 1; i < path.steps.length; i++) {
    const before = path.steps[i - 1].state.value;
    const { event, state } = path.steps[i];
    const after = state.value;
    const result = applyEvent(roundTrip(stored), roundTrip(event));
    if (after === before) {
      // The model stayed put: the API must refuse the event.
      expect(result.ok).toBe(false);
      continue;
    }
    expect(result).toMatchObject({ ok: true, from: before, state: after });
    if (result.ok) stored = result.snapshot;
    visited.push(after as LifecycleState);
  }
  expect(JSON.parse(JSON.stringify(stored)).snapshot.value).toBe(path.state.value);
  return visited;
}

const pathName = (path: Path) => ['draft', ...path.steps.slice(1).map((s) => s.event.type)].join(' → ');

describe('model-based paths (xstate/graph)', () => {
  const shortest = getShortestPaths(lifecycleMachine, { input: FORM, events: EVENTS });

  it('reach every state by a shortest path', () => {
    expect(new Set(shortest.map((p) => p.state.value))).toEqual(new Set(LIFECYCLE_STATES));
  });

  it.each(shortest.map((p) => [pathName(p), p] as const))('shortest path %s replays through applyEvent', (_, path) => {
    expect(replay(path).at(-1)).toBe(path.state.value);
  });

  // Simple paths never revisit a state, so the 退回 and 撤回 loops appear only up to their first return.
  const simple = getSimplePaths(lifecycleMachine, { input: FORM, events: EVENTS });

  it('find simple paths to every state, a single one to 已完成', () => {
    expect(new Set(simple.map((p) => p.state.value))).toEqual(new Set(LIFECYCLE_STATES));
    expect(simple.filter((p) => p.state.value === 'completed').map(pathName)).toEqual([
      'draft → SUBMIT → START_REVIEW → APPROVE → OPEN_SELF_EVALUATION → SUBMIT_SELF_EVALUATION → CONFIRM_SELF_EVALUATION',
    ]);
    expect(simple.map(pathName)).toContain('draft → SUBMIT → START_REVIEW → RETURN');
  });

  it.each(simple.map((p) => [pathName(p), p] as const))('simple path %s replays through applyEvent', (_, path) => {
    expect(replay(path).at(-1)).toBe(path.state.value);
  });

  it('replay 退回 → 重新申报 twice (the second time after the deadline), then through to 已完成', () => {
    const loop = [valid('SUBMIT'), valid('START_REVIEW'), valid('RETURN')];
    const events = [
      ...loop,
      ...loop.slice(0, 1).concat(valid('START_REVIEW'), valid('RETURN')),
      SUBMIT_LATE,
      valid('START_REVIEW'),
      valid('APPROVE'),
      valid('OPEN_SELF_EVALUATION'),
      valid('SUBMIT_SELF_EVALUATION'),
      valid('RETURN_SELF_EVALUATION'),
      valid('SUBMIT_SELF_EVALUATION'),
      valid('CONFIRM_SELF_EVALUATION'),
    ];
    const [path] = getPathsFromEvents(lifecycleMachine, events, { input: FORM, fromState: INITIAL });
    expect(path.state.value).toBe('completed');
    const visited = replay(path);
    expect(visited.filter((s) => s === 'returned')).toHaveLength(2);
    expect(visited).toEqual([
      'draft', 'declared', 'reviewing', 'returned', 'declared', 'reviewing', 'returned', 'declared', 'reviewing',
      'approved', 'selfEvaluation', 'selfEvaluationReview', 'selfEvaluation', 'selfEvaluationReview', 'completed',
    ]);
  });

  it('a first submission after the deadline leaves the path at 草稿', () => {
    const [path] = getPathsFromEvents(lifecycleMachine, [SUBMIT_LATE], { input: FORM, fromState: INITIAL });
    expect(path.state.value).toBe('draft');
    expect(replay(path)).toEqual(['draft']);
  });
});

describe('test model: the API as the system under test', () => {
  const model = createTestModel(lifecycleMachine, { input: FORM, events: EVENTS });
  const paths = model.getShortestPaths();

  it('has paths', () => {
    expect(paths.length).toBeGreaterThanOrEqual(LIFECYCLE_STATES.length - 1);
  });

  it.each(paths.map((p, i) => [`${i + 1}: ${pathName(p)}`, p] as const))('%s', async (_, path) => {
    let stored = initialSnapshot(FORM);
    const checkState = (expected: LifecycleState) => () => {
      expect(JSON.parse(JSON.stringify(stored)).snapshot.value).toBe(expected);
    };
    const states = Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, checkState(s)]));
    const send = ({ event }: { event: LifecycleEvent }) => {
      const result = applyEvent(roundTrip(stored), roundTrip(event));
      if (result.ok) stored = result.snapshot;
    };
    const events = Object.fromEntries(LIFECYCLE_EVENT_TYPES.map((t) => [t, send]));
    const outcome = await path.test({ states, events });
    expect(outcome.steps.every((s) => s.state.error === null && s.event.error === null)).toBe(true);
    expect(outcome.state.error).toBeNull();
  });
});
