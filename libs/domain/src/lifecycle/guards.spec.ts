import { applyEvent } from './api';
import { contentProblems } from './guards';
import {
  ACTORS,
  AFTER_DEADLINE,
  DEADLINE,
  eventOf,
  persistedIn,
  REQUESTED,
  valid,
} from './lifecycle.fixtures';
import type { LifecycleEvent, LifecycleProblem } from './types';

const rules = (problems: LifecycleProblem[]) => problems.map((p) => [p.rule, p.path]);

function refusal(state: Parameters<typeof persistedIn>[0], event: LifecycleEvent) {
  const result = applyEvent(persistedIn(state), event);
  if (result.ok || result.reason !== 'guardFailed') throw new Error(`expected guardFailed, got ${JSON.stringify(result)}`);
  return result.problems;
}

describe('comment on RETURN and RETURN_SELF_EVALUATION', () => {
  const withComment = (type: 'RETURN' | 'RETURN_SELF_EVALUATION', comment: unknown) =>
    ({ ...valid(type), comment }) as LifecycleEvent;

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '  \n\t'],
    ['full-width spaces only', '\u3000\u3000'],
    ['not a string', 42],
  ])('RETURN with a %s comment → commentRequired', (_, comment) => {
    expect(rules(refusal('reviewing', withComment('RETURN', comment)))).toEqual([['commentRequired', 'comment']]);
  });

  it('RETURN_SELF_EVALUATION with a blank comment → commentRequired', () => {
    const problems = refusal('selfEvaluationReview', withComment('RETURN_SELF_EVALUATION', ' '));
    expect(problems).toEqual([{ rule: 'commentRequired', path: 'comment', message: '请填写退回意见' }]);
  });

  it('accepts a comment with surrounding spaces', () => {
    expect(applyEvent(persistedIn('reviewing'), withComment('RETURN', '  请补充满意度指标 '))).toMatchObject({ ok: true, state: 'returned' });
  });

  it('checks who before content: a unit returning without a comment is forbidden, not 422', () => {
    const event = { ...eventOf('RETURN', ACTORS.ownUnit), comment: '' };
    expect(applyEvent(persistedIn('reviewing'), event)).toEqual({ ok: false, reason: 'forbidden', state: 'reviewing' });
  });
});

describe('approved amount (exact decimals)', () => {
  const approve = (approvedAmount: unknown, requestedTotal: unknown = REQUESTED) =>
    ({ ...valid('APPROVE'), approvedAmount, requestedTotal }) as LifecycleEvent;

  it('accepts an amount equal to the requested total', () => {
    expect(applyEvent(persistedIn('reviewing'), approve(REQUESTED))).toMatchObject({ ok: true, state: 'approved' });
  });

  it('accepts equal amounts written with a different number of decimals', () => {
    expect(applyEvent(persistedIn('reviewing'), approve('1819200', '1819200.00'))).toMatchObject({ ok: true });
  });

  it('accepts the smallest positive amount, one fen', () => {
    expect(applyEvent(persistedIn('reviewing'), approve('0.01'))).toMatchObject({ ok: true });
  });

  it('refuses one fen above the requested total', () => {
    const problems = refusal('reviewing', approve('1819200.01'));
    expect(problems).toEqual([
      {
        rule: 'approvedAmountAboveRequested',
        path: 'approvedAmount',
        message: '批复金额 1819200.01 元超过申请总额 1819200.00 元',
      },
    ]);
  });

  it('compares beyond float precision (equal as doubles, not as money)', () => {
    expect(Number('9007199254740993.02') === Number('9007199254740993.01')).toBe(true);
    expect(rules(refusal('reviewing', approve('9007199254740993.02', '9007199254740993.01')))).toEqual([
      ['approvedAmountAboveRequested', 'approvedAmount'],
    ]);
  });

  it.each([['0.00'], ['0'], ['-1.00']])('refuses %s: the approved amount must be positive', (amount) => {
    expect(rules(refusal('reviewing', approve(amount)))).toEqual([['approvedAmountNotPositive', 'approvedAmount']]);
  });

  it.each([['12.345'], ['1,000.00'], ['1e5'], [''], [' 100.00'], [900000], [null]])(
    'refuses malformed money %j',
    (amount) => {
      expect(rules(refusal('reviewing', approve(amount)))).toEqual([['moneyFormat', 'approvedAmount']]);
    },
  );

  it('refuses a malformed requested total, and reports both fields when both are malformed', () => {
    expect(rules(refusal('reviewing', approve('100.00', 1819200)))).toEqual([['moneyFormat', 'requestedTotal']]);
    expect(rules(refusal('reviewing', approve('abc', '')))).toEqual([
      ['moneyFormat', 'approvedAmount'],
      ['moneyFormat', 'requestedTotal'],
    ]);
  });
});

