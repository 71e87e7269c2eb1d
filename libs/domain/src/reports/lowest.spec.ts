import fc from 'fast-check';
import { compare, D } from '../scoring/decimal';
import { formLowestIndicator, rankLowestIndicators, type RankedForm, type RankedIndicator } from './lowest';

// The lowest indicators of the stored report: the rule (applicable, with a ratio), the order, and the
// shortcut the database takes (only the forms whose own lowest ranks first are read).

function ind(indicatorId: string, name: string, weight: string, points: string, ratio: string | null, applicable = true): RankedIndicator {
  return { indicatorId, name, level1: '产出指标', weight, points, ratio, applicable };
}
const form = (formId: string, projectName: string, indicators: RankedIndicator[]): RankedForm => ({ formId, projectName, unitName: '单位', indicators });

describe('rankLowestIndicators', () => {
  it('lower ratio first, then lower points, then 项目名称, then 指标名称; limited', () => {
    const forms = [
      form('f1', '乙项目', [ind('a', '受理量', '10.00', '5.00', '0.5000'), ind('b', '满意度', '10.00', '10.00', '1.0000')]),
      form('f2', '甲项目', [ind('c', '合格率', '10.00', '5.00', '0.5000'), ind('d', '培训', '4.00', '2.00', '0.5000')]),
      form('f3', '甲项目', [ind('e', '处置率', '10.00', '5.00', '0.5000'), ind('f', '成本', '10.00', '1.00', '0.1000')]),
    ];
    const ranked = rankLowestIndicators(forms, 4);
    // 0.1; then 0.5 with 2 points; then 0.5 with 5 points by code point: 乙 (U+4E59) before 甲 (U+7532),
    // and within 甲项目 合格率 (U+5408) before 处置率 (U+5904)
    expect(ranked.map((r) => `${r.formId}:${r.name}`)).toEqual(['f3:成本', 'f2:培训', 'f1:受理量', 'f2:合格率']);
    expect(ranked[0]).toEqual({ formId: 'f3', projectName: '甲项目', unitName: '单位', name: '成本', level1: '产出指标', weight: '10.00', points: '1.00', ratio: '0.1000' });
  });

  it('leaves out indicators that are not applicable or have no ratio (unscorable), as the stored report always did', () => {
    const forms = [form('f1', '项目', [ind('a', '不适用', '0.00', '0.00', null, false), ind('b', '无法计算', '10.00', '0.00', null), ind('c', '计入', '10.00', '9.00', '0.9000')])];
    expect(rankLowestIndicators(forms, 10).map((r) => r.name)).toEqual(['计入']);
    expect(formLowestIndicator(forms[0].indicators)).toEqual({ ratio: '0.9000', points: '9.00', name: '计入' });
    expect(formLowestIndicator([ind('b', '无法计算', '10.00', '0.00', null)])).toBeNull();
  });

  it('compares ratios as decimals, not as text', () => {
    const forms = [form('f1', '项目', [ind('a', '甲', '10.00', '9.00', '0.9000'), ind('b', '乙', '10.00', '10.00', '1.0000'), ind('c', '丙', '10.00', '0.50', '0.0500')])];
    expect(formLowestIndicator(forms[0].indicators)?.name).toBe('丙');
    expect(rankLowestIndicators(forms, 3).map((r) => r.ratio)).toEqual(['0.0500', '0.9000', '1.0000']);
  });
});

describe('the shortcut: rank only the N forms whose own lowest indicator ranks first', () => {
  // Few distinct values, so that ties on ratio, points, project and name are common.
  const indicator = fc.record({
    indicatorId: fc.constantFrom('i1', 'i2', 'i3'),
    name: fc.constantFrom('受理量', '合格率', '满意度'),
    level1: fc.constant('产出指标'),
    weight: fc.constant('10.00'),
    points: fc.constantFrom('0.00', '5.00', '10.00'),
    ratio: fc.option(fc.constantFrom('0.0000', '0.5000', '1.0000'), { nil: null }),
    applicable: fc.boolean(),
  });
  const forms = fc.uniqueArray(
    fc.record({ formId: fc.uuid(), projectName: fc.constantFrom('甲项目', '乙项目'), unitName: fc.constant('单位'), indicators: fc.array(indicator, { maxLength: 4 }) }),
    { selector: (f) => f.formId, maxLength: 25 },
  );

  it('gives the same indicators as ranking every form', () => {
    fc.assert(
      fc.property(forms, fc.integer({ min: 1, max: 10 }), (all, n) => {
        // What the database does with the stored keys: ORDER BY ratio, points, project COLLATE "C", name COLLATE "C", form id.
        const keyed = all.flatMap((f) => {
          const low = formLowestIndicator(f.indicators);
          return low ? [{ f, low }] : [];
        });
        keyed.sort(
          (a, b) =>
            compare(new D(a.low.ratio), new D(b.low.ratio)) ||
            compare(new D(a.low.points), new D(b.low.points)) ||
            (a.f.projectName < b.f.projectName ? -1 : a.f.projectName > b.f.projectName ? 1 : 0) ||
            (a.low.name < b.low.name ? -1 : a.low.name > b.low.name ? 1 : 0) ||
            (a.f.formId < b.f.formId ? -1 : a.f.formId > b.f.formId ? 1 : 0),
        );
        const shortlisted = keyed.slice(0, n).map((k) => k.f);
        expect(rankLowestIndicators(shortlisted, n)).toEqual(rankLowestIndicators(all, n));
      }),
      { numRuns: 500 },
    );
  });
});
