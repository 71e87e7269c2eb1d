import type { LifecycleEffect } from '../lifecycle';
import { DEADLINE_RULES, REMINDER_KINDS, reminderRecipients, reminderRule } from './kinds';
import { planEffects, reminderSchedule } from './plan';
import { reminderSweepRules } from './sweep-rules';
import { deadlineText, NOTIFICATION_TEMPLATES, notificationText, renderTemplate } from './texts';

const at = new Date('2025-03-03T02:00:00Z'); // Monday 10:00 in Shanghai
// A stand-in calendar of plain weekdays: the real one (../calendar) is tested on its own.
const weekdays = {
  deadlineAfterWorkingDays(from: Date, n: number) {
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    while (n > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n--;
    }
    return new Date(d.getTime() + 16 * 3600 * 1000); // 24:00 Shanghai of that day
  },
};
const campaign = {
  reviewWorkingDays: 5,
  resubmitWorkingDays: 3,
  selfEvaluationDeadline: new Date('2026-04-30T10:00:00Z'),
  reminderOffsets: ['P7D', 'P3D', 'P1D'],
};
const effect = (e: Omit<LifecycleEffect, 'formId' | 'at'>) => ({ ...e, formId: 'f', at: at.toISOString() }) as LifecycleEffect;

// DESIGN §3: reminders before a deadline at the campaign's offsets, then the overdue notice.
describe('reminderSchedule', () => {
  it('keeps the offsets still in the future, in order, then the overdue notice at the deadline', () => {
    const due = new Date('2025-03-10T16:00:00Z');
    // From a later instant the 7-day reminder is already past and is not sent late.
    expect(reminderSchedule('review', due, ['P7D'], new Date('2025-03-04T00:00:00Z')).map((r) => r.step)).toEqual(['overdue']);
    const plan = reminderSchedule('review', due, ['P7D', 'P1D', 'P3D'], at);
    expect(plan.map((r) => [r.kind, r.step, r.fireAt.toISOString()])).toEqual([
      ['REVIEW_DUE', 'P7D', '2025-03-03T16:00:00.000Z'],
      ['REVIEW_DUE', 'P3D', '2025-03-07T16:00:00.000Z'],
      ['REVIEW_DUE', 'P1D', '2025-03-09T16:00:00.000Z'],
      ['REVIEW_OVERDUE', 'overdue', '2025-03-10T16:00:00.000Z'],
    ]);
  });

  it('sends second-scale offsets (PT2S) as tests use them', () => {
    const due = new Date(at.getTime() + 5_000);
    expect(reminderSchedule('declaration', due, ['PT2S'], at).map((r) => r.step)).toEqual(['PT2S', 'overdue']);
  });
});

describe('planEffects', () => {
  it('a SUBMIT starts the review clock: N working days, with reminders and the overdue notice', () => {
    const plan = planEffects(
      [effect({ type: 'scheduleDeadline', params: { kind: 'review' } }), effect({ type: 'notify', params: { kind: 'FORM_SUBMITTED', to: 'department' } })],
      { at, campaign, calendar: weekdays },
    );
    // Monday 2025-03-03 + 5 working days = Monday 2025-03-10, ending at its 24:00 in Shanghai.
    expect(plan.schedule).toHaveLength(1);
    expect(plan.schedule[0]).toMatchObject({ kind: 'review', dueAt: new Date('2025-03-10T16:00:00Z') });
    expect(plan.schedule[0].reminders.map((r) => r.step)).toEqual(['P7D', 'P3D', 'P1D', 'overdue']);
    expect(plan.notify).toEqual([{ kind: 'FORM_SUBMITTED', to: 'department' }]);
  });

  it('a RETURN cancels the review clock and starts the resubmission one', () => {
    const plan = planEffects(
      [
        effect({ type: 'cancelDeadline', params: { kind: 'review' } }),
        effect({ type: 'scheduleDeadline', params: { kind: 'resubmission' } }),
        effect({ type: 'notify', params: { kind: 'FORM_RETURNED', to: 'unit' } }),
      ],
      { at, campaign, calendar: weekdays },
    );
    expect(plan.cancel).toEqual(['review']);
    expect(plan.schedule[0]).toMatchObject({ kind: 'resubmission', dueAt: new Date('2025-03-06T16:00:00Z') });
  });

  it('self-evaluation ends at the campaign deadline; scoring is left for the worker', () => {
    const plan = planEffects(
      [effect({ type: 'scheduleDeadline', params: { kind: 'selfEvaluation' } }), effect({ type: 'enqueueScoring', params: {} })],
      { at, campaign, calendar: weekdays },
    );
    expect(plan.schedule[0].dueAt).toEqual(campaign.selfEvaluationDeadline);
    expect(plan.outbox.map((e) => e.type)).toEqual(['enqueueScoring']);
  });
});

describe('reminder kinds and recipients (DESIGN §3)', () => {
  it('reminds whoever must act; an overdue item also escalates to the department', () => {
    expect(reminderRecipients('DECLARATION_DUE')).toEqual(['unit']);
    expect(reminderRecipients('DECLARATION_OVERDUE')).toEqual(['unit', 'department']);
    expect(reminderRecipients('RESUBMIT_OVERDUE')).toEqual(['unit', 'department']);
    expect(reminderRecipients('REVIEW_DUE')).toEqual(['department']);
    expect(reminderRecipients('REVIEW_OVERDUE')).toEqual(['department']);
    expect(reminderRecipients('SELF_EVALUATION_OVERDUE')).toEqual(['unit', 'department']);
  });

  it('maps every reminder kind back to its deadline', () => {
    for (const kind of REMINDER_KINDS) expect(DEADLINE_RULES[reminderRule(kind).deadline]).toBeDefined();
    expect(() => reminderRule('URGE' as never)).toThrow();
  });
});

describe('notification texts', () => {
  it('renders %n$s placeholders like PostgreSQL format()', () => {
    expect(renderTemplate('%1$s：%2$s；%1$s', ['甲', '乙'])).toBe('甲：乙；甲');
    expect(renderTemplate('%3$s', [])).toBe('');
  });

  it('shows deadlines in Beijing time', () => {
    expect(deadlineText(new Date('2024-03-15T10:00:00Z'))).toBe('2024年03月15日 18:00');
  });

  it('has a Chinese title and body for every kind, naming the project', () => {
    for (const [kind, t] of Object.entries(NOTIFICATION_TEMPLATES)) {
      expect([kind, t.title.includes('%1$s'), /[\u4e00-\u9fff]/.test(t.body)]).toEqual([kind, true, true]);
    }
    expect(notificationText('DECLARATION_DUE', { projectName: '热线服务保障经费', dueAt: new Date('2024-03-15T10:00:00Z') })).toEqual({
      title: '申报截止提醒：热线服务保障经费',
      body: '项目“热线服务保障经费”的绩效目标申报表尚未申报，申报将于 2024年03月15日 18:00 截止，请及时提交。',
    });
  });
});

describe('reminderSweepRules', () => {
  it('covers every reminder kind with its states, recipients and texts', () => {
    const rules = reminderSweepRules();
    expect(rules.map((r) => r.kind)).toEqual([...REMINDER_KINDS]);
    expect(rules.find((r) => r.kind === 'DECLARATION_OVERDUE')).toMatchObject({ states: ['draft'], toUnit: true, toDepartment: true });
    expect(rules.find((r) => r.kind === 'REVIEW_DUE')).toMatchObject({ states: ['declared', 'reviewing'], toUnit: false, toDepartment: true });
  });
});
