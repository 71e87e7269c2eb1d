import { initialTransition, transition } from 'xstate';
import { transitionFor } from './definition';
import { type LifecycleEffect, toEffects } from './effects';
import { actorMayAct, contentProblems } from './guards';
import { lifecycleMachine, MACHINE_VERSION } from './machine';
import {
  LIFECYCLE_EVENT_TYPES,
  LIFECYCLE_STATES,
  type LifecycleActor,
  type LifecycleContext,
  type LifecycleEvent,
  type LifecycleEventType,
  type LifecycleInput,
  type LifecycleProblem,
  type LifecycleState,
} from './types';

/** XState's persisted snapshot of the machine: plain JSON (a jsonb column). */
export interface PersistedMachineSnapshot {
  status: string;
  value: string;
  context: LifecycleContext;
  [key: string]: unknown;
}

/** What the edge stores per form: the snapshot and the machine version that produced it. */
export interface PersistedLifecycle {
  machineVersion: string;
  snapshot: PersistedMachineSnapshot;
}

export type ApplyEventResult =
  | { ok: true; from: LifecycleState; state: LifecycleState; snapshot: PersistedLifecycle; effects: LifecycleEffect[] }
  /** The current state accepts this event from no one (HTTP 409); `allowedEvents` are the caller's. */
  | { ok: false; reason: 'notAllowed'; state: LifecycleState; allowedEvents: LifecycleEventType[] }
  /** The state accepts the event, but not from this actor's role or organisation (HTTP 403). */
  | { ok: false; reason: 'forbidden'; state: LifecycleState }
  /** The actor may send it, but its content breaks a rule (HTTP 422). */
  | { ok: false; reason: 'guardFailed'; state: LifecycleState; problems: LifecycleProblem[] };

/** A stored snapshot that this code cannot resume: a bug or a missing migration, never a client error. */
export class LifecycleSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LifecycleSnapshotError';
  }
}

type MachineSnapshot = ReturnType<typeof lifecycleMachine.resolveState>;

function persist(snapshot: MachineSnapshot): PersistedLifecycle {
  // JSON round trip: the outbox and the jsonb column get exactly what a later request will read.
  const json = JSON.parse(JSON.stringify(lifecycleMachine.getPersistedSnapshot(snapshot))) as PersistedMachineSnapshot;
  return { machineVersion: MACHINE_VERSION, snapshot: json };
}

function isLifecycleState(value: unknown): value is LifecycleState {
  return (LIFECYCLE_STATES as readonly unknown[]).includes(value);
}

/** Every id of the context is a non-empty string. */
function isComplete(context: Partial<LifecycleContext> | undefined): context is LifecycleContext {
  return [context?.formId, context?.unitId, context?.departmentId].every((id) => typeof id === 'string' && id.length > 0);
}

/** The state and context of a stored snapshot, checked: the version that wrote it, a known state, every id. */
function checked(persisted: PersistedLifecycle): { value: LifecycleState; context: LifecycleContext } {
  if (persisted?.machineVersion !== MACHINE_VERSION) {
    throw new LifecycleSnapshotError(
      `Snapshot of machine version ${String(persisted?.machineVersion)} cannot be resumed by version ${MACHINE_VERSION}; migrate it first`,
    );
  }
  const { value, context } = persisted.snapshot ?? {};
  if (!isLifecycleState(value)) throw new LifecycleSnapshotError(`Unknown lifecycle state ${JSON.stringify(value)}`);
  if (!isComplete(context)) throw new LifecycleSnapshotError('Snapshot context is incomplete');
  return { value, context: { formId: context.formId, unitId: context.unitId, departmentId: context.departmentId } };
}

/**
 * Rebuilds a machine snapshot from stored JSON, in any process. The machine keeps nothing but its
 * state value and context (no children, history or delayed events), so resolveState is exact.
 */
function restore(persisted: PersistedLifecycle): MachineSnapshot {
  return lifecycleMachine.resolveState(checked(persisted));
}

/** The snapshot of a new form, in 草稿. */
export function initialSnapshot(input: LifecycleInput): PersistedLifecycle {
  if (!isComplete(input)) throw new LifecycleSnapshotError('A new form needs its formId, unitId and departmentId');
  // Nothing happens on creation (the declaration deadline is the campaign's), so no effects to return.
  const [snapshot] = initialTransition(lifecycleMachine, { ...input });
  return persist(snapshot);
}

/** The current state of a stored snapshot. */
export function stateOf(persisted: PersistedLifecycle): LifecycleState {
  return checked(persisted).value;
}

function allowedFor(state: LifecycleState, context: LifecycleContext, actor: LifecycleActor): LifecycleEventType[] {
  return LIFECYCLE_EVENT_TYPES.filter((type) => {
    const t = transitionFor(state, type);
    return t !== undefined && actorMayAct(t.who, context, actor);
  });
}

/**
 * The events `actor` could send now, judged by state, role and organisation only; content rules
 * (comment, amount, pre-checks, deadline) are checked when the event arrives. Read from the checked
 * snapshot and the machine's transition table: every form response asks, and resolving a machine
 * snapshot for it would cost more than the answer.
 */
export function allowedEvents(persisted: PersistedLifecycle, actor: LifecycleActor): LifecycleEventType[] {
  const { value, context } = checked(persisted);
  return allowedFor(value, context, actor);
}

/**
 * Steps the machine with the pure `transition()`: nothing is executed, the effects come back as data.
 * The machine decides; when it refuses, the transition's own guard parts (who, then content) say why.
 */
export function applyEvent(persisted: PersistedLifecycle, event: LifecycleEvent): ApplyEventResult {
  const snapshot = restore(persisted);
  const state = snapshot.value as LifecycleState;
  // One evaluation of the machine: every transition changes the state (there are no self-transitions),
  // so an unchanged state means the machine refused the event.
  const [next, actions] = transition(lifecycleMachine, snapshot, event);
  if (next.value !== state) {
    return { ok: true, from: state, state: next.value as LifecycleState, snapshot: persist(next), effects: toEffects(actions, snapshot.context, event) };
  }
  const t = transitionFor(state, event.type);
  if (t === undefined) return { ok: false, reason: 'notAllowed', state, allowedEvents: allowedFor(state, snapshot.context, event.actor) };
  if (!actorMayAct(t.who, snapshot.context, event.actor)) return { ok: false, reason: 'forbidden', state };
  const problems = t.rule === undefined ? [] : contentProblems(t.rule, event);
  if (problems.length === 0) throw new Error(`The machine refused ${event.type} in ${state} although its guard holds`);
  return { ok: false, reason: 'guardFailed', state, problems };
}
