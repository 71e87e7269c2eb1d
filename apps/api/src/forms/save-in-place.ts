import type { FormRecord, FormsRepository, NextDeadlineRecord, StoredContent } from '@app/persistence';
import type { Caller } from '../common/caller';
import { versionConflict } from './form-errors';
import { formScope } from './form-scope';

/** How the journal names the caller. */
export function journalActor(caller: Caller) {
  return { actorId: caller.id, actorUsername: caller.username, actorRole: caller.role, actorOrgId: caller.orgId };
}

/**
 * Writes a change that keeps the form's state (its content, its self-evaluation) as an event of its
 * own, from the state to itself, only if the form is still at the version read; 409 otherwise.
 * Answers the form as written and its next deadline (read by the same statement).
 */
export async function saveInPlace(
  forms: FormsRepository,
  form: FormRecord,
  caller: Caller,
  at: string,
  type: 'UPDATE' | 'SELF_EVALUATION_UPDATE',
  change: { content?: StoredContent; selfEvaluation?: unknown; payload?: unknown },
): Promise<{ form: FormRecord; nextDeadline: NextDeadlineRecord | null }> {
  const changes = {
    state: form.state,
    snapshot: form.snapshot,
    machineVersion: form.machineVersion,
    version: form.version + 1,
    requestedTotal: change.content ? change.content.funds.total || null : form.requestedTotal,
    approvedAmount: form.approvedAmount,
    content: change.content,
    selfEvaluation: change.selfEvaluation,
  };
  const { applied, seq, nextDeadline } = await forms.saveWithEvent(form, changes, {
    type,
    from: form.state,
    to: form.state,
    formVersion: changes.version,
    ...journalActor(caller),
    comment: null,
    payload: change.payload ?? {},
    at,
  });
  // A concurrent write (an edit, a submission) got there first: nothing was changed.
  if (!applied) throw versionConflict((await forms.findInScope(form.id, formScope(caller)))?.version ?? form.version + 1);
  const after = {
    ...form,
    ...changes,
    content: change.content ?? form.content,
    selfEvaluation: change.selfEvaluation ?? form.selfEvaluation,
    lastEventSeq: seq,
    updatedAt: new Date(at),
  };
  return { form: after, nextDeadline };
}
