// The form lifecycle (GET /api/lifecycle) drawn as an inline SVG: the main path from 草稿 to 已完成 in
// one row, 退回修改 beside 审核中, each arrow with its event's label, the current state filled blue.
import { useEffect, useId, useRef } from 'react';
import { api } from '../api';
import type { LifecycleGraph } from '../types';
import { ErrorBox, Loading, useAsync } from '../ui';

let lifecyclePromise: Promise<LifecycleGraph> | null = null;

/** The machine's graph, fetched once per session (a failure is retried on the next call). */
export function loadLifecycle(): Promise<LifecycleGraph> {
  if (!lifecyclePromise) {
    lifecyclePromise = api<LifecycleGraph>('GET', '/api/lifecycle').catch((err: unknown) => {
      lifecyclePromise = null;
      throw err;
    });
  }
  return lifecyclePromise;
}


const MAIN_PATH = ['draft', 'declared', 'reviewing', 'approved', 'selfEvaluation', 'selfEvaluationReview', 'completed'];
const BOX_W = 100;
const BOX_H = 40;
const STEP = 168;
const LEFT = 24;
const MAIN_TOP = 72;
const SIDE_TOP = 190;
const EXTRA_TOP = 290;

interface Box {
  id: string;
  label: string;
  x: number;
  y: number;
  final: boolean;
  main: boolean;
}

function layout(graph: LifecycleGraph): { boxes: Map<string, Box>; height: number } {
  const boxes = new Map<string, Box>();
  const mainIndex = new Map(MAIN_PATH.map((id, i) => [id, i]));
  let extra = 0;
  for (const s of graph.states) {
    const i = mainIndex.get(s.id);
    let x: number;
    let y: number;
    if (i !== undefined) {
      x = LEFT + i * STEP;
      y = MAIN_TOP;
    } else if (s.id === 'returned') {
      x = LEFT + 2 * STEP; // beside 审核中, below it
      y = SIDE_TOP;
    } else {
      // A state this layout does not know yet: a row of its own, still drawn.
      x = LEFT + (4 + extra) * STEP;
      y = extra > 2 ? EXTRA_TOP + 80 : SIDE_TOP;
      if (x + BOX_W > LEFT + 7 * STEP) x = LEFT + ((extra - 3) % 7) * STEP;
      extra++;
    }
    boxes.set(s.id, { id: s.id, label: s.label, x, y, final: !!s.final, main: i !== undefined });
  }
  const bottom = Math.max(...[...boxes.values()].map((b) => b.y + BOX_H));
  return { boxes, height: bottom + 40 };
}

