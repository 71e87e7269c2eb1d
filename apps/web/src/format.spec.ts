import { cleanMoney, deadlineText, formatDateTime, formatDueAt, formatMoney, isMoney, moneyProblem, yuanToWan } from './format';

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

  it('accepts money as the API does: ≤ 14 integer digits, at most 2 decimals, no sign, no grouping', () => {
    for (const ok of ['0', '1819200.00', '0.5', '12345678901234.99']) expect(isMoney(ok)).toBe(true);
    for (const bad of ['', '-1', '1.234', '1,000', '1e5', ' 1', '１００', '123456789012345']) expect(isMoney(bad)).toBe(false);
  });

  it('cleans amounts copied from Excel or a PDF, and says what is wrong with the rest', () => {
    expect(cleanMoney('1,819,200.00 元')).toBe('1819200.00');
    expect(cleanMoney('１８００００．５')).toBe('180000.5');
    expect(moneyProblem('1，800，000')).toBeNull();
    expect(moneyProblem('')).toBeNull();
    expect(moneyProblem('-5', '批复金额')).toBe('批复金额不能为负数。');
    expect(moneyProblem('1.234')).toBe('金额最多两位小数（精确到分）。');
    expect(moneyProblem('21.5万', '全年执行数', '215457.60')).toBe('全年执行数请以元为单位填写，如 215457.60（不写“万元”）。');
    expect(moneyProblem('123456789012345')).toBe('金额过大，请核对（单位为元）。');
    expect(moneyProblem('abc')).toBe('金额应为数字金额（元），如 937980.00。');
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
