import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLE_TRANSITIONS } from './definition';
import { generatedSectionOf, lifecycleDocsSection, lifecycleGraph, toMermaid, withGeneratedSection } from './diagram';
import { MACHINE_VERSION } from './machine';
import { EVENT_LABELS, LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES, STATE_LABELS } from './types';

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

// GET /api/lifecycle: the page draws the same machine as docs/lifecycle.md, read from its definition.
describe('lifecycleGraph', () => {
  const graph = lifecycleGraph();

  it('carries the machine version, the initial state and every state with its label', () => {
    expect(graph.version).toBe(MACHINE_VERSION);
    expect(graph.initial).toBe('draft');
    expect(graph.states.map((s) => s.id)).toEqual([...LIFECYCLE_STATES]);
    expect(graph.states.find((s) => s.id === 'returned')).toEqual({ id: 'returned', label: '退回修改', final: false });
    expect(graph.states.filter((s) => s.final).map((s) => s.id)).toEqual(['completed']);
  });

  it('has exactly the transitions of the definition, each with its Chinese event label and who may act', () => {
    expect(graph.transitions.map((t) => [t.from, t.event, t.to, t.who])).toEqual(LIFECYCLE_TRANSITIONS.map((t) => [t.from, t.event, t.to, t.who]));
    expect(graph.transitions.find((t) => t.from === 'reviewing' && t.event === 'RETURN')).toEqual({
      from: 'reviewing', event: 'RETURN', eventLabel: '退回', to: 'returned', who: 'departmentReviewer', whoLabel: '本主管部门审核人员',
    });
  });

  it('labels every event in Chinese', () => {
    for (const event of LIFECYCLE_EVENT_TYPES) expect([event, /^[\u4e00-\u9fff]+$/.test(EVENT_LABELS[event])]).toEqual([event, true]);
    expect(EVENT_LABELS).toMatchObject({ SUBMIT: '申报', WITHDRAW: '撤回', START_REVIEW: '开始审核', APPROVE: '批复', RETURN: '退回' });
  });

  it('is what the Mermaid diagram draws: one edge per transition, nothing else', () => {
    const edges = toMermaid().split('\n').filter((l) => / --> /.test(l) && !l.includes('[*]')).map((l) => l.trim());
    expect(edges).toEqual(graph.transitions.map((t) => `${t.from} --> ${t.to} : ${t.eventLabel} ${t.event}`));
  });
});
