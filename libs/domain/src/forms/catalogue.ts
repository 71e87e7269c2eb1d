/**
 * The standard indicator catalogue of the 财政项目支出绩效目标申报表 (DESIGN §1), from the
 * 财政部 《项目支出绩效评价管理办法》(财预〔2020〕10号) 共性指标框架 and the 2021 revision that made
 * 成本指标 a 一级指标 (before 2021 it was a 二级指标 under 产出指标; both appear in real forms).
 */
export const LEVEL1 = ['产出指标', '成本指标', '效益指标', '满意度指标'] as const;
export type Level1 = (typeof LEVEL1)[number];

export const LEVEL2_BY_LEVEL1: Record<Level1, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

/** Every standard 二级 name, with the 一级 it belongs to (成本指标 belongs to 产出 as a 二级). */
export const LEVEL2 = Object.values(LEVEL2_BY_LEVEL1).flat();

// Names seen in real forms for the standard ones (spaces and line breaks removed before lookup).
const LEVEL1_ALIASES: Record<string, Level1> = {
  产出: '产出指标',
  产出指标: '产出指标',
  成本: '成本指标',
  成本指标: '成本指标',
  效益: '效益指标',
  效益指标: '效益指标',
  效果指标: '效益指标',
  满意度: '满意度指标',
  满意度指标: '满意度指标',
  服务对象满意度: '满意度指标',
  服务对象满意度指标: '满意度指标',
};

const LEVEL2_ALIASES: Record<string, string> = {
  数量: '数量指标',
  质量: '质量指标',
  时效: '时效指标',
  成本: '成本指标',
  经济成本: '经济成本指标',
  社会成本: '社会成本指标',
  生态环境成本: '生态环境成本指标',
  生态成本指标: '生态环境成本指标',
  经济效益: '经济效益指标',
  社会效益: '社会效益指标',
  生态效益: '生态效益指标',
  可持续影响: '可持续影响指标',
  可持续发展指标: '可持续影响指标',
  可持续影响力指标: '可持续影响指标',
  满意度: '服务对象满意度指标',
  满意度指标: '服务对象满意度指标',
  服务对象满意度: '服务对象满意度指标',
  社会公众或服务对象满意度指标: '服务对象满意度指标',
};

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The standard 一级 name for what a form printed, or null when it is not one. */
export function normaliseLevel1(text: string): Level1 | null {
  const t = compact(text);
  return (LEVEL1 as readonly string[]).includes(t) ? (t as Level1) : (LEVEL1_ALIASES[t] ?? null);
}

/**
 * The standard 二级 name for what a form printed, or null when it is not one. 成本指标 is a 二级
 * only under 产出指标 (pre-2021 forms).
 */
export function normaliseLevel2(text: string): string | null {
  const t = compact(text);
  if (LEVEL2.includes(t)) return t;
  return LEVEL2_ALIASES[t] ?? null;
}

/** The 一级 a standard 二级 belongs to; 成本指标 as a 二级 belongs to 产出指标. */
export function level1Of(level2: string): Level1 | null {
  for (const level1 of LEVEL1) if (LEVEL2_BY_LEVEL1[level1].includes(level2)) return level1;
  return null;
}

/** Whether (一级, 二级) is a pair of the catalogue. */
export function isStandardPair(level1: string, level2: string): boolean {
  const l1 = normaliseLevel1(level1);
  const l2 = normaliseLevel2(level2);
  return l1 !== null && l2 !== null && LEVEL2_BY_LEVEL1[l1].includes(l2);
}

/**
 * The scoring category of an indicator (DESIGN §4): 成本指标 counts inside 产出, whether it was
 * printed as a 一级 (2021+) or as a 二级 of 产出 (before).
 */
export type ScoringCategory = '产出指标' | '效益指标' | '满意度指标';

export function scoringCategory(level1: Level1): ScoringCategory {
  return level1 === '成本指标' ? '产出指标' : level1;
}

/** Default category weights of the year-end score (DESIGN §4, 财预〔2020〕10号): 执行率 10, 产出 50, 效益 30, 满意度 10. */
export const DEFAULT_CATEGORY_WEIGHTS: Record<ScoringCategory | '预算执行率', string> = {
  预算执行率: '10',
  产出指标: '50',
  效益指标: '30',
  满意度指标: '10',
};

/** One 一级 of the catalogue as clients see it (GET /api/catalogue): what to offer and what is also accepted. */
export interface CatalogueLevel1 {
  name: Level1;
  /** Other names real forms print for it; the importer and the pre-checks read them as `name`. */
  aliases: string[];
  /** The category of the year-end score it counts in (成本指标 counts inside 产出指标). */
  scoringCategory: ScoringCategory;
  /** A remark for users, where the catalogue has one. */
  note?: string;
  /** Its standard 二级, in the template's order. */
  level2: string[];
  /** For each of its 二级, the other names real forms print for it (an empty list when none). */
  level2Aliases: Record<string, string[]>;
}

export interface IndicatorCatalogue {
  level1: CatalogueLevel1[];
}

const LEVEL1_NOTES: Partial<Record<Level1, string>> = {
  产出指标: '二级指标“成本指标”是 2021 年以前模板的写法；新申报表请使用一级指标“成本指标”。',
  成本指标: '2021 年起为一级指标（此前为产出指标下的二级指标）；年终评分时计入产出指标。',
};

/** The other names of `name` in an alias table (the name itself excluded), in the table's order. */
function aliasesOf(table: Record<string, string>, name: string): string[] {
  return Object.entries(table)
    .filter(([alias, standard]) => standard === name && alias !== name)
    .map(([alias]) => alias);
}

/**
 * The whole catalogue as data: each 一级 with its 二级, the aliases the importer and the pre-checks
 * accept, the scoring category and the remarks above. A fresh copy on every call.
 */
export function indicatorCatalogue(): IndicatorCatalogue {
  return {
    level1: LEVEL1.map((name) => {
      const level2 = [...LEVEL2_BY_LEVEL1[name]];
      const note = LEVEL1_NOTES[name];
      return {
        name,
        aliases: aliasesOf(LEVEL1_ALIASES, name),
        scoringCategory: scoringCategory(name),
        ...(note === undefined ? {} : { note }),
        level2,
        level2Aliases: Object.fromEntries(level2.map((l2) => [l2, aliasesOf(LEVEL2_ALIASES, l2)])),
      };
    }),
  };
}
