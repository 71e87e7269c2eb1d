import { durationMs } from '../time';

/**
 * A 年度申报批次 (DESIGN §3): a department's campaign for a budget year, with its deadlines and
 * reminder offsets. Instants are ISO-8601 strings with an offset.
 */
export interface CampaignSettings {
  year: number;
  declarationDeadline: string;
  reviewWorkingDays: number;
  resubmitWorkingDays: number;
  selfEvaluationOpensAt: string;
  selfEvaluationDeadline: string;
  reminderOffsets: string[];
}

export interface CampaignProblem {
  path: string;
  rule: string;
  message: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(text: string): boolean {
  return INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/** Self-evaluation opens on 1 January of the next year, 00:00 Asia/Shanghai, unless the campaign says otherwise. */
export function defaultSelfEvaluationOpensAt(year: number): string {
  return `${year + 1}-01-01T00:00:00+08:00`;
}

/** Every problem of a campaign's settings (an empty list means it can be saved). */
export function checkCampaign(c: CampaignSettings): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  const add = (path: string, rule: string, message: string) => problems.push({ path, rule, message });
  if (!Number.isInteger(c.year) || c.year < 2000 || c.year > 2100) add('year', 'campaign.year', '预算年度应为 2000–2100 之间的整数');
  for (const key of ['declarationDeadline', 'selfEvaluationOpensAt', 'selfEvaluationDeadline'] as const) {
    if (!isInstant(c[key])) add(key, 'campaign.instant', '时间格式应为带时区的 ISO-8601，例如 2024-03-15T18:00:00+08:00');
  }
  for (const key of ['reviewWorkingDays', 'resubmitWorkingDays'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 1 || c[key] > 60) add(key, 'campaign.workingDays', '工作日数应为 1–60 之间的整数');
  }
  if (!problems.some((p) => p.rule === 'campaign.instant')) {
    const declaration = Date.parse(c.declarationDeadline);
    const opens = Date.parse(c.selfEvaluationOpensAt);
    const due = Date.parse(c.selfEvaluationDeadline);
    if (opens <= declaration) add('selfEvaluationOpensAt', 'campaign.order', '年终自评开启时间应晚于申报截止时间');
    if (due <= opens) add('selfEvaluationDeadline', 'campaign.order', '年终自评截止时间应晚于自评开启时间');
  }
  if (c.reminderOffsets.length > 10) add('reminderOffsets', 'campaign.offsets', '提醒时点最多 10 个');
  const seen = new Set<number>();
  c.reminderOffsets.forEach((offset, i) => {
    const ms = durationMs(offset);
    if (ms === null) add(`reminderOffsets[${i}]`, 'campaign.offset', `“${offset}”不是有效的提前量（如 P7D、P1D、PT12H）`);
    else if (seen.has(ms)) add(`reminderOffsets[${i}]`, 'campaign.offsetDuplicate', `提前量“${offset}”重复`);
    else seen.add(ms);
  });
  return problems;
}
