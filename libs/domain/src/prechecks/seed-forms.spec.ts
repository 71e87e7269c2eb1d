import { SEED_000_1, SEED_000_2, SEED_000_3, SEED_000_4, SEED_FORMS, type SeedForm } from '../../../../test/fixtures/seed-forms';
import { dec } from '../money';
import { parseTarget } from '../targets';
import { runPrechecks } from './run-prechecks';

/** [rule, path] of every finding, errors first. */
function summary(form: SeedForm): { errors: string[][]; warnings: string[][] } {
  const result = runPrechecks(form);
  return {
    errors: result.errors.map((f) => [f.rule, f.path]),
    warnings: result.warnings.map((f) => [f.rule, f.path]),
  };
}

// What the pre-checks say about real published forms (seeds in /work/shared/seeds/).
describe('pre-checks on the transcribed seed forms', () => {
  const expected: Record<string, { errors: string[][]; warnings: string[][] }> = {
    // 排查次数 rows printed under 经济成本指标 by the PDF extraction: counts under cost (rule 12).
    '000#1': {
      errors: [],
      warnings: [
        ['header.recommended', 'overallGoal'],
        ['indicators.unit-category', 'indicators[3].target'],
        ['indicators.unit-category', 'indicators[4].target'],
      ],
    },
    '000#2': { errors: [], warnings: [['header.recommended', 'overallGoal']] },
    // 热线诉求处置率 ≥ 100.00 (百分比): should be =100% (rule 7).
    '000#3': {
      errors: [],
      warnings: [
        ['header.recommended', 'overallGoal'],
        ['target.percent-at-least-100', 'indicators[10].target'],
      ],
    },
    // 热线数据共享率 has no target in the extracted text (rule 6); a count under 经济成本 (rule 12).
    '000#4': {
      errors: [['target.empty', 'indicators[14].target']],
      warnings: [
        ['header.recommended', 'overallGoal'],
        ['indicators.unit-category', 'indicators[4].target'],
      ],
    },
    '002#1': { errors: [], warnings: [['header.recommended', 'overallGoal']] },
    // 人均培训成本控制率 =100.00 (%) under 产出指标/成本指标: a rate where an amount belongs (rule 12).
    '002#2': {
      errors: [],
      warnings: [
        ['header.recommended', 'overallGoal'],
        ['indicators.unit-category', 'indicators[11].target'],
      ],
    },
    '002#3': { errors: [], warnings: [['header.recommended', 'overallGoal']] },
    // The 2022 template has no 项目性质; 降低案件投诉率: 降低 (rule 9).
    '001#2': {
      errors: [],
      warnings: [
        ['header.recommended', 'nature'],
        ['target.vague', 'indicators[4].target'],
      ],
    },
    // 案件先行发现率: 显著提升 (rule 9).
    '001#5': {
      errors: [],
      warnings: [
        ['header.recommended', 'nature'],
        ['target.vague', 'indicators[1].target'],
      ],
    },
    '001#6': { errors: [], warnings: [['header.recommended', 'nature']] },
  };

  it.each(SEED_FORMS.map((form) => [form.seed, form] as const))('%s', (seed, form) => {
    expect(summary(form)).toEqual(expected[seed]);
  });

  it('covers every transcribed form', () => {
    expect(Object.keys(expected).sort()).toEqual(SEED_FORMS.map((f) => f.seed).sort());
  });
});

// Rule 11 — 审核要点: in every 2024 seed form the 经济成本 amounts add up to 年度资金申请总额.
describe('funds.cost-sum on the 2024 seed forms (审核要点)', () => {
  function costYuan(form: SeedForm): string {
    return form.content.indicators
      .filter((i) => i.level1 === '成本指标' && i.level2 === '经济成本指标')
      .map((i) => parseTarget(i.target))
      .filter((t) => t.kind === 'quantitative' && t.unit === '万元')
      .reduce((sum, t) => sum.plus(dec(t.kind === 'quantitative' ? t.value : '0').times(10_000)), dec('0'))
      .toFixed(2);
  }

  it('adds up exactly in three forms and to 93.80 万元 for 937 980.00 元 in the first (rounding)', () => {
    expect([SEED_000_1, SEED_000_2, SEED_000_3, SEED_000_4].map((f) => [costYuan(f), f.content.funds.total])).toEqual([
      ['938000.00', '937980.00'],
      ['910000.00', '910000.00'],
      ['1819200.00', '1819200.00'],
      ['400000.00', '400000.00'],
    ]);
  });

  it('raises no cost warning on any of them', () => {
    for (const form of [SEED_000_1, SEED_000_2, SEED_000_3, SEED_000_4]) {
      expect(runPrechecks(form).warnings.filter((f) => f.rule === 'funds.cost-sum')).toEqual([]);
    }
  });
});
