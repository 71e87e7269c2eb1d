export * from './types';
export {
  DEFAULT_SCHEME,
  GRADES,
  QUALITATIVE_TIERS,
  SCORING_CATEGORIES,
  TIER_LABELS,
  type Grade,
  type GradeBand,
  type QualitativeTier,
  type ScoringScheme,
  type TierBand,
} from './scheme';
export { checkScheme, ScoringSchemeError } from './check-scheme';
export { scoreForm, selfEvaluationComplete } from './score-form';
