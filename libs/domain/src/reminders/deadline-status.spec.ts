import { WorkingDayCalendar } from '../calendar';
import { LIFECYCLE_STATES } from '../lifecycle/types';
import { DEADLINE_LABELS, deadlineKindsByState, deadlineStatus } from './deadline-status';
import { DEADLINE_RULES } from './kinds';

// DESIGN §3 and the web page's 待办: each form shows its next deadline, how many working days are
// left (Asia/Shanghai, the official calendar) and whether it has passed.
const calendar = WorkingDayCalendar.chineseDays();
const now = new Date('2024-03-04T10:00:00+08:00'); // Monday

describe('deadlineKindsByState', () => {
  it('reads DEADLINE_RULES the other way round: the deadline that still matters in each state', () => {
    expect(deadlineKindsByState()).toEqual({
      draft: ['declaration'],
      declared: ['review'],
      reviewing: ['review'],
      returned: ['resubmission'],
      selfEvaluation: ['selfEvaluation'],
    });
  });

  it('has no deadline once approved, in self-evaluation review or completed', () => {
    const byState = deadlineKindsByState();
    for (const state of ['approved', 'selfEvaluationReview', 'completed'] as const) expect(byState[state]).toBeUndefined();
    for (const state of Object.keys(byState)) expect(LIFECYCLE_STATES).toContain(state);
  });
});

describe('deadlineStatus', () => {
  it('labels every deadline kind in Chinese', () => {
    expect(Object.keys(DEADLINE_LABELS).sort()).toEqual(Object.keys(DEADLINE_RULES).sort());
    expect(DEADLINE_LABELS).toEqual({ declaration: '申报截止', review: '审核截止', resubmission: '重新申报截止', selfEvaluation: '自评截止' });
  });

  it('a deadline ahead: Beijing time, working days left, not overdue', () => {
    expect(deadlineStatus({ kind: 'declaration', dueAt: new Date('2024-03-15T10:00:00Z') }, now, calendar)).toEqual({
      kind: 'declaration',
      label: '申报截止',
      dueAt: '2024-03-15T18:00:00+08:00',
      workingDaysLeft: 9,
      overdue: false,
    });
  });

  it('a deadline passed: overdue, and 0 or negative working days', () => {
    expect(deadlineStatus({ kind: 'review', dueAt: new Date('2024-03-01T00:00:00+08:00') }, now, calendar)).toMatchObject({
      label: '审核截止',
      workingDaysLeft: -2,
      overdue: true,
    });
    // Earlier the same day: overdue already, 0 working days.
    expect(deadlineStatus({ kind: 'resubmission', dueAt: new Date('2024-03-04T09:00:00+08:00') }, now, calendar)).toMatchObject({
      label: '重新申报截止',
      workingDaysLeft: 0,
      overdue: true,
    });
    // The very instant of the deadline counts as passed (the overdue notice fires then).
    expect(deadlineStatus({ kind: 'review', dueAt: now }, now, calendar).overdue).toBe(true);
  });

  it('a year without holiday data gives workingDaysLeft null, never an error', () => {
    expect(deadlineStatus({ kind: 'selfEvaluation', dueAt: new Date('2100-04-30T10:00:00Z') }, now, calendar)).toEqual({
      kind: 'selfEvaluation',
      label: '自评截止',
      dueAt: '2100-04-30T18:00:00+08:00',
      workingDaysLeft: null,
      overdue: false,
    });
  });

  it('passes errors on (a bug must not look like missing data)', () => {
    const broken = { workingDaysLeftIfKnown: (): number => { throw new TypeError('bug'); } };
    expect(() => deadlineStatus({ kind: 'review', dueAt: now }, now, broken)).toThrow(TypeError);
  });
});
