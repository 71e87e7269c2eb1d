import { isStandardPair, level1Of } from '../forms';
import { compactName, describe } from './context';
import type { IndicatorView, Issue, PrecheckContext } from './types';

/** An indicator that says something: its target is not 无 (blank targets are target.empty's business). */
function applicable(view: IndicatorView): boolean {
  return view.parsed.kind !== 'none' || view.target === '';
}

/**
 * indicators.output-required: at least one applicable 三级 under 产出指标. Cost indicators do not
 * count, whether 成本指标 is printed as a 一级 (2021+) or as a 二级 of 产出 (pre-2021): a form with
 * costs only declares what is spent, not what is produced.
 */
export function checkOutputRequired(ctx: PrecheckContext): Issue[] {
  const found = ctx.indicators.some((v) => v.level1 === '产出指标' && v.level2 !== '成本指标' && applicable(v));
  if (found) return [];
  return [{ path: 'indicators', message: '至少需要一条产出指标（数量、质量或时效指标）；成本指标不能代替产出指标。' }];
}

/** indicators.effect-required: at least one applicable 三级 under 效益指标. */
export function checkEffectRequired(ctx: PrecheckContext): Issue[] {
  if (ctx.indicators.some((v) => v.level1 === '效益指标' && applicable(v))) return [];
  return [{ path: 'indicators', message: '至少需要一条效益指标（经济、社会、生态效益或可持续影响指标）。' }];
}

/** satisfaction.missing: a 满意度指标 with a target other than 无. */
export function checkSatisfaction(ctx: PrecheckContext): Issue[] {
  const satisfaction = ctx.indicators.filter((v) => v.level1 === '满意度指标');
  if (satisfaction.length === 0) {
    return [{ path: 'indicators', message: '未设置满意度指标；年终评分时满意度部分将按不适用处理，请审核人确认。' }];
  }
  if (satisfaction.every((v) => v.parsed.kind === 'none')) {
    return [{ path: `${satisfaction[0].path}.target`, message: '满意度指标的指标值均为“无”，请审核人确认服务对象满意度确实不适用。' }];
  }
  return [];
}

/** indicators.name-required: every indicator has a 三级 name. */
export function checkNameRequired(ctx: PrecheckContext): Issue[] {
  return ctx.indicators
    .filter((v) => v.name === '')
    .map((v) => ({ path: `${v.path}.name`, message: `第 ${v.index + 1} 条指标未填写三级指标名称。` }));
}

/**
 * indicators.duplicate-name: the same 三级 name twice (after NFKC and whitespace removal). A warning:
 * generic names can legitimately recur under different 二级, and the reviewer can tell.
 */
export function checkDuplicateNames(ctx: PrecheckContext): Issue[] {
  const first = new Map<string, IndicatorView>();
  const issues: Issue[] = [];
  for (const view of ctx.indicators) {
    const key = compactName(view.name);
    if (key === '') continue;
    const earlier = first.get(key);
    if (earlier) {
      issues.push({ path: `${view.path}.name`, message: `${describe(view)}与第 ${earlier.index + 1} 条指标重名。` });
    } else {
      first.set(key, view);
    }
  }
  return issues;
}

/** indicators.catalogue: standard 一级/二级 names and pairs (财预〔2020〕10号 共性指标框架). */
export function checkCatalogue(ctx: PrecheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const view of ctx.indicators) {
    const level1 = view.writtenLevel1;
    const level2 = view.writtenLevel2;
    if (view.level1 === null) {
      issues.push({ path: `${view.path}.level1`, message: `${describe(view)}的一级指标“${level1}”不是标准名称（产出、成本、效益、满意度指标）。` });
    }
    if (view.level2 === null) {
      issues.push({ path: `${view.path}.level2`, message: `${describe(view)}的二级指标“${level2}”不是标准名称。` });
    } else if (view.level1 !== null && !isStandardPair(level1, level2)) {
      const owner = level1Of(view.level2);
      issues.push({
        path: `${view.path}.level2`,
        message: `${describe(view)}的二级指标“${view.level2}”不属于一级指标“${view.level1}”${owner ? `（应在“${owner}”下）` : ''}。`,
      });
    }
  }
  return issues;
}
