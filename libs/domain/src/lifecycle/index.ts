export * from './types';
export {
  ACTOR_SCOPES,
  ACTOR_SCOPE_LABELS,
  CONTENT_RULES,
  actorMayAct,
  contentProblems,
  type ActorScope,
  type ContentRule,
  type PermittedParams,
} from './guards';
export {
  EFFECT_TYPES,
  type CancelDeadlineParams,
  type DeadlineKind,
  type EffectType,
  type EnqueueScoringParams,
  type FreezeRevisionParams,
  type LifecycleAction,
  type LifecycleEffect,
  type LifecycleNotificationKind,
  type NotifyParams,
  type Recipient,
  type ScheduleDeadlineParams,
} from './effects';
export { MACHINE_VERSION, lifecycleMachine, type LifecycleMachine } from './machine';
export { INITIAL_STATE, LIFECYCLE_TRANSITIONS, transitionFor, type LifecycleTransition } from './definition';
export {
  LifecycleSnapshotError,
  allowedEvents,
  applyEvent,
  initialSnapshot,
  stateOf,
  type ApplyEventResult,
  type PersistedLifecycle,
  type PersistedMachineSnapshot,
} from './api';
export { lifecycleDocsSection, lifecycleGraph, toMermaid, type LifecycleGraph } from './diagram';
