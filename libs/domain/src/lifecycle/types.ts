import type { Role } from '../accounts';
import type { Money } from '../money';

/** The states of a form's lifecycle (DESIGN §2), in the order a form goes through them. */
export const LIFECYCLE_STATES = [
  'draft',
  'declared',
  'reviewing',
  'returned',
  'approved',
  'selfEvaluation',
  'selfEvaluationReview',
  'completed',
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** What users see for each state (`stateLabel` in API responses). */
export const STATE_LABELS: Record<LifecycleState, string> = {
  draft: '草稿',
  declared: '已申报',
  reviewing: '审核中',
  returned: '退回修改',
  approved: '已批复',
  selfEvaluation: '年终自评',
  selfEvaluationReview: '自评审核',
  completed: '已完成',
};

export const LIFECYCLE_EVENT_TYPES = [
  'SUBMIT',
  'WITHDRAW',
  'START_REVIEW',
  'APPROVE',
  'RETURN',
  'OPEN_SELF_EVALUATION',
  'SUBMIT_SELF_EVALUATION',
  'CONFIRM_SELF_EVALUATION',
  'RETURN_SELF_EVALUATION',
] as const;
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

export const EVENT_LABELS: Record<LifecycleEventType, string> = {
  SUBMIT: '申报',
  WITHDRAW: '撤回',
  START_REVIEW: '开始审核',
  APPROVE: '批复',
  RETURN: '退回',
  OPEN_SELF_EVALUATION: '开启年终自评',
  SUBMIT_SELF_EVALUATION: '提交自评',
  CONFIRM_SELF_EVALUATION: '确认自评',
  RETURN_SELF_EVALUATION: '退回自评',
};

/** A user's role, or `system` for the year-end job that opens self-evaluation. */
export type LifecycleActorRole = Role | 'system';

/** Who sends an event. `orgId` is the user's department or unit (null for admins and the system). */
export interface LifecycleActor {
  userId: string;
  role: LifecycleActorRole;
  orgId: string | null;
}

/** Fixed when the form is created; the machine never changes it. */
export interface LifecycleContext {
  formId: string;
  /** 实施单位 that fills in the form. */
  unitId: string;
  /** 主管部门 that reviews it (the unit's parent). */
  departmentId: string;
}
export type LifecycleInput = LifecycleContext;

/**
 * Every event carries who sends it and when (an ISO-8601 instant), so guards stay pure functions of
 * context and event: no clock and no session inside the machine.
 */
interface EventBase {
  actor: LifecycleActor;
  at: string;
}

export interface SubmitEvent extends EventBase {
  type: 'SUBMIT';
  /** Result of the pre-checks run on the current content: errors block, warnings do not. */
  precheck: { errors: number; warnings?: number };
  campaign: { declarationDeadline: string };
}
export interface WithdrawEvent extends EventBase {
  type: 'WITHDRAW';
  /** Withdrawing is possible only until the declaration deadline (see CONTENT_RULES.withdrawBeforeDeadline). */
  campaign: { declarationDeadline: string };
}
export interface StartReviewEvent extends EventBase {
  type: 'START_REVIEW';
}
export interface ApproveEvent extends EventBase {
  type: 'APPROVE';
  /** 批复金额 */
  approvedAmount: Money;
  /** 年度资金申请总额 of the submitted revision, read by the edge from the form. */
  requestedTotal: Money;
  comment?: string;
}
export interface ReturnEvent extends EventBase {
  type: 'RETURN';
  /** 退回意见, shown to the unit. */
  comment: string;
}
export interface OpenSelfEvaluationEvent extends EventBase {
  type: 'OPEN_SELF_EVALUATION';
}
export interface SubmitSelfEvaluationEvent extends EventBase {
  type: 'SUBMIT_SELF_EVALUATION';
  /** Summary from the self-evaluation checks (scoring issue): `complete` decides, `problems` explains. */
  selfEvaluation: { complete: boolean; problems: number };
}
export interface ConfirmSelfEvaluationEvent extends EventBase {
  type: 'CONFIRM_SELF_EVALUATION';
  comment?: string;
}
export interface ReturnSelfEvaluationEvent extends EventBase {
  type: 'RETURN_SELF_EVALUATION';
  comment: string;
}

export type LifecycleEvent =
  | SubmitEvent
  | WithdrawEvent
  | StartReviewEvent
  | ApproveEvent
  | ReturnEvent
  | OpenSelfEvaluationEvent
  | SubmitSelfEvaluationEvent
  | ConfirmSelfEvaluationEvent
  | ReturnSelfEvaluationEvent;

export type LifecycleEventOf<T extends LifecycleEventType> = Extract<LifecycleEvent, { type: T }>;

/** A reason a guard refused an event; `message` is shown to users (zh-CN). */
export interface LifecycleProblem {
  rule: string;
  path?: string;
  message: string;
}
