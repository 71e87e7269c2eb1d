export { selfEvaluationWorkbook, type SelfEvaluationWorkbookInput } from './self-evaluation-workbook';
export { LATE_LABELS, campaignReportWorkbook } from './campaign-report-workbook';
