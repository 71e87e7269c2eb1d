import type { Funds, ParsedIndicator } from '../forms';
import type { Goals } from './goals-tabular';
import type { HeaderFields } from './header-fields';
import { parseCell } from './target-cell';
import type { ImportedForm, Note, RawIndicator } from './types';

const MONEY_UNITS = new Set(['元', '万元', '千元', '亿元', '百万元']);

/**
 * A cost indicator whose 一级/二级 were inherited from the rows above but whose target counts
 * things (000: `直属公园专业安全排查次数 =24.00(次)` under 成本指标 before a page break that printed
 * 产出指标/数量指标 only on the next page). The reading is kept; the reviewer is told.
 */
function costUnitNote(indicator: ParsedIndicator, raw: RawIndicator, path: string): Note | null {
  const isCost = indicator.level1 === '成本指标' || indicator.level2 === '成本指标';
  const parsed = indicator.parsedTarget;
  if (!raw.inherited || !isCost || parsed?.kind !== 'quantitative') return null;
  if (parsed.unit === '' || parsed.unit === '%' || MONEY_UNITS.has(parsed.unit)) return null;
  return {
    path: `${path}.level1`,
    line: raw.line,
    text: indicator.name,
    message: `指标“${indicator.name}”沿用上方的“${indicator.level1}/${indicator.level2}”，但指标值的单位是“${parsed.unit}”而不是金额，可能属于分页处未印出的其他指标分类，请核对。`,
  };
}

/** The form body from its parts, each target parsed (null with a warning when missing or unreadable). */
export function assembleForm(
  year: number | null,
  fields: HeaderFields,
  funds: Funds,
  goals: Goals,
  raws: RawIndicator[],
): { form: ImportedForm; notes: Note[] } {
  const notes: Note[] = [];
  const indicators = raws.map((raw, i): ParsedIndicator => {
    const path = `indicators[${i}]`;
    const { parsed, note } = parseCell(raw.target, path, raw.line, raw.name);
    if (note) notes.push(note);
    const indicator: ParsedIndicator = { level1: raw.level1, level2: raw.level2, name: raw.name, target: raw.target, parsedTarget: parsed };
    if (raw.weight !== undefined) indicator.weight = raw.weight;
    const cost = costUnitNote(indicator, raw, path);
    if (cost) notes.push(cost);
    return indicator;
  });
  const form: ImportedForm = {
    year,
    departmentName: fields.departmentName,
    unitName: fields.unitName,
    projectName: fields.projectName,
    nature: fields.nature,
    category: fields.category,
    plannedStart: fields.plannedStart,
    plannedEnd: fields.plannedEnd,
    funds,
    overallGoal: goals.overallGoal,
    annualGoal: goals.annualGoal,
    indicators,
  };
  return { form, notes };
}

/** A form with nothing in it, for a title that could not be read at all. */
export function emptyForm(year: number | null): ImportedForm {
  return {
    year,
    departmentName: null,
    unitName: null,
    projectName: '',
    nature: '',
    category: '',
    plannedStart: '',
    plannedEnd: '',
    funds: { total: '', currentYear: '', carryOver: '', other: '' },
    overallGoal: '',
    annualGoal: '',
    indicators: [],
  };
}
