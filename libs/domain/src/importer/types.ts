import type { FormContent, ParsedIndicator } from '../forms';

/** What {@link importForms} read from the text of published 申报表: the forms, in order, and the warnings. */
export interface ImportResult {
  forms: ImportedForm[];
  warnings: ImportWarning[];
}

/**
 * One form as parsed: the form body (API.md) plus what the text printed about its year and
 * organisations (null when the text does not print them). Money is in 元.
 */
export interface ImportedForm extends FormContent {
  /** 预算年度, from `(2024年度)` */
  year: number | null;
  /** 主管部门 as printed */
  departmentName: string | null;
  /** 实施单位 as printed */
  unitName: string | null;
  indicators: ParsedIndicator[];
}

/**
 * Something the importer could not place or had to decide. `form` is the index in `forms`
 * (-1 for the text as a whole), `line` the 1-based line of the input, `path` the field in the form
 * body (`funds.currentYear`, `indicators[3].level2`), `text` the printed text concerned.
 */
export interface ImportWarning {
  form: number;
  path?: string;
  line?: number;
  text?: string;
  /** Chinese, for the user who imports. */
  message: string;
}

/** A warning before it knows its form. */
export type Note = Omit<ImportWarning, 'form'>;

/** One line of the input with its 1-based number. */
export interface Line {
  no: number;
  text: string;
  /** The text without any whitespace, computed once: labels are compared this way all the time. */
  compact: string;
}

/** The two layouts PDF extraction produces (see layout.ts). */
export type Layout = 'tabular' | 'lines';

/** An indicator as a table reader found it, before its target is parsed. */
export interface RawIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  weight?: string;
  /** Line of the 三级 name. */
  line: number;
  /** True when no 一级/二级 was printed on the indicator's own row (inherited from above). */
  inherited: boolean;
}

/** What an indicator-table reader returns. */
export interface IndicatorReading {
  indicators: RawIndicator[];
  notes: Note[];
}
