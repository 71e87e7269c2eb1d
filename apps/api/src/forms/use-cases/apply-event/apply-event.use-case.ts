import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { applyEvent, canonicalJson, LifecycleEffect, money, runPrechecks } from '@app/domain';
import { CampaignsRepository, FormRecord, FormsRepository, IdempotencyRepository } from '@app/persistence';
import { ApiError, ErrorDetail } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import type { FormEventDto } from '../../dto/form-event.dto';
import { versionConflict } from '../../form-errors';
import { formScope, lifecycleActor } from '../../form-scope';
import { formView, FormView, persistedLifecycle } from '../../form-view';
import { lifecycleEvent } from './lifecycle-event';

export interface ApplyEventCommand {
  formId: string;
  body: FormEventDto;
  caller: Caller;
  idempotencyKey?: string;
  path: string;
}

/**
 * POST /api/forms/:id/events. One transaction: lock the form, replay an idempotent repeat, check the
 * version, step the machine with the pure transition, then write the form, the chained event row,
 * frozen revisions and the outbox entries of the effects together — all or nothing.
 */
@Injectable()
export class ApplyEventUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  execute(cmd: ApplyEventCommand): Promise<FormView> {
    const requestHash = createHash('sha256').update(canonicalJson({ path: cmd.path, body: cmd.body })).digest('hex');
    return this.forms.transaction(async (m) => {
      const form = await this.forms.findInScope(cmd.formId, formScope(cmd.caller), m, true);
      if (!form) throw ApiError.notFound('申报表不存在');
      // After the row lock: a concurrent request with the same key has committed by now, or failed.
      if (cmd.idempotencyKey) {
        const replay = await this.replay(m, cmd, requestHash);
        if (replay) return replay;
      }
      if (cmd.body.version !== form.version) throw versionConflict(form.version);
      const view = await this.step(m, form, cmd);
      if (cmd.idempotencyKey) {
        await this.idempotency.save(m, cmd.caller.id, cmd.idempotencyKey, { method: 'POST', path: cmd.path, requestHash, status: 200, response: view });
      }
      return view;
    });
  }

  private async replay(m: EntityManager, cmd: ApplyEventCommand, requestHash: string): Promise<FormView | null> {
    const stored = await this.idempotency.find(cmd.caller.id, cmd.idempotencyKey!, m);
    if (!stored) return null;
    if (stored.requestHash !== requestHash) {
      throw new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key 已用于内容不同的另一个请求，请换一个键');
    }
    return stored.response as FormView;
  }

  private async step(m: EntityManager, form: FormRecord, cmd: ApplyEventCommand): Promise<FormView> {
    // Inside the transaction's own connection: a second pool connection per locked form could
    // exhaust the pool while lock waiters hold the rest.
    const campaign = await this.campaigns.findInScope(form.campaignId, null, m);
    if (!campaign) throw new Error(`form ${form.id} has no campaign`);
    const precheck = runPrechecks({ year: form.year, content: form.content });
    const at = this.clock.now().toISOString();
    const event = lifecycleEvent(cmd.body, { actor: lifecycleActor(cmd.caller), at, form, campaign, precheck });
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
      content: form.content,
      requestedTotal: form.requestedTotal,
      approvedAmount,
    };
    const seq = await this.forms.saveWithEvent(m, form, changes, {
      type: cmd.body.type,
      from: result.from,
      to: result.state,
      formVersion: changes.version,
      actorId: cmd.caller.id,
      actorUsername: cmd.caller.username,
      actorRole: cmd.caller.role,
      actorOrgId: cmd.caller.orgId,
      comment: cmd.body.comment?.trim() || null,
      payload: cmd.body.type === 'APPROVE' ? { approvedAmount } : {},
      at,
    });
    await this.writeEffects(m, form, result.effects, seq, changes.version, approvedAmount, at);
    return formView({ ...form, ...changes, lastEventSeq: seq, updatedAt: new Date(at) }, cmd.caller);
  }

  private async writeEffects(
    m: EntityManager,
    form: FormRecord,
    effects: LifecycleEffect[],
    seq: number,
    version: number,
    approvedAmount: string | null,
    at: string,
  ): Promise<void> {
    const outbox = [];
    for (const effect of effects) {
      if (effect.type === 'freezeRevision') {
        await this.forms.insertRevision(m, form.id, {
          reason: effect.params.reason,
          eventSeq: seq,
          formVersion: version,
          content: form.content,
          approvedAmount: effect.params.reason === 'approved' ? approvedAmount : null,
          at,
        });
      } else {
        outbox.push({ type: effect.type, payload: effect });
      }
    }
    await this.forms.insertOutbox(m, form.id, seq, outbox);
  }
}
