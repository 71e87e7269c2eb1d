import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplyEventResult, canonicalJson, runPrechecks } from '@app/domain';
import { FormsRepository, IdempotencyRepository, NextDeadlineRecord, pgErrorCode, UNIQUE_VIOLATION } from '@app/persistence';
import { FormTransitions } from '@app/workflow';
import { ApiError, ErrorDetail } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import type { FormEventDto } from '../../dto/form-event.dto';
import { versionConflict } from '../../form-errors';
import { formScope, lifecycleActor } from '../../form-scope';
import { formView, FormView } from '../../form-view';
import { SelfEvaluationChecks } from '../self-evaluation/self-evaluation-checks';
import { lifecycleEvent } from './lifecycle-event';

export interface ApplyEventCommand {
  formId: string;
  body: FormEventDto;
  caller: Caller;
  idempotencyKey?: string;
  path: string;
}

/**
 * The form after the event. `nextDeadline` comes from the event's own statement; it is absent when
 * the answer is a replay of an earlier response (the deadline may have moved on since: read it anew).
 */
export interface ApplyEventOutcome {
  view: FormView;
  nextDeadline?: NextDeadlineRecord | null;
}

/**
 * POST /api/forms/:id/events: read the form in the caller's scope, check the version, build the
 * machine event (actor, time, pre-checks, deadline) and hand it to FormTransitions, which writes
 * everything in one statement that applies only to the version read. Of two concurrent writers
 * exactly one applies; the other gets 409 VERSION_CONFLICT and nothing changes.
 */
@Injectable()
export class ApplyEventUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly transitions: FormTransitions,
    private readonly selfEvaluations: SelfEvaluationChecks,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ApplyEventCommand): Promise<ApplyEventOutcome> {
    // Only an idempotent request is compared with an earlier one.
    const requestHash = cmd.idempotencyKey ? createHash('sha256').update(canonicalJson({ path: cmd.path, body: cmd.body })).digest('hex') : '';
    const replay = async (): Promise<ApplyEventOutcome | null> => {
      const view = await this.replay(cmd, requestHash);
      return view && { view };
    };
    if (cmd.idempotencyKey) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    const form = await this.forms.findForEvent(cmd.formId, formScope(cmd.caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    if (cmd.body.version !== form.version) throw versionConflict(form.version);

    const precheck = runPrechecks({ year: form.year, content: form.content });
    const selfEvaluation = cmd.body.type === 'SUBMIT_SELF_EVALUATION' ? await this.selfEvaluations.summary(form) : undefined;
    const event = lifecycleEvent(cmd.body, { actor: lifecycleActor(cmd.caller), at: this.clock.now().toISOString(), form, precheck, selfEvaluation });
    let result;
    try {
      result = await this.transitions.apply({
        form,
        event,
        actor: { id: cmd.caller.id, username: cmd.caller.username, role: cmd.caller.role, orgId: cmd.caller.orgId },
        comment: cmd.body.comment?.trim() || null,
        idempotency: cmd.idempotencyKey
          ? { userId: cmd.caller.id, key: cmd.idempotencyKey, path: cmd.path, requestHash, respond: (after) => formView(after, cmd.caller, precheck) }
          : undefined,
      });
    } catch (err) {
      // The key was spent by a concurrent request on another form or version: answer as for a repeat.
      if (cmd.idempotencyKey && pgErrorCode(err) === UNIQUE_VIOLATION) {
        const earlier = await replay();
        if (earlier) return earlier;
      }
      throw err;
    }
    if (!result.ok) throw this.refusal(result.refusal, form.state, cmd.body.type, precheck.errors, selfEvaluation?.errors ?? []);
    if (result.applied) {
      return { view: (result.response as FormView | undefined) ?? formView(result.form, cmd.caller, precheck), nextDeadline: result.nextDeadline };
    }
    // Someone else changed the form since it was read: a repeat of this very request (same key), or another write.
    if (cmd.idempotencyKey) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    const current = await this.forms.findInScope(cmd.formId, formScope(cmd.caller));
    throw versionConflict(current?.version ?? form.version + 1);
  }

  private async replay(cmd: ApplyEventCommand, requestHash: string): Promise<FormView | null> {
    const stored = await this.idempotency.find(cmd.caller.id, cmd.idempotencyKey!);
    if (!stored) return null;
    if (stored.requestHash !== requestHash) {
      throw new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key 已用于内容不同的另一个请求，请换一个键');
    }
    return stored.response as FormView;
  }

  /** 409 (not now), 403 (not you) or 422 (each broken rule, with the pre-check or self-evaluation details). */
  private refusal(
    refusal: Exclude<ApplyEventResult, { ok: true }>,
    state: string,
    type: string,
    precheckErrors: ErrorDetail[],
    selfEvaluationErrors: ErrorDetail[],
  ): ApiError {
    switch (refusal.reason) {
      case 'notAllowed':
        return new ApiError(409, 'INVALID_TRANSITION', `“${state}”状态下不能执行 ${type}`, [
          { currentState: refusal.state, allowedEvents: refusal.allowedEvents },
        ]);
      case 'forbidden':
        return ApiError.forbidden('当前用户无权对该申报表执行此操作');
      case 'guardFailed': {
        // The machine counts the problems; the client needs each one with its path.
        const details: ErrorDetail[] = refusal.problems.flatMap((p) =>
          p.rule === 'precheckErrors'
            ? precheckErrors
            : p.rule === 'selfEvaluationIncomplete' && selfEvaluationErrors.length
              ? selfEvaluationErrors
              : [{ path: p.path, rule: p.rule, message: p.message }],
        );
        return ApiError.validation(details, '不满足操作条件');
      }
    }
  }
}
