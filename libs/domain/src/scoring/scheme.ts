import { DEFAULT_CATEGORY_WEIGHTS, type ScoringCategory } from '../forms';

/** The three 评分类别 of the indicators (成本指标 counts inside 产出, DESIGN §4). */
export const SCORING_CATEGORIES: readonly ScoringCategory[] = ['产出指标', '效益指标', '满意度指标'];

export type QualitativeTier = 'achieved' | 'partial' | 'notAchieved';
export const QUALITATIVE_TIERS: readonly QualitativeTier[] = ['achieved', 'partial', 'notAchieved'];

export type Grade = '优' | '良' | '中' | '差';
export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

/** A qualitative tier's band, as fractions of the indicator's weight: [min, max] or [min, max). */
export interface TierBand {
  tier: QualitativeTier;
  /** As printed on the 自评表 (达成年度指标 …). */
  label: string;
  min: string;
  max: string;
  maxInclusive: boolean;
}

/** A grade and the lowest total that earns it. */
export interface GradeBand {
  grade: Grade;
  min: string;
}

/**
 * The rules of the year-end score as data (DESIGN §4: "all configurable per campaign as a versioned
 * scoring scheme"), so that another province's weights, bands or reverse formula are configuration.
 * Every number is a decimal string; weights have at most 2 decimals and sum to 100 (checkScheme).
 */
export interface ScoringScheme {
  /** Stored with every score, so that a score can be recomputed under the scheme it was made with. */
  version: string;
  name: string;
  /** 预算执行率 */
  executionWeight: string;
  categoryWeights: Record<ScoringCategory, string>;
  /** Missing a reverse (≤ <) target: `ratio` target / actual; `linear` full at the target, 0 at twice it. */
  reverseFormula: 'ratio' | 'linear';
  qualitativeTiers: TierBand[];
  grades: GradeBand[];
  /** An actual at or above this multiple of a positive target asks for an explanation (偏差原因说明). */
  explainAboveRatio: string;
  /** A 执行率 below this needs a written reason. */
  executionReasonBelow: string;
}

/** The tier labels of the 项目支出绩效自评表 (财预〔2020〕10号). */
export const TIER_LABELS: Record<QualitativeTier, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

/**
 * 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) as DESIGN §4 reads it: 预算执行率 10 · 产出 50 ·
 * 效益 30 · 满意度 10; qualitative tiers [80%,100%] · [60%,80%) · [0,60%); 优 ≥ 90 · 良 ≥ 80 · 中 ≥ 60 · 差.
 */
export const DEFAULT_SCHEME: ScoringScheme = {
  version: 'cz2020-10.v1',
  name: '财预〔2020〕10号 项目支出绩效自评（默认）',
  executionWeight: DEFAULT_CATEGORY_WEIGHTS.预算执行率,
  categoryWeights: {
    产出指标: DEFAULT_CATEGORY_WEIGHTS.产出指标,
    效益指标: DEFAULT_CATEGORY_WEIGHTS.效益指标,
    满意度指标: DEFAULT_CATEGORY_WEIGHTS.满意度指标,
  },
  reverseFormula: 'ratio',
  qualitativeTiers: [
    { tier: 'achieved', label: TIER_LABELS.achieved, min: '0.8', max: '1', maxInclusive: true },
    { tier: 'partial', label: TIER_LABELS.partial, min: '0.6', max: '0.8', maxInclusive: false },
    { tier: 'notAchieved', label: TIER_LABELS.notAchieved, min: '0', max: '0.6', maxInclusive: false },
  ],
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  explainAboveRatio: '1.3',
  executionReasonBelow: '0.9',
};
