// Small charts as inline SVG (no chart library): vertical bars with a count axis, and horizontal
// stacked bars with a legend. Every chart has a <title>, an aria-label and Chinese axis labels.
import type { ReactNode } from 'react';

export interface Bar {
  label: string;
  value: number;
  color?: string;
}

const AXIS = '#5f6b7a';
const GRID = '#e3e8ef';
const BLUE = '#1f4e9c';

/** Round tick steps (1, 2, 5 × 10ⁿ) so that the count axis shows whole numbers. */
function ticks(max: number, wanted = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / wanted;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10);
  const top = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(Math.round(v));
  return out;
}

function Frame({ testId, title, width, height, children, description }: { testId: string; title: string; width: number; height: number; children: ReactNode; description?: string }) {
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }} role="img" aria-label={description ? `${title}：${description}` : title}>
        <title>{title}</title>
        {description && <desc>{description}</desc>}
        {children}
      </svg>
    </figure>
  );
}

/** Vertical bars: one per label, the count written above each. */
export function BarChart({ testId, title, bars, xLabel, yLabel, width = 560, height = 280 }: { testId: string; title: string; bars: Bar[]; xLabel: string; yLabel: string; width?: number; height?: number }) {
  const m = { top: 34, right: 16, bottom: 56, left: 56 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const t = ticks(max);
  const top = t[t.length - 1] || 1;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.min(64, slot * 0.65);
  const y = (v: number) => m.top + plotH - (v / top) * plotH;
  const description = bars.map((b) => `${b.label} ${b.value}`).join('，');
  return (
    <Frame testId={testId} title={title} width={width} height={height} description={description}>
      <text x={m.left + plotW / 2} y={18} textAnchor="middle" fontSize={14} fontWeight={600} fill="#1d2733">
        {title}
      </text>
      {t.map((v) => (
        <g key={v}>
          <line x1={m.left} x2={m.left + plotW} y1={y(v)} y2={y(v)} stroke={v === 0 ? AXIS : GRID} />
          <text x={m.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill={AXIS}>
            {v}
          </text>
        </g>
      ))}
      <line x1={m.left} x2={m.left} y1={m.top} y2={m.top + plotH} stroke={AXIS} />
      {bars.map((b, i) => {
        const cx = m.left + slot * i + slot / 2;
        const h = (b.value / top) * plotH;
        return (
          <g key={b.label} data-label={b.label} data-value={b.value}>
            <rect x={cx - barW / 2} y={m.top + plotH - h} width={barW} height={h} fill={b.color ?? BLUE} rx={2}>
              <title>{`${b.label}：${b.value}`}</title>
            </rect>
            <text x={cx} y={m.top + plotH - h - 5} textAnchor="middle" fontSize={11} fill="#1d2733">
              {b.value}
            </text>
            <text x={cx} y={m.top + plotH + 16} textAnchor="middle" fontSize={bars.length > 8 ? 10 : 12} fill="#1d2733">
              {b.label}
            </text>
          </g>
        );
      })}
      <text x={m.left + plotW / 2} y={height - 10} textAnchor="middle" fontSize={12} fill={AXIS}>
        {xLabel}
      </text>
      <text transform={`translate(16 ${m.top + plotH / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill={AXIS}>
        {yLabel}
      </text>
    </Frame>
  );
}

export interface StackRow {
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

/** Horizontal stacked bars: a row per label (e.g. 实施单位), a segment per series (e.g. reason). */
export function StackedBarChart({ testId, title, rows, series, xLabel, yLabel, width = 640 }: { testId: string; title: string; rows: StackRow[]; series: { label: string; color: string }[]; xLabel: string; yLabel: string; width?: number }) {
  const rowH = 28;
  const m = { top: 56, right: 40, bottom: 44, left: 200 };
  const height = m.top + m.bottom + Math.max(1, rows.length) * rowH;
  const plotW = width - m.left - m.right;
  const plotH = Math.max(1, rows.length) * rowH;
  const max = Math.max(0, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const t = ticks(max);
  const top = t[t.length - 1] || 1;
  const x = (v: number) => m.left + (v / top) * plotW;
  const description = rows.map((r) => `${r.label}：${r.values.map((v, i) => `${series[i]?.label ?? ''} ${v}`).join('、')}`).join('；');
  const short = (s: string) => (Array.from(s).length > 13 ? Array.from(s).slice(0, 12).join('') + '…' : s);
  let legendX = m.left;
  return (
    <Frame testId={testId} title={title} width={width} height={height} description={description}>
      <text x={m.left + plotW / 2} y={18} textAnchor="middle" fontSize={14} fontWeight={600} fill="#1d2733">
        {title}
      </text>
      {series.map((s) => {
        const at = legendX;
        legendX += 26 + Array.from(s.label).length * 12 + 14;
        return (
          <g key={s.label}>
            <rect x={at} y={30} width={14} height={12} fill={s.color} rx={2} />
            <text x={at + 20} y={40} fontSize={12} fill="#1d2733">
              {s.label}
            </text>
          </g>
        );
      })}
      {t.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={m.top} y2={m.top + plotH} stroke={v === 0 ? AXIS : GRID} />
          <text x={x(v)} y={m.top + plotH + 14} textAnchor="middle" fontSize={11} fill={AXIS}>
            {v}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const yTop = m.top + i * rowH + 5;
        let acc = 0;
        const total = r.values.reduce((a, b) => a + b, 0);
        return (
          <g key={r.label + i} data-label={r.label} data-value={total}>
            <text x={m.left - 8} y={yTop + 13} textAnchor="end" fontSize={12} fill="#1d2733">
              <title>{r.label}</title>
              {short(r.label)}
            </text>
            {r.values.map((v, k) => {
              const x0 = x(acc);
              acc += v;
              return v > 0 ? (
                <rect key={k} x={x0} y={yTop} width={x(acc) - x0} height={rowH - 10} fill={series[k]?.color ?? BLUE}>
                  <title>{`${r.label} · ${series[k]?.label ?? ''}：${v}`}</title>
                </rect>
              ) : null;
            })}
            <text x={x(total) + 5} y={yTop + 13} fontSize={11} fill="#1d2733">
              {total}
            </text>
          </g>
        );
      })}
      <text x={m.left + plotW / 2} y={height - 8} textAnchor="middle" fontSize={12} fill={AXIS}>
        {xLabel}
      </text>
      <text x={12} y={m.top - 8} fontSize={12} fill={AXIS}>
        {yLabel}
      </text>
    </Frame>
  );
}
