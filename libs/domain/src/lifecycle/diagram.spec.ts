import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedSectionOf, lifecycleDocsSection, toMermaid, withGeneratedSection } from './diagram';
import { EVENT_LABELS, LIFECYCLE_STATES, STATE_LABELS } from './types';

// The docs are generated from the machine. When this fails, regenerate and commit the result:
//   UPDATE_DOCS=1 npx jest libs/domain/src/lifecycle/diagram.spec.ts
const DOC = join(__dirname, '../../../../docs/lifecycle.md');
const REGENERATE = 'docs/lifecycle.md is stale; run: UPDATE_DOCS=1 npx jest libs/domain/src/lifecycle/diagram.spec.ts';

if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, withGeneratedSection(readFileSync(DOC, 'utf8')));

function mermaidBlockOf(doc: string): string | null {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(doc);
  return match ? match[1] : null;
}

describe('docs/lifecycle.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('has the current Mermaid diagram', () => {
    const block = mermaidBlockOf(doc);
    if (block !== toMermaid()) throw new Error(`${REGENERATE}\n\nexpected diagram:\n${toMermaid()}`);
    expect(block).toBe(toMermaid());
  });

  it('has the current generated section (diagram and transition table)', () => {
    const section = generatedSectionOf(doc);
    if (section !== lifecycleDocsSection()) throw new Error(REGENERATE);
    expect(section).toBe(lifecycleDocsSection());
  });
});

describe('toMermaid', () => {
  const diagram = toMermaid();

  it('is a stateDiagram-v2 naming every state with its Chinese label', () => {
    expect(diagram.split('\n')[0]).toBe('stateDiagram-v2');
    for (const state of LIFECYCLE_STATES) expect(diagram).toContain(`state "${STATE_LABELS[state]} ${state}" as ${state}`);
  });

  it('starts in 草稿, ends in 已完成, and draws the 退回 loops', () => {
    expect(diagram).toContain('[*] --> draft');
    expect(diagram).toContain('completed --> [*]');
    expect(diagram).toContain(`reviewing --> returned : ${EVENT_LABELS.RETURN} RETURN`);
    expect(diagram).toContain(`returned --> declared : ${EVENT_LABELS.SUBMIT} SUBMIT`);
    expect(diagram).toContain(`selfEvaluationReview --> selfEvaluation : ${EVENT_LABELS.RETURN_SELF_EVALUATION} RETURN_SELF_EVALUATION`);
  });

  it('has one edge per transition (10)', () => {
    expect(diagram.split('\n').filter((l) => / --> (?!\[\*\])/.test(l) && !l.includes('[*] -->'))).toHaveLength(10);
  });
});

describe('withGeneratedSection', () => {
  it('replaces only the text between the markers', () => {
    const stale = readFileSync(DOC, 'utf8').replace(/stateDiagram-v2/, 'stateDiagram-v2\n    stale --> gone');
    const fixed = withGeneratedSection(stale);
    expect(generatedSectionOf(fixed)).toBe(lifecycleDocsSection());
    expect(fixed.split('<!-- BEGIN')[0]).toBe(stale.split('<!-- BEGIN')[0]);
  });

  it('refuses a document without markers', () => {
    expect(() => withGeneratedSection('# no markers')).toThrow('markers');
  });
});
