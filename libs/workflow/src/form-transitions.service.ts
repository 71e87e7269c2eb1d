import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { applyEvent, ApplyEventResult, LifecycleEvent, money, PersistedLifecycle, planEffects } from '@app/domain';
import { FormForEvent, FormRecord, FormsRepository, NextDeadlineRecord } from '@app/persistence';
import { CalendarService } from './calendar.service';
import { effectRows } from './effect-rows';

/** Who the journal names: a user, or the system (the year-end job). */
export interface JournalActor {
  id: string | null;
  username: string;
  role: string;
  orgId: string | null;
}

export interface TransitionRequest {
  form: FormForEvent;
  /** The machine event, with its actor and time. */
  event: LifecycleEvent;
  actor: JournalActor;
  comment: string | null;
  /** For an idempotent request: the key, and the response to replay, computed from the form after the event. */
  idempotency?: { userId: string; key: string; path: string; requestHash: string; respond: (after: FormRecord) => unknown };
}

export type TransitionResult =
  | { ok: false; refusal: Exclude<ApplyEventResult, { ok: true }> }
  /**
   * `applied` false: the form changed since it was read (someone else's event won); nothing was written.
   * `nextDeadline`: the form's next deadline after the event (as FormsRepository.nextDeadline reads it).
   */
  | { ok: true; applied: boolean; form: FormRecord; response?: unknown; nextDeadline: NextDeadlineRecord | null };

export function persistedLifecycle(form: Pick<FormRecord, 'snapshot' | 'machineVersion'>): PersistedLifecycle {
  return { machineVersion: form.machineVersion, snapshot: form.snapshot as PersistedLifecycle['snapshot'] };
}

/**
 * Applies one lifecycle event to a form that was read: steps the machine with the pure transition,
 * plans the effects (revisions, deadlines with their reminders, notifications, outbox) and writes all
 * of it with the event in one atomic statement, only if the form is still at the version read. Used by
 * the API (users' events) and the worker (the year-end job's OPEN_SELF_EVALUATION): one code path for
 * every state change.
 */
@Injectable()
export class FormTransitions {
  private readonly channels: string[];

  constructor(
    private readonly forms: FormsRepository,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channels = config.enabledChannels;
  }

  async apply(req: TransitionRequest): Promise<TransitionResult> {
    const { form, event } = req;
    const result = applyEvent(persistedLifecycle(form), event);
    if (!result.ok) return { ok: false, refusal: result };
    const approvedAmount = event.type === 'APPROVE' ? money(event.approvedAmount) : form.approvedAmount;
    const changes = {
      state: result.state,
      snapshot: result.snapshot.snapshot,
      machineVersion: result.snapshot.machineVersion,
      version: form.version + 1,
      requestedTotal: form.requestedTotal,
      approvedAmount,
    };
    const after: FormRecord = { ...form, ...changes, lastEventSeq: form.lastEventSeq + 1, updatedAt: new Date(event.at) };
    const response = req.idempotency?.respond(after);
    // Revisions are frozen with the event; deadlines and notifications are rows of the same statement;
    // what is left (scoring) goes to the outbox for the worker.
    const revisions = result.effects.flatMap((e) =>
      e.type === 'freezeRevision' ? [{ reason: e.params.reason, approvedAmount: e.params.reason === 'approved' ? approvedAmount : null }] : [],
    );
    const plan = planEffects(result.effects, {
      at: new Date(event.at),
      campaign: { ...form.campaign, selfEvaluationDeadline: new Date(form.campaign.selfEvaluationDeadline) },
      calendar: await this.calendars.current(),
    });
    const { deadlines, notifications } = effectRows(plan, form, { comment: req.comment, approvedAmount });
    const { applied, nextDeadline } = await this.forms.saveWithEvent(
      form,
      changes,
      {
        type: event.type,
        from: result.from,
        to: result.state,
        formVersion: changes.version,
        actorId: req.actor.id,
        actorUsername: req.actor.username,
        actorRole: req.actor.role,
        actorOrgId: req.actor.orgId,
        comment: req.comment,
        payload: event.type === 'APPROVE' ? { approvedAmount } : {},
        at: event.at,
      },
      {
        revisions,
        outbox: plan.outbox.map((e) => ({ type: e.type, payload: e })),
        idempotency: req.idempotency && { ...req.idempotency, response },
        deadlines,
        notifications,
        channels: this.channels,
      },
    );
    return { ok: true, applied, form: after, response, nextDeadline };
  }
}
