import { check, cleanForm, findingsOf } from './spec-kit';

describe('pre-checks: the clean form', () => {
  it('passes every rule', () => {
    expect(check(cleanForm())).toEqual({ errors: [], warnings: [] });
  });
});

// Rule 1 — 审核要点: the form header is complete.
describe('header.required / header.recommended (审核要点: 表头完整)', () => {
  it('errors on a blank 项目名称, 项目类别 and 年度总体目标 (markup alone is blank)', () => {
    const result = check({ ...cleanForm(), projectName: '  ', category: '', annualGoal: '<p> </p>' });
    expect(findingsOf(result, 'header.required').map((f) => [f.path, f.severity])).toEqual([
      ['projectName', 'error'],
      ['category', 'error'],
      ['annualGoal', 'error'],
    ]);
    expect(result.errors[0].message).toBe('请填写项目名称。');
  });

  it('errors on blank planned dates (and leaves the date format rule quiet)', () => {
    const result = check({ ...cleanForm(), plannedStart: '', plannedEnd: '' });
    expect(findingsOf(result, 'header.required').map((f) => f.path)).toEqual(['plannedStart', 'plannedEnd']);
    expect(findingsOf(result, 'dates.format')).toEqual([]);
  });

  it('only warns on a blank 项目总目标 or 项目性质 (blank in real published forms)', () => {
    const result = check({ ...cleanForm(), overallGoal: '', nature: '' });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((f) => [f.rule, f.path])).toEqual([
      ['header.recommended', 'nature'],
      ['header.recommended', 'overallGoal'],
    ]);
  });
});

// Rule 2 — 审核要点: 计划开始/完成日期 valid, ordered, inside the 预算年度.
describe('dates.format / dates.order / dates.budget-year (审核要点: 实施期限)', () => {
  it('errors on dates that are not real YYYY-MM-DD dates', () => {
    const result = check({ ...cleanForm(), plannedStart: '2024/01/01', plannedEnd: '2024-02-30' });
    expect(findingsOf(result, 'dates.format').map((f) => f.path)).toEqual(['plannedStart', 'plannedEnd']);
    expect(findingsOf(result, 'dates.order')).toEqual([]);
  });

  it('errors when the start is after the end', () => {
    const result = check({ ...cleanForm(), plannedStart: '2024-07-01', plannedEnd: '2024-06-30' });
    expect(findingsOf(result, 'dates.order')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'plannedEnd' }),
    ]);
  });

  it('accepts a one-day project and a leap day', () => {
    const result = check({ ...cleanForm(), plannedStart: '2024-02-29', plannedEnd: '2024-02-29' });
    expect(result.errors).toEqual([]);
  });

  it('errors on dates outside the budget year', () => {
    const result = check({ ...cleanForm(), plannedStart: '2023-12-01', plannedEnd: '2025-01-31' });
    expect(findingsOf(result, 'dates.budget-year').map((f) => f.path)).toEqual(['plannedStart', 'plannedEnd']);
    expect(check(cleanForm(), 2025).errors.map((f) => f.rule)).toEqual(['dates.budget-year', 'dates.budget-year']);
  });
});

// Rule 3 — 审核要点: 项目资金 non-negative and adding up, exactly (decimal, never float).
describe('funds.format / funds.non-negative / funds.sum (审核要点: 资金测算)', () => {
  it('errors on amounts that are not money (thousands separators, 3 decimals, numbers, blanks)', () => {
    const funds = { total: '937,980.00', currentYear: '1.005', carryOver: 0 as unknown as string, other: '' };
    const result = check({ ...cleanForm(), funds });
    expect(findingsOf(result, 'funds.format').map((f) => f.path)).toEqual([
      'funds.total',
      'funds.currentYear',
      'funds.carryOver',
      'funds.other',
    ]);
    expect(findingsOf(result, 'funds.sum')).toEqual([]);
  });

  it('errors on a negative amount', () => {
    const funds = { total: '900000.00', currentYear: '910000.00', carryOver: '-10000.00', other: '0.00' };
    const result = check({ ...cleanForm(), funds });
    expect(findingsOf(result, 'funds.non-negative').map((f) => f.path)).toEqual(['funds.carryOver']);
  });

  it('errors when total ≠ 当年财政拨款 + 上年结转资金 + 其他资金, even by one fen', () => {
    const funds = { total: '910000.01', currentYear: '900000.00', carryOver: '10000.00', other: '0.00' };
    const [finding] = findingsOf(check({ ...cleanForm(), funds }), 'funds.sum');
    expect(finding).toEqual(expect.objectContaining({ severity: 'error', path: 'funds.total' }));
    expect(finding.message).toContain('910000.00');
  });

  it('adds exactly where floating point would not (0.1 + 0.2 = 0.3)', () => {
    const funds = { total: '0.30', currentYear: '0.10', carryOver: '0.20', other: '0' };
    expect(findingsOf(check({ ...cleanForm(), funds }), 'funds.sum')).toEqual([]);
  });
});
