import { text } from './context';
import type { Issue, PrecheckContext } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIELDS = [
  ['plannedStart', '计划开始日期'],
  ['plannedEnd', '计划完成日期'],
] as const;

/** A real calendar date written YYYY-MM-DD (2023-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** dates.format: both dates are valid YYYY-MM-DD dates (blank ones are header.required's business). */
export function checkDateFormat(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const [field, label] of FIELDS) {
    const value = text(ctx.content[field]);
    if (value !== '' && !isIsoDate(value)) {
      issues.push({ path: field, message: `${label}“${value}”不是有效日期，请按 YYYY-MM-DD 填写（如 ${ctx.year}-01-01）。` });
    }
  }
  return issues;
}

/** dates.order: 计划开始日期 is not after 计划完成日期. */
export function checkDateOrder(ctx: PrecheckContext): Issue[] {
  const start = text(ctx.content.plannedStart);
  const end = text(ctx.content.plannedEnd);
  // YYYY-MM-DD strings compare in date order.
  if (!isIsoDate(start) || !isIsoDate(end) || start <= end) return [];
  return [{ path: 'plannedEnd', message: `计划完成日期 ${end} 早于计划开始日期 ${start}。` }];
}

/** dates.budget-year: both dates lie inside the 预算年度. */
export function checkDatesInBudgetYear(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const [field, label] of FIELDS) {
    const value = text(ctx.content[field]);
    if (isIsoDate(value) && !value.startsWith(`${ctx.year}-`)) {
      issues.push({
        path: field,
        message: `${label} ${value} 不在预算年度 ${ctx.year} 年内（应在 ${ctx.year}-01-01 至 ${ctx.year}-12-31 之间）。`,
      });
    }
  }
  return issues;
}
