import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { isMoney } from '../money';
import { importForms } from './import-forms';
import type { ImportResult } from './types';

const SEEDS = ['000_e735812eb1d2a4f8.txt', '001_541cf2738fe0fece.txt', '002_7f93d8ab5a9d0f21.txt'].map((name) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/seeds', name), 'utf8'),
);

/** What must hold for any input: warnings point at a form and a line that exist; money is money or blank. */
function expectWellFormed(text: string, result: ImportResult): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const w of result.warnings) {
    expect(w.form).toBeGreaterThanOrEqual(-1);
    expect(w.form).toBeLessThan(result.forms.length);
    if (w.line !== undefined) {
      expect(w.line).toBeGreaterThanOrEqual(1);
      expect(w.line).toBeLessThanOrEqual(lineCount);
    }
    expect(w.message).not.toContain('内部错误');
  }
  for (const form of result.forms) {
    for (const amount of Object.values(form.funds)) expect(amount === '' || isMoney(amount)).toBe(true);
    for (const indicator of form.indicators) expect(typeof indicator.name).toBe('string');
  }
}

// Pieces of real forms, so that random texts reach deep into the readers.
const TOKENS = [
  '财政项目支出绩效目标申报表', '(2024年度)', '（2022年度）', '项目名称', '项目性质', '项目类别', '主管部门', '实施单位',
  '计划开始日期', '2024-01-01', '计划完成日期', '项目资金 (元)', '项目资金（万元）', '项目资金总额', '年度资金申请总额',
  '其中：财政资金', '其中：当年财政拨款', '上年结转资金', '其他资金', '1,559,500', '35.5', '0.0000001', '项目 绩效 目标',
  '项目总目标', '年度总体目标', '（2022 年 - 2022年）', '<p>目标</p>', '一级指标', '二级指标', '三级指标', '年度指标值', '分值',
  '产出指标', '数量指标', '成本指标', '经济成本指标', '效益指标', '满意度指标', '服务对象满意度指标', '项目产出指标',
  '绩', '效', '指', '标', '项', '目', '示范性“美丽街区”建设完', '成率', '=100%', '≥ 92.00 (百分比)', '提升', '≥abc', '无',
  '☑特定目标类 □其他人员类', '√', '□', '', ' ', '\t', '第1页',
];
const seedLikeLine = fc
  .tuple(fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }), fc.constantFrom('\t', ' '))
  .map(([cells, separator]) => cells.join(separator));
const seedLikeText = fc.array(seedLikeLine, { maxLength: 60 }).map((lines) => lines.join('\n'));

type Edit = { at: number; op: 'delete' | 'duplicate' };
function edit(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  for (const { at, op } of edits) {
    if (lines.length === 0) break;
    const i = at % lines.length;
    if (op === 'delete') lines.splice(i, 1);
    else lines.splice(i, 0, lines[i]);
  }
  return lines.join('\n');
}

describe('importForms never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        expectWellFormed(text, importForms(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on texts made of the pieces of real forms', () => {
    fc.assert(
      fc.property(seedLikeText, (text) => {
        expectWellFormed(text, importForms(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on the seed texts with random lines deleted or duplicated', () => {
    const edits = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom<Edit['op']>('delete', 'duplicate') }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), edits, (seed, list) => {
        const text = edit(seed, list);
        expectWellFormed(text, importForms(text));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the form count of a seed when a line inside a goal is duplicated', () => {
    // Property tests above check robustness; this pins one concrete mutation to a sharp result.
    const text = edit(SEEDS[1], [{ at: 38, op: 'duplicate' }]);
    expect(importForms(text).forms).toHaveLength(7);
    // Line 39 printed twice: the goal says it twice, nothing else moves.
    expect(importForms(text).forms[0].overallGoal).toContain('满意度明显态长效管理水平全面提升，市民对城市管理的满意度明显提升');
    expect(importForms(text).forms[0].indicators).toHaveLength(9);
  });
});
