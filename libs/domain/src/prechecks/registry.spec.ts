import type { FormContent } from '../forms';
import { describePrechecks, PRECHECK_RULES, runPrechecks } from '.';
import { check, cleanForm } from './spec-kit';

describe('the pre-check registry', () => {
  it('has unique, stable ids with a severity, a source and a description', () => {
    const ids = PRECHECK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of PRECHECK_RULES) {
      expect(rule.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(['审核要点', '财预〔2020〕10号', 'DESIGN §4']).toContain(rule.source);
      expect(rule.description.length).toBeGreaterThan(4);
    }
  });

  it('describes the rules without their check functions (for the API and the docs)', () => {
    const info = describePrechecks();
    expect(info).toHaveLength(PRECHECK_RULES.length);
    expect(info[0]).toEqual({
      id: 'header.required',
      severity: 'error',
      description: '项目名称、项目类别、计划开始/完成日期和年度总体目标必须填写',
      source: '审核要点',
    });
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
  });

  it('files each finding by the severity of its rule', () => {
    const result = check({ ...cleanForm(), projectName: '', overallGoal: '' });
    const severity = new Map(PRECHECK_RULES.map((r) => [r.id, r.severity]));
    expect(result.errors.map((f) => [f.rule, severity.get(f.rule), f.severity])).toEqual([['header.required', 'error', 'error']]);
    expect(result.warnings.map((f) => [f.rule, severity.get(f.rule), f.severity])).toEqual([
      ['header.recommended', 'warning', 'warning'],
    ]);
  });

  it('does not throw on a malformed body (missing funds and indicators)', () => {
    const content = { projectName: '项目' } as unknown as FormContent;
    const result = runPrechecks({ year: 2024, content });
    expect(result.errors.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['header.required', 'funds.format', 'indicators.output-required', 'indicators.effect-required']),
    );
  });
});
