import { EffectPlan, formatYuan, money, notificationText } from '@app/domain';
import type { DeadlineChanges, EventNotification, FormForEvent } from '@app/persistence';

/**
 * A planned transition's deadlines and notifications as the rows the event statement writes: the
 * recipients are the users of the form's unit or the reviewers of its department.
 */
export function effectRows(
  plan: EffectPlan,
  form: FormForEvent,
  extra: { comment: string | null; approvedAmount: string | null },
): { deadlines: DeadlineChanges; notifications: EventNotification[] } {
  const selfEvaluationDue = plan.schedule.find((d) => d.kind === 'selfEvaluation')?.dueAt ?? null;
  const notifications = plan.notify.map(({ kind, to }): EventNotification => {
    const detail =
      kind === 'FORM_APPROVED' && extra.approvedAmount ? `批复金额 ${formatYuan(money(extra.approvedAmount))} 元。` : (extra.comment ?? '');
    const text = notificationText(kind, { projectName: form.content.projectName, dueAt: selfEvaluationDue, extra: detail });
    return to === 'unit'
      ? { kind, orgId: form.unitId, role: 'unit', ...text }
      : { kind, orgId: form.departmentId, role: 'reviewer', ...text };
  });
  return { deadlines: { cancel: plan.cancel, schedule: plan.schedule }, notifications };
}
