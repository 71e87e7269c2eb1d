// Pure formatting for what users read: money, instants in Beijing time, deadlines. No floating point
// touches money: decimal strings are regrouped and shifted as text.
import type { NextDeadline } from './types';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant in Beijing time, as users read it: 2024/03/15 18:00. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/**
 * A deadline as people count it: one at 00:00 Beijing time ends the day before (《民法典》第二百零三条,
 * as the API counts working days), so it reads "2024/03/08 24:00", not "2024/03/09 00:00".
 */
export function formatDueAt(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const shanghai = new Date(d.getTime() + 8 * 3600_000);
  if (shanghai.getUTCHours() !== 0 || shanghai.getUTCMinutes() !== 0) return formatDateTime(iso);
  const dayBefore = new Date(shanghai.getTime() - 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayBefore.getUTCFullYear()}/${pad(dayBefore.getUTCMonth() + 1)}/${pad(dayBefore.getUTCDate())} 24:00`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** 元 as a decimal string → "1,819,200.00". Anything that is not a plain decimal is shown as it is. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const int = m[2].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1]}${int}.${(m[3] ?? '').padEnd(2, '0')}`;
}

/**
 * 元 → 万元 by moving the decimal point four places on the string (exact): "1819200.00" → "181.92",
 * "5.5" → "0.00055". At least 2 decimals, trailing zeros beyond them dropped.
 */
export function yuanToWan(value: string | null | undefined): string {
  if (!value) return '—';
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const digits = m[2].padStart(5, '0') + (m[3] ?? '');
  const int = digits.slice(0, digits.length - (m[3] ?? '').length - 4).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(digits.length - (m[3] ?? '').length - 4).replace(/0+$/, '').padEnd(2, '0');
  return `${m[1]}${int}.${frac}`;
}

/** A money value as the API takes it: ≤ 14 integer digits, ≤ 2 decimals, no sign, no grouping. */
export function isMoney(value: string): boolean {
  return /^\d{1,14}(\.\d{1,2})?$/.test(value);
}

/**
 * What people type or paste as an amount, as the API takes it: grouping commas (also ，), spaces, 元
 * and full-width digits are dropped or converted — amounts are copied from Excel and PDFs as
 * "1,819,200.00 元".
 */
export function cleanMoney(text: string): string {
  return text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s元]/g, '');
}

/**
 * Why an amount (after cleanMoney) cannot be sent, in Chinese, naming the field (`what`); null when it
 * is fine or blank (each page says how a blank is treated).
 */
export function moneyProblem(text: string, what = '金额', example = '937980.00'): string | null {
  const v = cleanMoney(text);
  if (!v || isMoney(v)) return null;
  if (/^[-－]/.test(v)) return `${what}不能为负数。`;
  if (/^\d+\.\d{3,}$/.test(v)) return `${what}最多两位小数（精确到分）。`;
  if (/万/.test(v)) return `${what}请以元为单位填写，如 ${example}（不写“万元”）。`;
  if (/^\d+(\.\d{1,2})?$/.test(v)) return `${what}过大，请核对（单位为元）。`;
  return `${what}应为数字金额（元），如 ${example}。`;
}

/** "还剩 3 个工作日", "今天截止", "已逾期 2 个工作日"; the class says how urgent. */
export function deadlineText(deadline: NextDeadline): { text: string; tone: 'overdue' | 'soon' | 'normal' } {
  const days = deadline.workingDaysLeft;
  if (deadline.overdue) return { text: days !== null && days < 0 ? `已逾期 ${-days} 个工作日` : '已逾期', tone: 'overdue' };
  if (days === null) return { text: `截止 ${formatDueAt(deadline.dueAt)}`, tone: 'normal' };
  if (days <= 0) return { text: '今天截止', tone: 'soon' };
  return { text: `还剩 ${days} 个工作日`, tone: days <= 1 ? 'soon' : 'normal' };
}
