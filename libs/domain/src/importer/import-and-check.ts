import { runPrechecks } from '../prechecks';
import { importForms } from './import-forms';
import type { ImportedForm } from './types';

/** A finding about imported text: what the importer could not place, or what a pre-check says. */
export interface ImportFinding {
  /** Index in `forms` (-1: the text as a whole). */
  form: number;
  source: 'import' | 'precheck' | 'campaign';
  path?: string;
  line?: number;
  text?: string;
  rule?: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Imports the text and runs the pre-checks on every form, so that a user sees before saving both
 * what the importer had to decide and what would block submission. `year` overrides the year the
 * text prints (the campaign's year when importing into one).
 */
export function importAndCheck(text: string, options: { year?: number } = {}): { forms: ImportedForm[]; warnings: ImportFinding[] } {
  const result = importForms(text);
  const warnings: ImportFinding[] = result.warnings.map((w) => ({ ...w, source: 'import', severity: 'warning' }));
  result.forms.forEach((form, index) => {
    const year = options.year ?? form.year;
    if (year === null) return;
    const checks = runPrechecks({ year, content: form });
    for (const f of [...checks.errors, ...checks.warnings]) {
      warnings.push({ form: index, source: 'precheck', path: f.path, rule: f.rule, severity: f.severity, message: f.message });
    }
  });
  return { forms: result.forms, warnings };
}
