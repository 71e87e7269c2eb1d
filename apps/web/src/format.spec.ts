import { deadlineText, formatDateTime, formatDueAt, formatMoney, isMoney, yuanToWan } from './format';

// What users read on the page: money exactly as stored (API.md: decimal strings in 元, never floats),
// 万元 beside 元 as the published 申报表 print it, instants in Beijing time, deadlines in working days.
describe('formatting for the page', () => {
  it('groups 元 by thousands without going through a number', () => {
    expect(formatMoney('1819200.00')).toBe('1,819,200.00');
    expect(formatMoney('937980')).toBe('937,980.00');
    expect(formatMoney('0.5')).toBe('0.50');
    // Beyond what a double holds exactly: still every digit.
    expect(formatMoney('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(formatMoney('')).toBe('—');
    expect(formatMoney('约100万')).toBe('约100万');
  });

  it('shows 万元 by moving the decimal point four places (1,819,200 元 = 181.92 万元)', () => {
    expect(yuanToWan('1819200.00')).toBe('181.92');
    expect(yuanToWan('775000')).toBe('77.50');
    expect(yuanToWan('5.5')).toBe('0.00055');
    expect(yuanToWan('0.01')).toBe('0.000001');
    expect(yuanToWan('10000.00')).toBe('1.00');
    expect(yuanToWan('123456789012.34')).toBe('12345678.901234');
  });

  it('accepts money as the API does: at most 2 decimals, no sign, no grouping', () => {
    for (const ok of ['0', '1819200.00', '0.5', '1234567890123.99']) expect(isMoney(ok)).toBe(true);
    for (const bad of ['', '-1', '1.234', '1,000', '1e5', ' 1', '１００']) expect(isMoney(bad)).toBe(false);
  });

  it('shows instants in Beijing time whatever the browser’s zone', () => {
    expect(formatDateTime('2024-03-15T10:00:00Z')).toBe('2024/03/15 18:00');
    expect(formatDateTime('2024-03-15T18:00:00+08:00')).toBe('2024/03/15 18:00');
    expect(formatDateTime(null)).toBe('—');
  });

  it('shows a deadline at 00:00 as 24:00 of the day before (民法典 §203: the period ends at 24:00)', () => {
    expect(formatDueAt('2024-03-09T00:00:00+08:00')).toBe('2024/03/08 24:00');
    expect(formatDueAt('2024-03-01T00:00:00+08:00')).toBe('2024/02/29 24:00');
    expect(formatDueAt('2024-03-15T18:00:00+08:00')).toBe('2024/03/15 18:00');
    expect(formatDueAt(null)).toBe('—');
  });

  it('says how many working days are left, and how late when overdue', () => {
    const d = { kind: 'declaration', label: '申报截止', dueAt: '2024-03-15T18:00:00+08:00' };
    expect(deadlineText({ ...d, workingDaysLeft: 3, overdue: false })).toEqual({ text: '还剩 3 个工作日', tone: 'normal' });
    expect(deadlineText({ ...d, workingDaysLeft: 1, overdue: false })).toEqual({ text: '还剩 1 个工作日', tone: 'soon' });
    expect(deadlineText({ ...d, workingDaysLeft: 0, overdue: false })).toEqual({ text: '今天截止', tone: 'soon' });
    expect(deadlineText({ ...d, workingDaysLeft: -2, overdue: true })).toEqual({ text: '已逾期 2 个工作日', tone: 'overdue' });
    expect(deadlineText({ ...d, workingDaysLeft: null, overdue: true })).toEqual({ text: '已逾期', tone: 'overdue' });
    expect(deadlineText({ ...d, workingDaysLeft: null, overdue: false })).toEqual({ text: '截止 2024/03/15 18:00', tone: 'normal' });
  });
});
