import type { LifecycleActor, LifecycleEvent, PrecheckResult } from '@app/domain';
import type { FormForEvent } from '@app/persistence';
import type { FormEventDto } from '../../dto/form-event.dto';

export interface EventContext {
  actor: LifecycleActor;
  at: string;
  form: FormForEvent;
  precheck: PrecheckResult;
  /** For SUBMIT_SELF_EVALUATION: whether the self-evaluation is complete (scoring checks). */
  selfEvaluation?: { complete: boolean; problems: number };
}

/** The machine event for a request: the body plus what the guards need (actor, time, checks, deadline). */
export function lifecycleEvent(body: FormEventDto, ctx: EventContext): LifecycleEvent {
  const base = { actor: ctx.actor, at: ctx.at };
  const campaign = { declarationDeadline: ctx.form.campaign.declarationDeadline };
  switch (body.type) {
    case 'SUBMIT':
      return {
        ...base,
        type: 'SUBMIT',
        precheck: { errors: ctx.precheck.errors.length, warnings: ctx.precheck.warnings.length },
        campaign,
      };
    case 'WITHDRAW':
      return { ...base, type: 'WITHDRAW', campaign };
    case 'APPROVE':
      return { ...base, type: 'APPROVE', approvedAmount: body.approvedAmount ?? '', requestedTotal: ctx.form.requestedTotal ?? '', comment: body.comment };
    case 'RETURN':
      return { ...base, type: 'RETURN', comment: body.comment ?? '' };
    case 'RETURN_SELF_EVALUATION':
      return { ...base, type: 'RETURN_SELF_EVALUATION', comment: body.comment ?? '' };
    case 'CONFIRM_SELF_EVALUATION':
      return { ...base, type: 'CONFIRM_SELF_EVALUATION', comment: body.comment };
    case 'SUBMIT_SELF_EVALUATION':
      return { ...base, type: 'SUBMIT_SELF_EVALUATION', selfEvaluation: ctx.selfEvaluation ?? { complete: false, problems: 1 } };
    case 'START_REVIEW':
    case 'OPEN_SELF_EVALUATION':
      return { ...base, type: body.type };
  }
}
