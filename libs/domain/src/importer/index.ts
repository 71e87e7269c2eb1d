export { importForms } from './import-forms';
export type { ImportedForm, ImportResult, ImportWarning } from './types';
