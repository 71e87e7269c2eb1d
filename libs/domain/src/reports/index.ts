export * from './types';
export { LOWEST_INDICATORS, compareLines, mergeReportLines, summarizeCampaign, type SummarizeCampaignInput } from './summarize';
