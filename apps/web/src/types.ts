// Shapes of the API's answers as the page uses them (shared/API.md; README changelog for additions).

export type Role = 'admin' | 'reviewer' | 'unit';

export type FormState =
  | 'draft'
  | 'declared'
  | 'reviewing'
  | 'returned'
  | 'approved'
  | 'selfEvaluation'
  | 'selfEvaluationReview'
  | 'completed';

export type EventType =
  | 'SUBMIT'
  | 'WITHDRAW'
  | 'START_REVIEW'
  | 'APPROVE'
  | 'RETURN'
  | 'OPEN_SELF_EVALUATION'
  | 'SUBMIT_SELF_EVALUATION'
  | 'CONFIRM_SELF_EVALUATION'
  | 'RETURN_SELF_EVALUATION';

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

export type ParsedTarget =
  | { kind: 'quantitative'; comparator: string; value: string; unit: string; [k: string]: unknown }
  | { kind: 'qualitative'; text: string; [k: string]: unknown }
  | { kind: 'compound'; parts: ParsedTarget[]; [k: string]: unknown }
  | { kind: 'none'; [k: string]: unknown };

export interface IndicatorBody {
  level1: string;
  level2: string;
  name: string;
  target: string;
  weight?: string;
}

export interface Indicator extends IndicatorBody {
  id: string;
  parsedTarget: ParsedTarget | null;
}

export interface Funds {
  total: string;
  currentYear: string;
  carryOver: string;
  other: string;
}

export interface FormBody {
  campaignId: string;
  projectName: string;
  nature: string;
  category: string;
  plannedStart: string;
  plannedEnd: string;
  funds: Funds;
  overallGoal: string;
  annualGoal: string;
  indicators: IndicatorBody[];
}

export interface NextDeadline {
  kind: string;
  label: string;
  dueAt: string;
  workingDaysLeft: number | null;
  overdue: boolean;
}

