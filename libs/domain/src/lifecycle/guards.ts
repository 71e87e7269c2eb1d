import { compareMoney, isMoney } from '../money';
import type {
  LifecycleActor,
  LifecycleContext,
  LifecycleEvent,
  LifecycleEventOf,
  LifecycleEventType,
  LifecycleProblem,
} from './types';

/**
 * Who may send an event, relative to the form.
 *
 * Admins act neither as reviewers nor as units (separation of duties): 批复 and 退回 are decisions of
 * the responsible 主管部门 and 申报 is the 实施单位's declaration, so the event history must name a
 * person of that organisation. An admin manages accounts and could otherwise give themselves any
 * outcome. Opening self-evaluation is only a scheduling step, so an admin may rerun it when the
 * year-end job did not.
 */
export const ACTOR_SCOPES = ['formUnit', 'departmentReviewer', 'yearEndJob'] as const;
export type ActorScope = (typeof ACTOR_SCOPES)[number];

export const ACTOR_SCOPE_LABELS: Record<ActorScope, string> = {
  formUnit: '本单位填报人员',
  departmentReviewer: '本主管部门审核人员',
  yearEndJob: '系统（年终任务）或系统管理员',
};

export function actorMayAct(scope: ActorScope, context: LifecycleContext, actor: LifecycleActor | undefined): boolean {
  // An event without an actor is nobody's: refused, never a crash.
  if (actor === undefined || actor === null) return false;
  switch (scope) {
    case 'formUnit':
      return actor.role === 'unit' && actor.orgId === context.unitId;
    case 'departmentReviewer':
      return actor.role === 'reviewer' && actor.orgId === context.departmentId;
    case 'yearEndJob':
      return actor.role === 'system' || actor.role === 'admin';
  }
}

