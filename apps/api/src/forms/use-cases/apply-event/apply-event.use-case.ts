import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { applyEvent, canonicalJson, money, planEffects, runPrechecks } from '@app/domain';
import { FormForEvent, FormsRepository, IdempotencyRepository, pgErrorCode, UNIQUE_VIOLATION } from '@app/persistence';
import { ApiError, ErrorDetail } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import type { FormEventDto } from '../../dto/form-event.dto';
import { versionConflict } from '../../form-errors';
import { formScope, lifecycleActor } from '../../form-scope';
import { formView, FormView, persistedLifecycle } from '../../form-view';
import { effectRows } from './effect-rows';
import { lifecycleEvent } from './lifecycle-event';
import { CalendarService } from '../../../calendar/calendar.service';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';

export interface ApplyEventCommand {
  formId: string;
  body: FormEventDto;
  caller: Caller;
  idempotencyKey?: string;
  path: string;
}


/**
 * POST /api/forms/:id/events. Read the form, check the version, step the machine with the pure
 * transition, then write the form, the chained event row, frozen revisions, outbox entries and the
 * idempotency record in one atomic statement that applies only to the version that was read. Of two
 * concurrent writers exactly one applies; the other gets 409 VERSION_CONFLICT and changes nothing.
 */
@Injectable()
export class ApplyEventUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channels = config.channels.map((c) => c.channel);
  }

  private readonly channels: string[];

  async execute(cmd: ApplyEventCommand): Promise<FormView> {
    const requestHash = createHash('sha256').update(canonicalJson({ path: cmd.path, body: cmd.body })).digest('hex');
    const replay = () => this.replay(cmd, requestHash);
    if (cmd.idempotencyKey) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    const form = await this.forms.findForEvent(cmd.formId, formScope(cmd.caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    if (cmd.body.version !== form.version) throw versionConflict(form.version);
    let outcome: { applied: boolean; view: FormView };
    try {
      outcome = await this.step(form, cmd, requestHash);
    } catch (err) {
      // The key was spent by a concurrent request on another form or version: answer as for a repeat.
      if (cmd.idempotencyKey && pgErrorCode(err) === UNIQUE_VIOLATION) {
        const earlier = await replay();
        if (earlier) return earlier;
      }
      throw err;
    }
    if (outcome.applied) return outcome.view;
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

  private async step(form: FormForEvent, cmd: ApplyEventCommand, requestHash: string): Promise<{ applied: boolean; view: FormView }> {
    const precheck = runPrechecks({ year: form.year, content: form.content });
    const at = this.clock.now().toISOString();
    const event = lifecycleEvent(cmd.body, { actor: lifecycleActor(cmd.caller), at, form, precheck });
    const result = applyEvent(persistedLifecycle(form), event);
    if (!result.ok) {
      switch (result.reason) {
        case 'notAllowed':
          throw new ApiError(409, 'INVALID_TRANSITION', `“${form.state}”状态下不能执行 ${cmd.body.type}`, [
            { currentState: result.state, allowedEvents: result.allowedEvents },
          ]);
        case 'forbidden':
          throw ApiError.forbidden('当前用户无权对该申报表执行此操作');
        case 'guardFailed': {
          // The machine counts pre-check errors; the client needs each one with its path.
          const details: ErrorDetail[] = result.problems.flatMap((p) =>
            p.rule === 'precheckErrors' ? precheck.errors : [{ path: p.path, rule: p.rule, message: p.message }],
          );
          throw ApiError.validation(details, '不满足操作条件');
        }
      }
    }
    const approvedAmount = cmd.body.type === 'APPROVE' ? money(cmd.body.approvedAmount!) : form.approvedAmount;
    const changes = {
      state: result.state,
      snapshot: result.snapshot.snapshot,
      machineVersion: result.snapshot.machineVersion,
      version: form.version + 1,
      requestedTotal: form.requestedTotal,
      approvedAmount,
    };
    const view = formView({ ...form, ...changes, lastEventSeq: form.lastEventSeq + 1, updatedAt: new Date(at) }, cmd.caller, precheck);
    // Revisions are frozen with the event; deadlines and notifications are rows of the same statement;
    // what is left (scoring) goes to the outbox for the worker.
    const revisions = result.effects.flatMap((e) =>
      e.type === 'freezeRevision' ? [{ reason: e.params.reason, approvedAmount: e.params.reason === 'approved' ? approvedAmount : null }] : [],
    );
    const plan = planEffects(result.effects, {
      at: new Date(at),
      campaign: { ...form.campaign, selfEvaluationDeadline: new Date(form.campaign.selfEvaluationDeadline) },
      calendar: await this.calendars.current(),
    });
    const comment = cmd.body.comment?.trim() || null;
    const { deadlines, notifications } = effectRows(plan, form, { comment, approvedAmount });
    const outbox = plan.outbox.map((e) => ({ type: e.type, payload: e }));
    const idempotency = cmd.idempotencyKey
      ? { userId: cmd.caller.id, key: cmd.idempotencyKey, path: cmd.path, requestHash, response: view }
      : undefined;
    const { applied } = await this.forms.saveWithEvent(
      form,
      changes,
      {
        type: cmd.body.type,
        from: result.from,
        to: result.state,
        formVersion: changes.version,
        actorId: cmd.caller.id,
        actorUsername: cmd.caller.username,
        actorRole: cmd.caller.role,
        actorOrgId: cmd.caller.orgId,
        comment,
        payload: cmd.body.type === 'APPROVE' ? { approvedAmount } : {},
        at,
      },
      { revisions, outbox, idempotency, deadlines, notifications, channels: this.channels },
    );
    return { applied, view };
  }
}
