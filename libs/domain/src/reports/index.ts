export * from './types';
export { LOWEST_INDICATORS, SCORED_STATES, compareLines, mergeReportLines, summarizeCampaign, type SummarizeCampaignInput } from './summarize';
export { formLowestIndicator, rankLowestIndicators, type FormLowestIndicator, type RankedForm, type RankedIndicator } from './lowest';