// An instant as API.md writes it: ISO-8601 with an offset (or Z).
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instantMs(text: unknown): number | null {
  if (typeof text !== 'string' || !INSTANT.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function precheckProblems(event: LifecycleEventOf<'SUBMIT'>): LifecycleProblem[] {
  const errors = event.precheck?.errors;
  if (typeof errors !== 'number' || !Number.isInteger(errors) || errors < 0) {
    return [{ rule: 'precheckMissing', path: 'precheck', message: '缺少预检结果，不能申报' }];
  }
  // Warnings (content that only matters later) never block a submission; errors do.
  if (errors > 0) return [{ rule: 'precheckErrors', path: 'precheck', message: `预检发现 ${errors} 个错误，修改后才能申报` }];
  return [];
}

/** The event must come at or before the campaign's declaration deadline. */
function deadlineProblems(event: { at: string; campaign: { declarationDeadline: string } }, closedMessage: string): LifecycleProblem[] {
  const at = instantMs(event.at);
  const deadline = instantMs(event.campaign?.declarationDeadline);
  if (at === null) return [{ rule: 'invalidInstant', path: 'at', message: '事件时间格式不正确（应为带时区的 ISO-8601 时间）' }];
  if (deadline === null) {
    return [{ rule: 'invalidInstant', path: 'campaign.declarationDeadline', message: '申报截止时间格式不正确' }];
  }
  if (at > deadline) return [{ rule: 'declarationClosed', path: 'campaign.declarationDeadline', message: closedMessage }];
  return [];
}

function commentProblems(event: { comment?: unknown }): LifecycleProblem[] {
  const ok = typeof event.comment === 'string' && event.comment.trim().length > 0;
  return ok ? [] : [{ rule: 'commentRequired', path: 'comment', message: '请填写退回意见' }];
}

function approvedAmountProblems(event: LifecycleEventOf<'APPROVE'>): LifecycleProblem[] {
  const { approvedAmount, requestedTotal } = event;
  const problems: LifecycleProblem[] = [];
  if (!isMoney(approvedAmount)) {
    problems.push({ rule: 'moneyFormat', path: 'approvedAmount', message: '批复金额格式不正确（应为最多两位小数的数字字符串，单位元）' });
  }
  if (!isMoney(requestedTotal)) {
    problems.push({ rule: 'moneyFormat', path: 'requestedTotal', message: '申请总额格式不正确' });
  }
  if (problems.length > 0) return problems;
  // Zero is refused: the approved amount is the 全年预算数 that 预算执行率 divides by at year end;
  // a project that gets nothing is returned, not approved.
  if (compareMoney(approvedAmount, '0') <= 0) {
    return [{ rule: 'approvedAmountNotPositive', path: 'approvedAmount', message: '批复金额必须大于 0 元' }];
  }
  if (compareMoney(approvedAmount, requestedTotal) > 0) {
    return [
      {
        rule: 'approvedAmountAboveRequested',
        path: 'approvedAmount',
        message: `批复金额 ${approvedAmount} 元超过申请总额 ${requestedTotal} 元`,
      },
    ];
  }
  return [];
}

function selfEvaluationProblems(event: LifecycleEventOf<'SUBMIT_SELF_EVALUATION'>): LifecycleProblem[] {
  if (event.selfEvaluation?.complete === true) return [];
  const n = event.selfEvaluation?.problems;
  const detail = typeof n === 'number' && n > 0 ? `（${n} 处待完善）` : '';
  return [{ rule: 'selfEvaluationIncomplete', path: 'selfEvaluation', message: `年终自评尚未填写完整${detail}` }];
}

interface ContentRuleDef<T extends LifecycleEventType> {
  events: readonly T[];
  label: string;
  check: (event: LifecycleEventOf<T>) => LifecycleProblem[];
}
const rule = <T extends LifecycleEventType>(def: ContentRuleDef<T>) => def;

/** What the content of an event must satisfy, once the actor may send it. */
export const CONTENT_RULES = {
  firstSubmission: rule({
    events: ['SUBMIT'],
    label: '预检无错误；不晚于申报截止时间',
    check: (event) => [
      ...precheckProblems(event),
      ...deadlineProblems(event, `本批次申报已于 ${event.campaign?.declarationDeadline} 截止`),
    ],
  }),
  // A resubmission after 退回 is accepted after the declaration deadline: the unit could not have
  // fixed the form earlier, and late resubmissions are chased by reminders (DESIGN §3), not blocked.
  resubmission: rule({
    events: ['SUBMIT'],
    label: '预检无错误（截止后仍可重新申报）',
    check: precheckProblems,
  }),
  // After the deadline a withdrawn form could never be submitted again (a first submission must be
  // on time), so the unit cannot withdraw then; changes go through the reviewer's 退回 instead.
  withdrawBeforeDeadline: rule({
    events: ['WITHDRAW'],
    label: '不晚于申报截止时间（截止后如需修改请由主管部门退回）',
    check: (event) => deadlineProblems(event, '申报已截止，不能撤回；如需修改，请联系主管部门退回'),
  }),
  commentRequired: rule({
    events: ['RETURN', 'RETURN_SELF_EVALUATION'],
    label: '须填写退回意见',
    check: commentProblems,
  }),
  approvedAmount: rule({
    events: ['APPROVE'],
    label: '0 < 批复金额 ≤ 申请总额',
    check: approvedAmountProblems,
  }),
  selfEvaluationComplete: rule({
    events: ['SUBMIT_SELF_EVALUATION'],
    label: '自评填写完整',
    check: selfEvaluationProblems,
  }),
} as const;
export type ContentRule = keyof typeof CONTENT_RULES;

/** The problems of `event` under `rule`; empty when the rule holds. */
export function contentProblems(rule: ContentRule, event: LifecycleEvent): LifecycleProblem[] {
  const def: { events: readonly LifecycleEventType[]; check: (e: never) => LifecycleProblem[] } = CONTENT_RULES[rule];
  // A rule attached to the wrong event is a bug in the machine definition, not a client error.
  if (!def.events.includes(event.type)) throw new Error(`Content rule ${rule} does not apply to ${event.type}`);
  return (def.check as (e: LifecycleEvent) => LifecycleProblem[])(event);
}

/** Parameters of the machine's one guard: who may act, and which content rule must hold. */
export interface PermittedParams {
  who: ActorScope;
  rule?: ContentRule;
}

/** Pure: the actor may act and the content rule (if any) holds. */
export function isPermitted(context: LifecycleContext, event: LifecycleEvent, params: PermittedParams): boolean {
  if (!actorMayAct(params.who, context, event.actor)) return false;
  return params.rule === undefined || contentProblems(params.rule, event).length === 0;
}
