// Paths of the API ("indicators[2].target", "funds.total") as users read them: "第 3 行指标 · 指标值".

const FIELD_NAMES: Record<string, string> = {
  campaignId: '申报批次',
  projectName: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  plannedStart: '计划开始日期',
  plannedEnd: '计划结束日期',
  funds: '项目资金',
  'funds.total': '资金总额',
  'funds.currentYear': '当年财政拨款',
  'funds.carryOver': '上年结转资金',
  'funds.other': '其他资金',
  overallGoal: '总体目标',
  annualGoal: '年度目标',
  indicators: '绩效指标',
  year: '年度',
  unitName: '实施单位',
  departmentName: '主管部门',
  budgetExecuted: '全年执行数',
  executionReason: '执行偏差原因',
  goalAchievement: '总体目标完成情况',
  version: '版本号',
  approvedAmount: '批复金额',
  comment: '意见',
  password: '密码',
  username: '用户名',
  body: '文本',
};

const INDICATOR_FIELDS: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '指标值',
  weight: '分值',
  actual: '实际完成值',
  tier: '达成程度',
  points: '自评分值',
  reason: '偏差原因',
  indicatorId: '指标',
};

/** The 0-based indicator row a path points into, or null. */
export function indicatorIndexOf(path: string | undefined): number | null {
  const m = /(?:^|\.)indicators\[(\d+)\]/.exec(path ?? '');
  return m ? Number(m[1]) : null;
}

/** The field of an indicator path ("indicators[2].target" → "target"), or null. */
export function indicatorFieldOf(path: string | undefined): string | null {
  const m = /indicators\[\d+\]\.(\w+)/.exec(path ?? '');
  return m ? m[1] : null;
}

/** A human location: "第 3 行指标 · 指标值", "资金总额", or the path itself when unknown. */
export function describePath(path: string | undefined | null): string {
  if (!path) return '整张表';
  const p = path.replace(/^forms\[\d+\]\./, '');
  const index = indicatorIndexOf(p);
  if (index !== null) {
    const field = indicatorFieldOf(p);
    const fieldName = field ? (INDICATOR_FIELDS[field] ?? field) : '';
    return `第 ${index + 1} 行指标${fieldName ? ` · ${fieldName}` : ''}`;
  }
  return FIELD_NAMES[p] ?? FIELD_NAMES[p.split('.')[0]] ?? p;
}
