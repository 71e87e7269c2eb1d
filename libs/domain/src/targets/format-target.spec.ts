import { formatTarget, isPercentUnit, parseTarget } from '.';
import type { ParsedTarget } from './types';

// The canonical form is what forms and exports print (issue: ≥92.00(%), ≤35.50(万元), =24.00(次), >40).
describe('formatTarget: canonical text', () => {
  it.each([
    ['≥ 92.00 (百分比)', '≥92.00(%)'],
    ['>=90%', '≥90(%)'],
    ['≤35.50(万元)', '≤35.50(万元)'],
    ['=24.00 (次)', '=24.00(次)'],
    ['35人', '=35(人)'],
    ['>40', '>40'],
    ['<3.00 (%)', '<3.00(%)'],
    ['≥31,000(件)', '≥31000(件)'],
    ['达到80%以上', '≥80(%)'],
    ['不满18', '<18'],
    ['一级故障≤90 分钟，二级故障≤180 分钟；三级故障≤24 小时', '一级故障≤90(分钟)，二级故障≤180(分钟)，三级故障≤24(小时)'],
    ['  7天内完成 ', '7天内完成'],
    ['', '无'],
    ['无', '无'],
  ])('%j prints as %j', (input, expected) => {
    const parsed = parseTarget(input);
    if (parsed.kind === 'error') throw new Error(parsed.message);
    expect(formatTarget(parsed)).toBe(expected);
  });

  it('a quantity without a unit has no parentheses; a unit is always in parentheses', () => {
    const base = { kind: 'quantitative', comparator: '<', value: '3', direction: 'reverse' } as const;
    expect(formatTarget({ ...base, unit: '' })).toBe('<3');
    expect(formatTarget({ ...base, unit: '分贝' })).toBe('<3(分贝)');
  });

  it('a qualitative target prints its text, a none target 无', () => {
    const targets: ParsedTarget[] = [{ kind: 'qualitative', text: '规范，不超预算' }, { kind: 'none' }];
    expect(targets.map(formatTarget)).toEqual(['规范，不超预算', '无']);
  });
});

// %, ％ and 百分比 are one unit (issue), canonical "%".
describe('isPercentUnit', () => {
  it.each(['%', '％', '百分比', ' 百分比 '])('%j is a percentage', (unit) => expect(isPercentUnit(unit)).toBe(true));
  it.each(['', '百分点', '‰', '万元'])('%j is not', (unit) => expect(isPercentUnit(unit)).toBe(false));
});
