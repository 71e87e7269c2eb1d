import { assembleForm, emptyForm } from './assemble';
import { readFunds } from './funds';
import { readGoalsLines } from './goals-lines';
import { readGoalsTabular } from './goals-tabular';
import { readHeaderEntries } from './header';
import { readHeaderFields } from './header-fields';
import { readIndicatorsLines } from './indicators-lines';
import { readIndicatorsTabular } from './indicators-tabular';
import { detectLayout, findSections } from './layout';
import { splitForms, type FormChunk } from './split-forms';
import { toLines } from './text';
import type { ImportedForm, ImportResult, ImportWarning, Note } from './types';

/**
 * Reads the text of published 财政项目支出绩效目标申报表 (one text may hold many forms, in either
 * layout of PDF extraction) into form bodies. It never invents data: what it cannot place, and
 * every reading that was a decision rather than plain, is a warning naming the form, the line and
 * the text. It never throws.
 */
export function importForms(text: string): ImportResult {
  const lines = toLines(typeof text === 'string' ? text : '');
  const { chunks, notes } = splitForms(lines);
  const forms: ImportedForm[] = [];
  const warnings: ImportWarning[] = notes.map((n) => ({ form: -1, ...n }));
  chunks.forEach((chunk, index) => {
    let read: { form: ImportedForm; notes: Note[] };
    try {
      read = readForm(chunk);
    } catch {
      // A safety net for the HTTP import: a bug must not lose the other forms of the text.
      read = { form: emptyForm(chunk.year), notes: [{ line: chunk.title?.no, message: '这张表无法读取（导入程序内部错误），请手工录入。' }] };
    }
    forms.push(read.form);
    warnings.push(...read.notes.map((n) => ({ form: index, ...n })));
  });
  return { forms, warnings };
}

function readForm(chunk: FormChunk): { form: ImportedForm; notes: Note[] } {
  const notes: Note[] = [];
  if (chunk.year === null) notes.push({ line: chunk.title?.no, message: '未找到预算年度（如“(2024年度)”）。' });
  const layout = detectLayout(chunk.lines);
  const sections = findSections(chunk.lines);

  const header = readHeaderEntries(sections.header);
  const fields = readHeaderFields(header.entries);
  const funds = readFunds(header.entries, header.unitLines);
  const goals = layout === 'tabular' ? readGoalsTabular(sections.goals) : readGoalsLines(sections.goals);
  if (sections.indicators.length === 0) notes.push({ path: 'indicators', line: chunk.title?.no, message: '未找到绩效指标表。' });
  const table = layout === 'tabular' ? readIndicatorsTabular(sections.indicators) : readIndicatorsLines(sections.indicators);
  const assembled = assembleForm(chunk.year, fields.fields, funds.funds, goals.goals, table.indicators);

  notes.push(...header.notes, ...fields.notes, ...funds.notes, ...goals.notes, ...table.notes, ...assembled.notes);
  return { form: assembled.form, notes: sortByLine(notes) };
}

/** Warnings in the order of the text, so that a reader can follow them with the form in hand. */
function sortByLine(notes: Note[]): Note[] {
  return notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (a.n.line ?? 0) - (b.n.line ?? 0) || a.i - b.i)
    .map(({ n }) => n);
}
