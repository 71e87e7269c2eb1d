import { INITIAL_STATE, isFinalState, LIFECYCLE_TRANSITIONS, type LifecycleTransition } from './definition';
import type { LifecycleAction } from './effects';
import { ACTOR_SCOPE_LABELS, CONTENT_RULES, type ActorScope } from './guards';
import { MACHINE_VERSION } from './machine';
import { EVENT_LABELS, LIFECYCLE_STATES, STATE_LABELS, type LifecycleEventType, type LifecycleState } from './types';

/** The machine as a graph with its Chinese labels: what GET /api/lifecycle returns and the diagram draws. */
export interface LifecycleGraph {
  /** MACHINE_VERSION: changes whenever states, transitions, guards or actions change. */
  version: string;
  initial: LifecycleState;
  states: { id: LifecycleState; label: string; final: boolean }[];
  transitions: { from: LifecycleState; event: LifecycleEventType; eventLabel: string; to: LifecycleState; who: ActorScope; whoLabel: string }[];
}

/** The graph of the machine, read from its definition (LIFECYCLE_TRANSITIONS), in definition order. */
export function lifecycleGraph(): LifecycleGraph {
  return {
    version: MACHINE_VERSION,
    initial: INITIAL_STATE,
    states: LIFECYCLE_STATES.map((id) => ({ id, label: STATE_LABELS[id], final: isFinalState(id) })),
    transitions: LIFECYCLE_TRANSITIONS.map((t) => ({
      from: t.from,
      event: t.event,
      eventLabel: EVENT_LABELS[t.event],
      to: t.to,
      who: t.who,
      whoLabel: ACTOR_SCOPE_LABELS[t.who],
    })),
  };
}

/** The Mermaid state diagram of the machine, drawn from lifecycleGraph(). */
export function toMermaid(): string {
  const graph = lifecycleGraph();
  const lines = ['stateDiagram-v2'];
  for (const state of graph.states) lines.push(`    state "${state.label} ${state.id}" as ${state.id}`);
  lines.push(`    [*] --> ${graph.initial}`);
  for (const t of graph.transitions) lines.push(`    ${t.from} --> ${t.to} : ${t.eventLabel} ${t.event}`);
  for (const state of graph.states) if (state.final) lines.push(`    ${state.id} --> [*]`);
  return lines.join('\n');
}

function describeAction(action: LifecycleAction): string {
  switch (action.type) {
    case 'notify':
      return `notify ${action.params.kind} → ${action.params.to}`;
    case 'scheduleDeadline':
      return `scheduleDeadline ${action.params.kind}`;
    case 'cancelDeadline':
      return `cancelDeadline ${action.params.kind}`;
    case 'freezeRevision':
      return `freezeRevision ${action.params.reason}${action.params.baseline ? ' (baseline)' : ''}`;
    case 'enqueueScoring':
      return 'enqueueScoring';
  }
}

function transitionRow(t: LifecycleTransition): string {
  const cells = [
    `${STATE_LABELS[t.from]} \`${t.from}\``,
    `${EVENT_LABELS[t.event]} \`${t.event}\``,
    `${STATE_LABELS[t.to]} \`${t.to}\``,
    ACTOR_SCOPE_LABELS[t.who],
    t.rule === undefined ? '—' : `${CONTENT_RULES[t.rule].label} (\`${t.rule}\`)`,
    t.actions.length === 0 ? '—' : t.actions.map(describeAction).join('<br>'),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The generated part of docs/lifecycle.md: the diagram and the table of transitions. */
export function lifecycleDocsSection(): string {
  return [
    '```mermaid',
    toMermaid(),
    '```',
    '',
    '| 状态 from | 事件 event | 下一状态 to | 谁可以操作 who | 条件 guard | 副作用 effects |',
    '|---|---|---|---|---|---|',
    ...LIFECYCLE_TRANSITIONS.map(transitionRow),
  ].join('\n');
}

export const DOCS_BEGIN = '<!-- BEGIN GENERATED lifecycle: UPDATE_DOCS=1 npx jest libs/domain/src/lifecycle/diagram.spec.ts -->';
export const DOCS_END = '<!-- END GENERATED lifecycle -->';

/** The generated section currently in a document, or null when its markers are missing. */
export function generatedSectionOf(doc: string): string | null {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin) return null;
  return doc.slice(begin + DOCS_BEGIN.length, end).trim();
}

/** The document with its generated section replaced by the current one (markers must exist). */
export function withGeneratedSection(doc: string): string {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin) throw new Error('docs/lifecycle.md lacks the generated-section markers');
  return `${doc.slice(0, begin + DOCS_BEGIN.length)}\n${lifecycleDocsSection()}\n${doc.slice(end)}`;
}
