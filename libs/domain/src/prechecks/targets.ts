import { dec } from '../money';
import { compactName, describe } from './context';
import type { Issue, PrecheckContext } from './types';

/** target.empty: a blank target; an indicator that does not apply says so with 无. */
export function checkTargetEmpty(ctx: PrecheckContext): Issue[] {
  return ctx.indicators
    .filter((v) => v.target === '')
    .map((v) => ({ path: `${v.path}.target`, message: `${describe(v)}未填写年度指标值；不适用的指标请填写“无”。` }));
}

/** target.parse: the parser understood the target (its own message says why not). */
export function checkTargetParses(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const v of ctx.indicators) {
    if (v.target === '' || v.parsed.kind !== 'error') continue;
    issues.push({ path: `${v.path}.target`, message: `${describe(v)}的指标值“${v.target}”无法识别：${v.parsed.message}` });
  }
  return issues;
}

/** target.percent-range: a percentage above 100, or `>100%`, which no one can achieve. */
export function checkPercentRange(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const v of ctx.indicators) {
    const bad = v.quantities.some((q) => q.unit === '%' && (dec(q.value).greaterThan(100) || (q.comparator === '>' && dec(q.value).equals(100))));
    if (bad) issues.push({ path: `${v.path}.target`, message: `${describe(v)}的指标值“${v.target}”超过 100%，无法实现。` });
  }
  return issues;
}

/** target.percent-at-least-100: `≥100%` can only be met as exactly 100%, so write `=100%`. */
export function checkPercentAtLeast100(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const v of ctx.indicators) {
    if (v.quantities.some((q) => q.unit === '%' && q.comparator === '>=' && dec(q.value).equals(100))) {
      issues.push({ path: `${v.path}.target`, message: `${describe(v)}的指标值“${v.target}”：百分比不会超过 100%，建议写作“=100%”。` });
    }
  }
  return issues;
}

// Names that announce a number: …率, …数, …量 (次数, 数量 included), and any 满意度.
const MEASURED_NAME = /(率|数|量)$|满意度/;
// Directions without a level: 提升, 显著提升, 较上一年提升, 降低 …
const VAGUE = /提升|提高|增加|增长|增强|上升|降低|下降|减少|改善|优化|好转|加大/;
// Placeholders left in a draft.
const PLACEHOLDER = /^(待定|待补充|待确定|另定|略|[xX×＊*]+|[—\-－/／…]+|\.{2,})$/;

/** target.vague: a direction (提升, 降低 …) where the name promises a rate or quantity, or a placeholder. */
export function checkVagueTargets(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const v of ctx.indicators) {
    if (v.parsed.kind !== 'qualitative') continue;
    const target = compactName(v.parsed.text);
    if (PLACEHOLDER.test(target)) {
      issues.push({ path: `${v.path}.target`, message: `${describe(v)}的指标值“${v.target}”是占位内容，请填写具体指标值。` });
    } else if (MEASURED_NAME.test(compactName(v.name)) && VAGUE.test(target) && !/\d/.test(target)) {
      issues.push({
        path: `${v.path}.target`,
        message: `${describe(v)}是比率或数量指标，指标值“${v.target}”未给出具体数值，建议量化（如“≥90%”）。`,
      });
    }
  }
  return issues;
}
