import { randomUUID } from 'node:crypto';
import { money, parseTarget } from '@app/domain';
import type { StoredContent, StoredIndicator } from '@app/persistence';
import { ApiError, ErrorDetail } from '../common/api-error';
import type { FormBodyDto } from './dto/form-body.dto';

type ContentBody = Omit<FormBodyDto, 'campaignId'>;

const moneyOrBlank = (value: string) => (value === '' ? '' : money(value));

/**
 * Turns a validated body into stored content: money with 2 decimals, indicator ids kept when the
 * client sends one the form already has (else new), and every target parsed — a target that cannot
 * be parsed is refused at once (API.md: 422), other problems wait for submission as warnings.
 */
export function prepareContent(body: ContentBody, previous?: StoredContent): StoredContent {
  const known = new Set(previous?.indicators.map((i) => i.id) ?? []);
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const indicators: StoredIndicator[] = body.indicators.map((i, index) => {
    const parsed = parseTarget(i.target);
    if (parsed.kind === 'error') {
      problems.push({ path: `indicators[${index}].target`, rule: parsed.code, message: `“${i.target}”：${parsed.message}` });
    }
    const id = i.id && known.has(i.id) && !seen.has(i.id) ? i.id : randomUUID();
    seen.add(id);
    const stored: StoredIndicator = { id, level1: i.level1, level2: i.level2, name: i.name, target: i.target };
    if (i.weight !== undefined) stored.weight = i.weight;
    return stored;
  });
  if (problems.length) throw ApiError.validation(problems, '年度指标值无法识别');
  return {
    projectName: body.projectName,
    nature: body.nature,
    category: body.category,
    plannedStart: body.plannedStart,
    plannedEnd: body.plannedEnd,
    funds: {
      total: moneyOrBlank(body.funds.total),
      currentYear: moneyOrBlank(body.funds.currentYear),
      carryOver: moneyOrBlank(body.funds.carryOver),
      other: moneyOrBlank(body.funds.other),
    },
    overallGoal: body.overallGoal,
    annualGoal: body.annualGoal,
    indicators,
  };
}
