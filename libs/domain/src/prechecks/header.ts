import type { FormContent } from '../forms';
import { text } from './context';
import type { Issue, PrecheckContext } from './types';

type HeaderField = 'projectName' | 'nature' | 'category' | 'plannedStart' | 'plannedEnd' | 'overallGoal' | 'annualGoal';

const LABELS: Record<HeaderField, string> = {
  projectName: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  plannedStart: '计划开始日期',
  plannedEnd: '计划完成日期',
  overallGoal: '项目总目标',
  annualGoal: '年度总体目标',
};

// Without these the form cannot be reviewed or scheduled.
const REQUIRED: HeaderField[] = ['projectName', 'category', 'plannedStart', 'plannedEnd', 'annualGoal'];
// Blank in real published forms: 项目性质 is not on every template (the 2022 青浦 template has
// only 项目类别), and 项目总目标 is often left empty for recurring projects.
const RECOMMENDED: HeaderField[] = ['nature', 'overallGoal'];

/** Blank after removing the `<p>` markup that published goals carry. */
function isBlank(content: FormContent, field: HeaderField): boolean {
  return text(content[field]).replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() === '';
}

/** header.required: 项目名称, 项目类别, 计划开始/完成日期 and 年度总体目标 are filled in. */
export function checkHeaderRequired(ctx: PrecheckContext): Issue[] {
  return REQUIRED.filter((field) => isBlank(ctx.content, field)).map((field) => ({
    path: field,
    message: `请填写${LABELS[field]}。`,
  }));
}

/** header.recommended: 项目性质 and 项目总目标 are filled in. */
export function checkHeaderRecommended(ctx: PrecheckContext): Issue[] {
  return RECOMMENDED.filter((field) => isBlank(ctx.content, field)).map((field) => ({
    path: field,
    message: `${LABELS[field]}未填写，请审核人确认是否需要补充。`,
  }));
}
