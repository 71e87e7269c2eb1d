import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importAndCheck } from './import-and-check';

const SEED_000 = readFileSync(path.join(__dirname, '../../../../test/fixtures/seeds/000_e735812eb1d2a4f8.txt'), 'utf8');

// Import + pre-checks: what the user sees before saving (API.md import route, dryRun=true).
describe('importAndCheck', () => {
  it('reports the importer warnings and the pre-checks per form', () => {
    const { forms, warnings } = importAndCheck(SEED_000);
    expect(forms).toHaveLength(4);
    expect(warnings.filter((w) => w.source === 'import').every((w) => w.severity === 'warning')).toBe(true);
    // 000 form 4 lost the target of 热线数据共享率 in the PDF: the importer says so, and the pre-check blocks submission.
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ form: 3, source: 'import', path: 'indicators[14].target' }),
        expect.objectContaining({ form: 3, source: 'precheck', rule: 'target.empty', severity: 'error', path: 'indicators[14].target' }),
      ]),
    );
  });

  it('checks against the given year instead of the printed one', () => {
    const { warnings } = importAndCheck(SEED_000, { year: 2025 });
    expect(warnings.filter((w) => w.rule === 'dates.budget-year').map((w) => w.form).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(importAndCheck(SEED_000).warnings.filter((w) => w.rule === 'dates.budget-year')).toEqual([]);
  });
});
