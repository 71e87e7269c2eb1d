// What changed between two versions of a 申报表: the header, funds and goals field by field, and the
// indicator rows added, removed or changed (matched by id, else by 一级/二级/三级 name); unchanged rows
// fold away. Money is compared as decimal strings, never as numbers.
import { ReactNode } from 'react';
import type { IndicatorBody, RevisionContent } from '../types';
import { formatMoney } from '../ui';

/** What the diff compares: a revision's content or the form's current one. */
export type DiffContent = RevisionContent;

type Getter = (c: DiffContent) => string | undefined;
const FIELDS: { label: string; get: Getter; money?: boolean; long?: boolean }[] = [
  { label: '项目名称', get: (c) => c.projectName },
  { label: '项目性质', get: (c) => c.nature },
  { label: '项目类别', get: (c) => c.category },
  { label: '计划开始日期', get: (c) => c.plannedStart },
  { label: '计划完成日期', get: (c) => c.plannedEnd },
  { label: '年度资金申请总额（元）', get: (c) => c.funds?.total, money: true },
  { label: '当年财政拨款（元）', get: (c) => c.funds?.currentYear, money: true },
  { label: '上年结转资金（元）', get: (c) => c.funds?.carryOver, money: true },
  { label: '其他资金（元）', get: (c) => c.funds?.other, money: true },
  { label: '项目总目标', get: (c) => c.overallGoal, long: true },
  { label: '年度总体目标', get: (c) => c.annualGoal, long: true },
];

