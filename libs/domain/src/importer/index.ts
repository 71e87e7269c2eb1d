export { importForms } from './import-forms';
export type { ImportedForm, ImportResult, ImportWarning } from './types';
export { importAndCheck, type ImportFinding } from './import-and-check';