/** Splits a label into lines of at most `n` characters (Chinese has no spaces to break at). */
function lines(text: string, n = 4): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/** Where the segment from a box's centre towards (tx, ty) leaves the box. */
function clip(b: Box, tx: number, ty: number): [number, number] {
  const cx = b.x + BOX_W / 2;
  const cy = b.y + BOX_H / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : BOX_W / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : BOX_H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

interface Edge {
  key: string;
  d: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
  label: string[];
  event: string;
  /** "申报（实施单位）": what the arrow is and who takes it, for the tooltip. */
  title: string;
}

function edges(graph: LifecycleGraph, boxes: Map<string, Box>): Edge[] {
  const pairs = new Set(graph.transitions.map((t) => `${t.from}>${t.to}`));
  const out: Edge[] = [];
  graph.transitions.forEach((t, k) => {
    const a = boxes.get(t.from);
    const b = boxes.get(t.to);
    if (!a || !b) return;
    const label = lines(t.eventLabel);
    const title = t.whoLabel ? `${t.eventLabel}（${t.whoLabel}）` : t.eventLabel;
    const key = `${t.from}-${t.event}-${t.to}-${k}`;
    if (a.main && b.main && a.y === b.y) {
      const cy = a.y + BOX_H / 2;
      if (b.x > a.x) {
        // Forward along the main path: a straight arrow, its label above it between the boxes.
        const x1 = a.x + BOX_W;
        const x2 = b.x;
        out.push({ key, d: `M${x1},${cy} L${x2 - 2},${cy}`, labelX: (x1 + x2) / 2, labelY: cy - 8 - (label.length - 1) * 14, anchor: 'middle', label, event: t.event, title });
      } else {
        // Backward along the main path (撤回, 退回自评): an arc above the row.
        const x1 = a.x + BOX_W / 2 - 10;
        const x2 = b.x + BOX_W / 2 + 10;
        const top = a.y;
        const mid = (x1 + x2) / 2;
        out.push({ key, d: `M${x1},${top} Q${mid},${top - 56} ${x2},${top - 2}`, labelX: mid, labelY: top - 34 - (label.length - 1) * 14, anchor: 'middle', label, event: t.event, title });
      }
      return;
    }
    // Anything else: a straight arrow between the box borders, shifted aside when the pair goes both ways.
    let ax = a.x + BOX_W / 2;
    let ay = a.y + BOX_H / 2;
    let bx = b.x + BOX_W / 2;
    let by = b.y + BOX_H / 2;
    const both = pairs.has(`${t.to}>${t.from}`);
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const nx = -(by - ay) / len;
    const ny = (bx - ax) / len;
    if (both) {
      ax += nx * 14;
      ay += ny * 14;
      bx += nx * 14;
      by += ny * 14;
    }
    const [x1, y1] = clip(a, bx, by);
    const [x2, y2] = clip(b, ax, ay);
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    // The label sits on the side the arrow was shifted to (or to the right of a vertical one).
    const side = both ? 1 : nx >= 0 ? 1 : -1;
    const lx = mx + nx * 10 * side;
    const ly = my + ny * 10 * side;
    const anchor = Math.abs(nx) < 0.2 ? 'middle' : nx * side > 0 ? 'start' : 'end';
    out.push({ key, d: `M${x1},${y1} L${x2},${y2}`, labelX: lx, labelY: ly + 4 - ((label.length - 1) * 14) / 2, anchor, label, event: t.event, title });
  });
  return out;
}

function Diagram({ graph, current }: { graph: LifecycleGraph; current: string }) {
  const { boxes, height } = layout(graph);
  const width = LEFT * 2 + 6 * STEP + BOX_W;
  const marker = `lifecycle-arrow-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const currentLabel = boxes.get(current)?.label ?? current;
  return (
    <svg
      className="lifecycle-diagram"
      data-testid="lifecycle-diagram"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={`申报表流转图，当前状态：${currentLabel}`}
      // Never narrower than its labels can be read at: on a phone the diagram scrolls sideways instead.
      style={{ maxWidth: width, minWidth: 760, display: 'block' }}
    >
      <title>{`申报表流转图（当前状态：${currentLabel}）`}</title>
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#5f6b7a" />
        </marker>
      </defs>
      {edges(graph, boxes).map((e) => (
        <g key={e.key} data-event={e.event}>
          <title>{e.title}</title>
          <path d={e.d} fill="none" stroke="#5f6b7a" strokeWidth={1.4} markerEnd={`url(#${marker})`} />
          <text x={e.labelX} y={e.labelY} textAnchor={e.anchor} fontSize={12} fill="#1d2733">
            {e.label.map((l, i) => (
              <tspan key={i} x={e.labelX} dy={i === 0 ? 0 : 14}>
                {l}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      {graph.initial && boxes.get(graph.initial) && (
        <g aria-hidden="true">
          <circle cx={boxes.get(graph.initial)!.x - 14} cy={boxes.get(graph.initial)!.y + BOX_H / 2} r={5} fill="#1d2733" />
          <path d={`M${boxes.get(graph.initial)!.x - 9},${boxes.get(graph.initial)!.y + BOX_H / 2} L${boxes.get(graph.initial)!.x - 2},${boxes.get(graph.initial)!.y + BOX_H / 2}`} stroke="#1d2733" markerEnd={`url(#${marker})`} />
        </g>
      )}
      {[...boxes.values()].map((b) => {
        const isCurrent = b.id === current;
        return (
          <g key={b.id} data-state={b.id} data-current={isCurrent ? 'true' : undefined}>
            {b.final && <rect x={b.x - 3} y={b.y - 3} width={BOX_W + 6} height={BOX_H + 6} rx={10} fill="none" stroke={isCurrent ? '#1f4e9c' : '#5f6b7a'} />}
            <rect
              x={b.x}
              y={b.y}
              width={BOX_W}
              height={BOX_H}
              rx={8}
              fill={isCurrent ? '#1f4e9c' : '#ffffff'}
              stroke={isCurrent ? '#1f4e9c' : '#9aa6b5'}
              strokeWidth={isCurrent ? 2 : 1.2}
            />
            <text x={b.x + BOX_W / 2} y={b.y + BOX_H / 2 + 5} textAnchor="middle" fontSize={14} fontWeight={isCurrent ? 700 : 400} fill={isCurrent ? '#ffffff' : '#1d2733'}>
              {b.label}
            </text>
            {isCurrent && <title>{`当前状态：${b.label}`}</title>}
          </g>
        );
      })}
    </svg>
  );
}

/** The lifecycle with `current` highlighted. */
export function LifecycleDiagram({ current }: { current: string }) {
  const graph = useAsync(loadLifecycle, []);
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the diagram scrolls sideways: bring the current state into view.
  useEffect(() => {
    const box = scroller.current?.querySelector('[data-current="true"] rect:last-of-type');
    const el = scroller.current;
    if (!box || !el || el.scrollWidth <= el.clientWidth) return;
    const r = box.getBoundingClientRect();
    const outer = el.getBoundingClientRect();
    el.scrollLeft += r.left + r.width / 2 - (outer.left + outer.width / 2);
  }, [graph.data, current]);
  if (graph.error !== undefined && !graph.data) return <ErrorBox error={graph.error} title="流转图加载失败" />;
  if (!graph.data) return <Loading label="正在加载流转图…" />;
  return (
    <div className="lifecycle-scroll" ref={scroller} style={{ overflowX: 'auto' }}>
      <Diagram graph={graph.data} current={current} />
    </div>
  );
}