/** "1200.5" and "1200.50" are the same amount: compare the canonical digits, not the text. */
function canonicalMoney(v: string | undefined): string {
  const t = (v ?? '').trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return t;
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]}${int}${frac ? '.' + frac : ''}`;
}

function same(a: string | undefined, b: string | undefined, money = false): boolean {
  return money ? canonicalMoney(a) === canonicalMoney(b) : (a ?? '').trim() === (b ?? '').trim();
}

type Ind = DiffContent['indicators'][number];
const IND_COLS: { key: keyof IndicatorBody; label: string }[] = [
  { key: 'level1', label: '一级指标' },
  { key: 'level2', label: '二级指标' },
  { key: 'name', label: '三级指标' },
  { key: 'target', label: '指标值' },
  { key: 'weight', label: '分值' },
];

interface IndRow {
  kind: 'added' | 'removed' | 'changed' | 'same';
  before?: Ind;
  after?: Ind;
}

const nameKey = (i: Ind) => `${i.level1.trim()}\u0000${i.level2.trim()}\u0000${i.name.trim()}`;

function indicatorChanged(a: Ind, b: Ind): boolean {
  return IND_COLS.some((c) => !same(a[c.key], b[c.key], c.key === 'weight'));
}

/** Pairs the rows of the two versions: by id first, then by their 一级/二级/三级 names. */
export function diffIndicators(before: Ind[], after: Ind[]): IndRow[] {
  const rows: IndRow[] = [];
  const usedBefore = new Set<number>();
  const pairOf = new Map<number, number>(); // after index → before index
  const beforeById = new Map<string, number>();
  before.forEach((b, i) => b.id && beforeById.set(b.id, i));
  after.forEach((a, j) => {
    const i = a.id ? beforeById.get(a.id) : undefined;
    if (i !== undefined && !usedBefore.has(i)) {
      usedBefore.add(i);
      pairOf.set(j, i);
    }
  });
  const beforeByName = new Map<string, number[]>();
  before.forEach((b, i) => {
    if (usedBefore.has(i)) return;
    const k = nameKey(b);
    beforeByName.set(k, [...(beforeByName.get(k) ?? []), i]);
  });
  after.forEach((a, j) => {
    if (pairOf.has(j)) return;
    const list = beforeByName.get(nameKey(a));
    const i = list?.shift();
    if (i !== undefined) {
      usedBefore.add(i);
      pairOf.set(j, i);
    }
  });
  after.forEach((a, j) => {
    const i = pairOf.get(j);
    if (i === undefined) rows.push({ kind: 'added', after: a });
    else rows.push({ kind: indicatorChanged(before[i], a) ? 'changed' : 'same', before: before[i], after: a });
  });
  before.forEach((b, i) => {
    if (!usedBefore.has(i)) rows.push({ kind: 'removed', before: b });
  });
  return rows;
}

function Change({ from, to, money }: { from: string | undefined; to: string | undefined; money?: boolean }) {
  const show = (v: string | undefined) => (money ? formatMoney(v) : v?.trim() ? v : '（空）');
  return (
    <>
      <del className="diff-removed">{show(from)}</del>
      <span className="diff-arrow" aria-label="改为">
        {' → '}
      </span>
      <ins className="diff-added">{show(to)}</ins>
    </>
  );
}

function cell(row: IndRow, key: keyof IndicatorBody): ReactNode {
  const money = key === 'weight';
  if (row.kind === 'changed' && row.before && row.after && !same(row.before[key], row.after[key], money)) {
    return <Change from={row.before[key]} to={row.after[key]} />;
  }
  const v = (row.after ?? row.before)?.[key];
  return v === undefined || v === '' ? <span className="muted">—</span> : v;
}

/**
 * A long text (a goal) changed: the common beginning and end are shown plainly and only the part that
 * differs is struck out or highlighted, so one added sentence does not strike out the whole paragraph.
 */
export function splitChange(before: string, after: string): { prefix: string; removed: string; added: string; suffix: string } {
  const a = Array.from(before);
  const b = Array.from(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return {
    prefix: a.slice(0, p).join(''),
    removed: a.slice(p, a.length - q).join(''),
    added: b.slice(p, b.length - q).join(''),
    suffix: a.slice(a.length - q).join(''),
  };
}

function LongChange({ text, side }: { text: ReturnType<typeof splitChange>; side: 'before' | 'after' }) {
  const middle = side === 'before' ? text.removed : text.added;
  return (
    <>
      {text.prefix}
      {middle && (side === 'before' ? <del className="diff-removed">{middle}</del> : <ins className="diff-added">{middle}</ins>)}
      {text.suffix}
    </>
  );
}

const KIND_LABELS: Record<IndRow['kind'], string> = { added: '新增', removed: '删除', changed: '修改', same: '未变' };

/** The diff of two versions; `beforeLabel`/`afterLabel` name them (e.g. 上次申报 / 当前内容). */
export function RevisionDiff({ before, after, beforeLabel, afterLabel }: { before: DiffContent; after: DiffContent; beforeLabel: string; afterLabel: string }) {
  const fields = FIELDS.filter((f) => !same(f.get(before), f.get(after), f.money));
  const rows = diffIndicators(before.indicators ?? [], after.indicators ?? []);
  const changedRows = rows.filter((r) => r.kind !== 'same');
  const sameRows = rows.filter((r) => r.kind === 'same');
  const count = (k: IndRow['kind']) => rows.filter((r) => r.kind === k).length;
  const nothing = fields.length === 0 && changedRows.length === 0;

  return (
    <div className="revision-diff" data-testid="revision-diff">
      <p className="diff-summary">
        比较：<strong>{beforeLabel}</strong> → <strong>{afterLabel}</strong>
        {nothing ? (
          <span>。内容没有变化。</span>
        ) : (
          <span>
            。修改了 {fields.length} 个栏目；指标新增 {count('added')} 项、删除 {count('removed')} 项、修改 {count('changed')} 项。
          </span>
        )}
      </p>
      {fields.length > 0 && (
        <div className="diff-scroll" style={{ overflowX: 'auto' }}>
        <table className="diff-fields">
          <caption className="sr-only">栏目修改</caption>
          <thead>
            <tr>
              <th scope="col">栏目</th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => {
              const b = f.get(before) ?? '';
              const a = f.get(after) ?? '';
              const inline = f.long && b.trim() !== '' && a.trim() !== '' ? splitChange(b, a) : null;
              return (
                <tr key={f.label} className="diff-changed" data-field={f.label}>
                  <th scope="row">{f.label}</th>
                  <td className={f.long ? 'diff-long' : f.money ? 'num' : undefined}>
                    {inline ? <LongChange text={inline} side="before" /> : <del className="diff-removed">{f.money ? formatMoney(b) : b || '（空）'}</del>}
                  </td>
                  <td className={f.long ? 'diff-long' : f.money ? 'num' : undefined}>
                    {inline ? <LongChange text={inline} side="after" /> : <ins className="diff-added">{f.money ? formatMoney(a) : a || '（空）'}</ins>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      {changedRows.length > 0 && (
        <div className="diff-scroll" style={{ overflowX: 'auto' }}>
        <table className="diff-indicators">
          <caption className="sr-only">绩效指标修改</caption>
          <thead>
            <tr>
              <th scope="col">变化</th>
              {IND_COLS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {changedRows.map((r, i) => (
              <tr key={i} className={`diff-${r.kind}`} data-diff={r.kind}>
                <td>{KIND_LABELS[r.kind]}</td>
                {IND_COLS.map((c) => (
                  <td key={c.key} className={c.key === 'weight' ? 'num' : undefined}>
                    {cell(r, c.key)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {sameRows.length > 0 && (
        <details className="diff-unchanged">
          <summary>未修改的指标（{sameRows.length} 项）</summary>
          <div className="diff-scroll" style={{ overflowX: 'auto' }}>
          <table>
            <thead>
              <tr>
                {IND_COLS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sameRows.map((r, i) => (
                <tr key={i} data-diff="same">
                  {IND_COLS.map((c) => (
                    <td key={c.key} className={c.key === 'weight' ? 'num' : undefined}>
                      {cell(r, c.key)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </details>
      )}
    </div>
  );
}
