import {
  DEFAULT_CATEGORY_WEIGHTS,
  indicatorCatalogue,
  isStandardPair,
  LEVEL1,
  LEVEL2_BY_LEVEL1,
  level1Of,
  normaliseLevel1,
  normaliseLevel2,
  scoringCategory,
} from './catalogue';

// The 一级/二级 catalogue of the 申报表 (财预〔2020〕10号 共性指标框架; 成本指标 a 一级 since 2021).
describe('indicator catalogue', () => {
  it('has the four 一级 of the current template', () => {
    expect(LEVEL1).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标']);
  });

  it('knows both places 成本指标 appears: 一级 since 2021, 二级 under 产出 before', () => {
    expect(normaliseLevel1('成本指标')).toBe('成本指标');
    expect(isStandardPair('产出指标', '成本指标')).toBe(true);
    expect(isStandardPair('成本指标', '经济成本指标')).toBe(true);
    expect(level1Of('成本指标')).toBe('产出指标');
    expect(level1Of('经济成本指标')).toBe('成本指标');
  });

  it.each([
    ['满意度', '满意度指标'],
    ['服务对象满意度指标', '满意度指标'],
    ['产 出 指 标', '产出指标'],
    ['效益\n指标', '效益指标'],
  ])('reads the 一级 alias %j as %s', (printed, standard) => {
    expect(normaliseLevel1(printed)).toBe(standard);
  });

  it.each([
    ['服务对象满意度', '服务对象满意度指标'],
    ['满意度指标', '服务对象满意度指标'],
    ['可持续影响', '可持续影响指标'],
    ['社会效益指标', '社会效益指标'],
    ['生态环境成本指标', '生态环境成本指标'],
  ])('reads the 二级 alias %j as %s', (printed, standard) => {
    expect(normaliseLevel2(printed)).toBe(standard);
  });

  it('refuses what is not in the catalogue', () => {
    expect(normaliseLevel1('绩效指标')).toBeNull();
    expect(normaliseLevel2('行业信访')).toBeNull();
    expect(isStandardPair('效益指标', '数量指标')).toBe(false);
  });

  it('scores 成本指标 inside 产出 (DESIGN §4)', () => {
    expect(scoringCategory('成本指标')).toBe('产出指标');
    expect(scoringCategory('满意度指标')).toBe('满意度指标');
  });

  it('splits 100 points as 执行率 10 · 产出 50 · 效益 30 · 满意度 10 (财预〔2020〕10号)', () => {
    const total = Object.values(DEFAULT_CATEGORY_WEIGHTS).reduce((sum, w) => sum + Number(w), 0);
    expect(total).toBe(100);
    expect(DEFAULT_CATEGORY_WEIGHTS).toEqual({ 预算执行率: '10', 产出指标: '50', 效益指标: '30', 满意度指标: '10' });
  });

  it('gives every 一级 at least one 二级', () => {
    for (const level1 of LEVEL1) expect(LEVEL2_BY_LEVEL1[level1].length).toBeGreaterThan(0);
  });
});

// GET /api/catalogue offers exactly what the importer and the pre-checks accept.
describe('indicatorCatalogue', () => {
  const catalogue = indicatorCatalogue();

  it('lists every 一级 in template order with its standard 二级', () => {
    expect(catalogue.level1.map((l) => l.name)).toEqual([...LEVEL1]);
    for (const l1 of catalogue.level1) expect(l1.level2).toEqual([...LEVEL2_BY_LEVEL1[l1.name]]);
    expect(catalogue.level1[0]).toMatchObject({ name: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] });
  });

  it('lists each alias that normalises to the entry, and never the name itself', () => {
    for (const l1 of catalogue.level1) {
      expect(l1.aliases).not.toContain(l1.name);
      for (const alias of l1.aliases) expect([alias, normaliseLevel1(alias)]).toEqual([alias, l1.name]);
      for (const [l2, aliases] of Object.entries(l1.level2Aliases)) {
        expect(l1.level2).toContain(l2);
        expect(aliases).not.toContain(l2);
        for (const alias of aliases) expect([alias, normaliseLevel2(alias)]).toEqual([alias, l2]);
        for (const alias of aliases) expect(isStandardPair(l1.name, alias)).toBe(true);
      }
    }
    expect(catalogue.level1.find((l) => l.name === '效益指标')!.aliases).toEqual(['效益', '效果指标']);
    expect(catalogue.level1.find((l) => l.name === '满意度指标')!.level2Aliases['服务对象满意度指标']).toContain('社会公众或服务对象满意度指标');
    expect(catalogue.level1.find((l) => l.name === '产出指标')!.level2Aliases['数量指标']).toEqual(['数量']);
  });

  it('says where 成本指标 is scored and explains its two places', () => {
    const cost = catalogue.level1.find((l) => l.name === '成本指标')!;
    expect(cost.scoringCategory).toBe('产出指标');
    expect(cost.note).toMatch(/2021/);
    expect(catalogue.level1.find((l) => l.name === '效益指标')).not.toHaveProperty('note');
  });

  it('hands out a copy: changing it does not change the catalogue', () => {
    catalogue.level1[0].level2.push('乱加的');
    expect(indicatorCatalogue().level1[0].level2).toEqual([...LEVEL2_BY_LEVEL1['产出指标']]);
  });
});