describe('SUBMIT: pre-checks and the declaration deadline', () => {
  const submit = (patch: Partial<Record<'precheck' | 'campaign' | 'at', unknown>>) =>
    ({ ...valid('SUBMIT'), ...patch }) as LifecycleEvent;

  it('refuses pre-check errors', () => {
    const problems = refusal('draft', submit({ precheck: { errors: 3, warnings: 0 } }));
    expect(problems).toEqual([{ rule: 'precheckErrors', path: 'precheck', message: '预检发现 3 个错误，修改后才能申报' }]);
  });

  it('accepts warnings only', () => {
    expect(applyEvent(persistedIn('draft'), submit({ precheck: { errors: 0, warnings: 7 } }))).toMatchObject({ ok: true });
  });

  it.each([[undefined], [{}], [{ errors: -1 }], [{ errors: 1.5 }], [{ errors: '0' }]])(
    'refuses a missing or malformed pre-check result %j',
    (precheck) => {
      expect(rules(refusal('draft', submit({ precheck })))).toEqual([['precheckMissing', 'precheck']]);
    },
  );

  it('refuses a first submission after the deadline', () => {
    const problems = refusal('draft', submit({ at: AFTER_DEADLINE }));
    expect(problems).toEqual([
      { rule: 'declarationClosed', path: 'campaign.declarationDeadline', message: `本批次申报已于 ${DEADLINE} 截止` },
    ]);
  });

  it('refuses one second after the deadline, accepts the deadline instant itself in any offset', () => {
    expect(rules(refusal('draft', submit({ at: '2024-03-15T18:00:01+08:00' })))).toEqual([
      ['declarationClosed', 'campaign.declarationDeadline'],
    ]);
    expect(applyEvent(persistedIn('draft'), submit({ at: DEADLINE }))).toMatchObject({ ok: true });
    expect(applyEvent(persistedIn('draft'), submit({ at: '2024-03-15T10:00:00Z' }))).toMatchObject({ ok: true });
    expect(applyEvent(persistedIn('draft'), submit({ at: '2024-03-15T10:00:00.001Z' }))).toMatchObject({ ok: false });
  });

  it('reports pre-check errors and a closed declaration together', () => {
    expect(rules(refusal('draft', submit({ at: AFTER_DEADLINE, precheck: { errors: 1 } })))).toEqual([
      ['precheckErrors', 'precheck'],
      ['declarationClosed', 'campaign.declarationDeadline'],
    ]);
  });

  it.each([
    ['at', { at: '2024-03-01 09:30' }],
    ['at', { at: '2024-03-01T09:30:00' }],
    ['campaign.declarationDeadline', { campaign: { declarationDeadline: '2024-03-15' } }],
    ['campaign.declarationDeadline', { campaign: undefined }],
  ])('refuses an instant without an offset (%s)', (path, patch) => {
    expect(rules(refusal('draft', submit(patch)))).toEqual([['invalidInstant', path]]);
  });

  it('accepts a resubmission after the deadline (late returns are chased by reminders)', () => {
    expect(applyEvent(persistedIn('returned'), submit({ at: AFTER_DEADLINE }))).toMatchObject({ ok: true, state: 'declared' });
  });

  it('still refuses a resubmission with pre-check errors', () => {
    expect(rules(refusal('returned', submit({ at: AFTER_DEADLINE, precheck: { errors: 1 } })))).toEqual([
      ['precheckErrors', 'precheck'],
    ]);
  });
});

describe('SUBMIT_SELF_EVALUATION', () => {
  const submit = (selfEvaluation: unknown) => ({ ...valid('SUBMIT_SELF_EVALUATION'), selfEvaluation }) as LifecycleEvent;

  it('refuses an incomplete self-evaluation, counting its problems', () => {
    expect(refusal('selfEvaluation', submit({ complete: false, problems: 4 }))).toEqual([
      { rule: 'selfEvaluationIncomplete', path: 'selfEvaluation', message: '年终自评尚未填写完整（4 处待完善）' },
    ]);
    expect(rules(refusal('selfEvaluation', submit(undefined)))).toEqual([['selfEvaluationIncomplete', 'selfEvaluation']]);
  });

  it('accepts a complete one', () => {
    expect(applyEvent(persistedIn('selfEvaluation'), submit({ complete: true, problems: 0 }))).toMatchObject({ ok: true });
  });
});

describe('contentProblems', () => {
  it('rejects a rule applied to an event it does not belong to (a definition bug)', () => {
    expect(() => contentProblems('commentRequired', valid('SUBMIT'))).toThrow('does not apply to SUBMIT');
  });

  it('is pure: the same event gives the same problems', () => {
    const event = { ...valid('APPROVE'), approvedAmount: '2000000.00' } as LifecycleEvent;
    expect(contentProblems('approvedAmount', event)).toEqual(contentProblems('approvedAmount', event));
    expect(event).toEqual({ ...valid('APPROVE'), approvedAmount: '2000000.00' });
  });
});

// Withdrawing after the declaration deadline would strand the form in 草稿 (a first submission must be on time).
describe('WITHDRAW and the declaration deadline', () => {
  it('is accepted at or before the deadline', () => {
    const result = applyEvent(persistedIn('declared'), valid('WITHDRAW', DEADLINE));
    expect(result.ok).toBe(true);
  });

  it('is refused after the deadline, pointing the unit to the reviewer', () => {
    const result = applyEvent(persistedIn('declared'), valid('WITHDRAW', AFTER_DEADLINE));
    expect(result).toMatchObject({ ok: false, reason: 'guardFailed', problems: [{ rule: 'declarationClosed', message: expect.stringContaining('退回') }] });
  });
});
