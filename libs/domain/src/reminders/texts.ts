import type { NotificationKind } from './kinds';

/**
 * Titles and bodies of notifications, in Chinese, as templates with numbered placeholders that both
 * renderTemplate() and PostgreSQL's format() understand: %1$s project name, %2$s the deadline as
 * users read it (2024年03月15日 18:00), %3$s a comment or the actor. The sweep fills them in SQL for
 * thousands of forms at once; the API fills them in TypeScript for one form.
 */
export const NOTIFICATION_TEMPLATES: Record<NotificationKind, { title: string; body: string }> = {
  DECLARATION_DUE: { title: '申报截止提醒：%1$s', body: '项目“%1$s”的绩效目标申报表尚未申报，申报将于 %2$s 截止，请及时提交。' },
  DECLARATION_OVERDUE: { title: '申报已逾期：%1$s', body: '项目“%1$s”的绩效目标申报表未在 %2$s 前申报，已逾期，已同时告知主管部门。' },
  REVIEW_DUE: { title: '审核到期提醒：%1$s', body: '项目“%1$s”的绩效目标申报表待审核，审核时限于 %2$s 届满，请及时审核。' },
  REVIEW_OVERDUE: { title: '审核已逾期：%1$s', body: '项目“%1$s”的绩效目标申报表未在 %2$s 前完成审核，已逾期。' },
  RESUBMIT_DUE: { title: '重新申报提醒：%1$s', body: '项目“%1$s”的申报表已退回修改，请于 %2$s 前修改后重新申报。' },
  RESUBMIT_OVERDUE: { title: '重新申报已逾期：%1$s', body: '项目“%1$s”的申报表退回后未在 %2$s 前重新申报，已逾期，已同时告知主管部门。' },
  SELF_EVALUATION_DUE: { title: '年终自评截止提醒：%1$s', body: '项目“%1$s”的年终自评将于 %2$s 截止，请及时填报并提交。' },
  SELF_EVALUATION_OVERDUE: { title: '年终自评已逾期：%1$s', body: '项目“%1$s”的年终自评未在 %2$s 前提交，已逾期，已同时告知主管部门。' },
  FORM_SUBMITTED: { title: '新的申报待审核：%1$s', body: '项目“%1$s”的绩效目标申报表已申报，请在审核时限内审核。' },
  FORM_RETURNED: { title: '申报表已退回：%1$s', body: '项目“%1$s”的绩效目标申报表已被退回修改。退回意见：%3$s' },
  FORM_APPROVED: { title: '申报表已批复：%1$s', body: '项目“%1$s”的绩效目标申报表已批复。%3$s' },
  SELF_EVALUATION_OPENED: { title: '年终自评已开启：%1$s', body: '项目“%1$s”的年终自评已开启，请于 %2$s 前填报并提交。' },
  SELF_EVALUATION_SUBMITTED: { title: '新的自评待审核：%1$s', body: '项目“%1$s”的年终自评已提交，请审核。' },
  SELF_EVALUATION_RETURNED: { title: '年终自评已退回：%1$s', body: '项目“%1$s”的年终自评已被退回。退回意见：%3$s' },
  SELF_EVALUATION_CONFIRMED: { title: '年终自评已确认：%1$s', body: '项目“%1$s”的年终自评已确认。' },
  URGE: { title: '催办：%1$s', body: '主管部门催办项目“%1$s”，请尽快处理。%3$s' },
};

/** The same substitution as PostgreSQL's format('%1$s …', a, b, c) for %n$s placeholders. */
export function renderTemplate(template: string, args: readonly (string | null | undefined)[]): string {
  return template.replace(/%(\d)\$s/g, (_, n: string) => args[Number(n) - 1] ?? '');
}

const SHANGHAI = 8 * 3600 * 1000;

/** A deadline as users read it: "2024年03月15日 18:00" in Beijing time (the same as the SQL to_char). */
export function deadlineText(at: Date): string {
  const s = new Date(at.getTime() + SHANGHAI).toISOString();
  return `${s.slice(0, 4)}年${s.slice(5, 7)}月${s.slice(8, 10)}日 ${s.slice(11, 16)}`;
}

/** The SQL expression that renders a timestamptz column like deadlineText(). */
export const DEADLINE_TEXT_SQL = (column: string) =>
  `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY"年"MM"月"DD"日" HH24:MI')`;

export function notificationText(kind: NotificationKind, args: { projectName: string; dueAt?: Date | null; extra?: string | null }) {
  const t = NOTIFICATION_TEMPLATES[kind];
  const values = [args.projectName, args.dueAt ? deadlineText(args.dueAt) : '', args.extra ?? ''];
  return { title: renderTemplate(t.title, values), body: renderTemplate(t.body, values).trim() };
}