export interface Form extends Omit<FormBody, 'indicators'> {
  id: string;
  unitId: string;
  departmentId: string;
  year: number;
  state: FormState;
  stateLabel: string;
  version: number;
  allowedEvents: EventType[];
  indicators: Indicator[];
  approvedAmount: string | null;
  selfEvaluation: unknown;
  warnings: Finding[];
  nextDeadline?: NextDeadline | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Campaign {
  id: string;
  year: number;
  departmentId: string;
  declarationDeadline: string;
  reviewWorkingDays: number;
  resubmitWorkingDays: number;
  selfEvaluationOpensAt: string;
  selfEvaluationDeadline: string;
  reminderOffsets: string[];
  schemeVersion: string | null;
  createdAt: string;
}

export interface Org {
  id: string;
  name: string;
  kind: 'department' | 'unit';
  parentId: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  formId: string | null;
  campaignId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface HistoryEvent {
  seq: number;
  at: string;
  actor: { id: string; username: string; role: string };
  type: string;
  from: string | null;
  to: string;
  comment: string | null;
}

// The page needs these labels synchronously (buttons, notices, tables); they are the domain's
// (libs/domain/src/lifecycle/types.ts, also served by GET /api/lifecycle) and labels.spec.ts keeps them equal.
export const STATE_LABELS: Record<FormState, string> = {
  draft: '草稿',
  declared: '已申报',
  reviewing: '审核中',
  returned: '退回修改',
  approved: '已批复',
  selfEvaluation: '年终自评',
  selfEvaluationReview: '自评审核',
  completed: '已完成',
};

export const EVENT_LABELS: Record<EventType, string> = {
  SUBMIT: '申报',
  WITHDRAW: '撤回',
  START_REVIEW: '开始审核',
  APPROVE: '批复',
  RETURN: '退回',
  OPEN_SELF_EVALUATION: '开启年终自评',
  SUBMIT_SELF_EVALUATION: '提交自评',
  CONFIRM_SELF_EVALUATION: '确认自评',
  RETURN_SELF_EVALUATION: '退回自评',
};

export const ROLE_LABELS: Record<Role, string> = { admin: '系统管理员', reviewer: '主管部门审核人员', unit: '实施单位' };

/** GET /api/forms/:id/score, and the provisional `score` of PUT /api/forms/:id/self-evaluation. */
export interface Score {
  total: string;
  grade: string;
  schemeVersion: string;
  execution: { budget: string; executed: string; rate: string; weight: string; points: string; [k: string]: unknown };
  categories: { level1: string; weight: string; points: string; [k: string]: unknown }[];
  indicators: {
    indicatorId: string;
    name: string;
    target: string;
    actual: string | null;
    weight: string;
    points: string;
    rule: string;
    met: boolean;
    reasonRequired: boolean;
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}

export interface SelfEvaluationBody {
  version: number;
  budgetExecuted: string;
  executionReason?: string;
  indicators: { indicatorId: string; actual: string; tier?: 'achieved' | 'partial' | 'notAchieved'; points?: string; reason?: string }[];
  goalAchievement: string;
}

// --- Added for FormPage, ReviewQueuePage, ReportPage, AdminPage (helper webrev) ---

/** GET /api/lifecycle: the machine as a graph with its Chinese labels. */
export interface LifecycleGraph {
  version: string;
  initial?: string;
  states: { id: string; label: string; final?: boolean }[];
  transitions: { from: string; event: string; eventLabel: string; to: string; who?: string; whoLabel?: string }[];
}

/** GET /api/forms/:id/history. */
export interface HistoryView {
  events: (Omit<HistoryEvent, 'actor'> & { actor: { id: string | null; username: string; role: string }; payload?: unknown })[];
  chainValid: boolean;
  brokenAtSeq?: number | null;
}

/** The content frozen in a revision (a form body without campaign; indicators carry their ids). */
export type RevisionContent = Omit<FormBody, 'campaignId' | 'indicators'> & { indicators: (IndicatorBody & { id?: string })[] };

/** GET /api/forms/:id/revisions → { revisions: Revision[] }. */
export interface Revision {
  revision: number;
  reason: 'submitted' | 'approved';
  eventSeq: number;
  formVersion: number;
  content: RevisionContent;
  approvedAmount: string | null;
  createdAt: string;
  baseline: boolean;
}

/** GET /api/users (admin). */
export interface UserAccount {
  id: string;
  username: string;
  role: Role;
  orgId: string | null;
  email?: string | null;
  createdAt?: string;
}

export type Grade = '优' | '良' | '中' | '差';
export type LateReason = 'declarationOverdue' | 'resubmissionOverdue' | 'selfEvaluationOverdue';

/** GET /api/reports/campaigns/:id: the live department summary and the last year-end batch. */
export interface CampaignReport {
  campaignId: string;
  year: number;
  departmentName: string;
  schemeVersion: string;
  generatedAt: string;
  forms: number;
  countsByState: Record<string, number>;
  scored: number;
  gradeCounts: Record<Grade, number>;
  averageScore: string | null;
  weightedAverageScore: string | null;
  /** Ten bins of 10 points ([90, 100] last) with the number of scored forms in each. */
  scoreHistogram: { from: number; to: number; count: number }[];
  late: { formId: string; projectName: string; unitName: string; state: FormState; reason: LateReason }[];
  lowestIndicators: { formId: string; projectName: string; unitName: string; name: string; level1: string; weight: string; points: string; ratio: string }[];
  failures: { formIds: string[]; message: string }[];
  batch: null | { reportId: string; status: 'running' | 'done' | 'failed'; startedAt: string; finishedAt: string | null };
}

/** GET /api/calendar/:year. */
export interface CalendarYear {
  year: number;
  source: 'admin' | 'chinese-days' | string;
  holidays: string[];
  workdays: string[];
}
// --- end of webrev additions ---

// ---- Added for FormsListPage, FormEditorPage, ImportPage, SelfEvaluationPage, InboxPage (webunit) ----

/** GET /api/catalogue */
export interface Catalogue {
  level1: { name: string; level2: string[] }[];
}

/** POST /api/forms/precheck */
export interface PrecheckResult {
  indicators: { index: number; parsedTarget: ParsedTarget | null; targetError?: string }[];
  findings: Finding[];
}

/** One form of POST /api/forms/import, as parsed. */
export interface ImportedForm extends Omit<FormBody, 'campaignId' | 'indicators'> {
  year: number | null;
  departmentName: string | null;
  unitName: string | null;
  indicators: (IndicatorBody & { parsedTarget?: ParsedTarget | null; [k: string]: unknown })[];
}

export interface ImportFinding {
  /** Index in `forms`; -1 for the text as a whole. */
  form: number;
  source?: 'import' | 'precheck' | 'campaign';
  path?: string;
  line?: number;
  text?: string;
  rule?: string;
  severity?: 'error' | 'warning';
  message: string;
}

/** POST /api/forms/import */
export interface ImportResult {
  forms: ImportedForm[];
  warnings: ImportFinding[];
  created: string[];
}

/** PUT /api/forms/:id/self-evaluation */
export type SelfEvaluationResponse = Form & { score: Score };
// ---- end webunit ----
