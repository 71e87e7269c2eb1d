export * from './types';
export { LOWEST_INDICATORS, SCORED_STATES, compareLines, mergeReportLines, summarizeCampaign, type SummarizeCampaignInput } from './summarize';
