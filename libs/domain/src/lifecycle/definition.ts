import { isEffectType, type LifecycleAction } from './effects';
import { ACTOR_SCOPES, type ActorScope, CONTENT_RULES, type ContentRule } from './guards';
import { lifecycleMachine } from './machine';
import { LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES, type LifecycleEventType, type LifecycleState } from './types';

/** One edge of the machine, read from its definition (for the API, the docs and the tests). */
export interface LifecycleTransition {
  from: LifecycleState;
  event: LifecycleEventType;
  to: LifecycleState;
  who: ActorScope;
  rule?: ContentRule;
  /** The named actions with their (static) params, in order. */
  actions: LifecycleAction[];
}

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => (values as readonly unknown[]).includes(v);

function readGuard(guard: unknown, where: string): { who: ActorScope; rule?: ContentRule } {
  const g = guard as { type?: unknown; params?: { who?: unknown; rule?: unknown } } | undefined;
  const who = g?.params?.who;
  const rule = g?.params?.rule;
  // Every transition must say who may take it; a transition without that check would let anyone in.
  if (g?.type !== 'permitted' || !isOneOf(ACTOR_SCOPES, who)) throw new Error(`${where}: guard must be permitted(who, rule?)`);
  if (rule !== undefined && !(typeof rule === 'string' && rule in CONTENT_RULES)) throw new Error(`${where}: unknown rule`);
  return rule === undefined ? { who } : { who, rule: rule as ContentRule };
}

// Actions are plain { type, params } data so that the docs and the outbox see the same thing.
function readAction(action: unknown, where: string): LifecycleAction {
  const a = action as { type?: unknown; params?: unknown } | undefined;
  if (!isEffectType(a?.type) || typeof a?.params !== 'object' || a.params === null) {
    throw new Error(`${where}: actions must be named effects with static params`);
  }
  return { type: a.type, params: { ...a.params } } as LifecycleAction;
}

function readTransitions(): LifecycleTransition[] {
  const out: LifecycleTransition[] = [];
  for (const from of LIFECYCLE_STATES) {
    const node = lifecycleMachine.root.states[from];
    if (!node) throw new Error(`State ${from} missing from the machine`);
    for (const [event, defs] of Object.entries(node.on)) {
      const where = `${from} --${event}-->`;
      if (!isOneOf(LIFECYCLE_EVENT_TYPES, event)) throw new Error(`${where}: unknown event`);
      if (defs.length !== 1 || defs[0].target?.length !== 1) throw new Error(`${where}: exactly one targeted transition expected`);
      const to = defs[0].target[0].key;
      if (!isOneOf(LIFECYCLE_STATES, to)) throw new Error(`${where}: unknown target ${to}`);
      const actions = defs[0].actions.map((a) => readAction(a, where));
      out.push({ from, event, to, ...readGuard(defs[0].guard, where), actions });
    }
  }
  return out;
}

/** All transitions, in definition order. Read once: the machine is immutable. */
export const LIFECYCLE_TRANSITIONS: readonly LifecycleTransition[] = readTransitions();

const byKey = new Map(LIFECYCLE_TRANSITIONS.map((t) => [`${t.from}:${t.event}`, t]));

/** The transition `state` has for `event`, whoever sends it; undefined when the state ignores it. */
export function transitionFor(state: LifecycleState, event: string): LifecycleTransition | undefined {
  return byKey.get(`${state}:${event}`);
}

function readInitial(): LifecycleState {
  const key = lifecycleMachine.root.initial.target[0]?.key;
  if (!isOneOf(LIFECYCLE_STATES, key)) throw new Error(`Unknown initial state ${key}`);
  return key;
}
export const INITIAL_STATE: LifecycleState = readInitial();

/** States with no way out (here: completed). */
export function isFinalState(state: LifecycleState): boolean {
  return lifecycleMachine.root.states[state]?.type === 'final';
}
