// The 绩效指标 table of the 申报表 editor: 一级 / 二级 as selects from the catalogue, 三级, 指标值 with
// the parsed reading below it, 分值; rows move up and down, are added and deleted (with undo).
import { Fragment, useEffect, useRef, useState } from 'react';
import type { Catalogue, Finding, IndicatorBody, ParsedTarget } from '../types';
import { TargetReading } from './TargetReading';

export interface IndicatorRow extends IndicatorBody {
  /** React key, stable across moves. */
  key: string;
  /** The stored indicator's id (kept on update). */
  id?: string;
}

export interface RowReading {
  parsedTarget: ParsedTarget | null;
  targetError?: string;
}

/** The standard catalogue (财预〔2020〕10号), used until GET /api/catalogue answers or when it fails. */
export const DEFAULT_CATALOGUE: Catalogue = {
  level1: [
    { name: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
    { name: '成本指标', level2: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
    { name: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
    { name: '满意度指标', level2: ['服务对象满意度指标'] },
  ],
};

export const WEIGHT_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

/** Why a 分值 cannot be sent as typed, or null when it is fine (or blank). */
export function weightProblem(weight: string | undefined): string | null {
  const w = weight?.trim() ?? '';
  if (!w || WEIGHT_PATTERN.test(w)) return null;
  if (/^-/.test(w)) return '分值不能为负数';
  if (!/^\d+(\.\d+)?$/.test(w)) return '分值应为数字';
  if (/\.\d{3,}$/.test(w)) return '分值最多两位小数';
  return '分值过大，请核对';
}

/** The 分值 of each 一级指标 group, in the order they first appear ("产出指标" → "30.5"). */
export function weightsByLevel1(rows: { level1: string; weight?: string }[]): { level1: string; total: string }[] {
  const order: string[] = [];
  const groups = new Map<string, { weight?: string }[]>();
  for (const r of rows) {
    const name = r.level1 || '未选择一级指标';
    if (!groups.has(name)) {
      groups.set(name, []);
      order.push(name);
    }
    groups.get(name)!.push(r);
  }
  return order.map((level1) => ({ level1, total: sumWeights(groups.get(level1)!) })).filter((g) => g.total !== '');
}

let nextKey = 0;
export function newRowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

/** 分值 strings summed in hundredths (exact), "" when none is given. */
export function sumWeights(rows: { weight?: string }[]): string {
  let cents = 0;
  let any = false;
  for (const r of rows) {
    const w = r.weight?.trim();
    if (!w || !WEIGHT_PATTERN.test(w)) continue;
    const [int, frac = ''] = w.split('.');
    cents += Number(int) * 100 + Number(frac.padEnd(2, '0'));
    any = true;
  }
  if (!any) return '';
  const frac = String(cents % 100).padStart(2, '0');
  return frac === '00' ? String(Math.floor(cents / 100)) : `${Math.floor(cents / 100)}.${frac}`;
}

const FIELD_LABELS: Record<string, string> = { level1: '一级指标', level2: '二级指标', name: '三级指标', target: '指标值', weight: '分值' };

/** " · 分值" for "indicators[2].weight", "" for the row as a whole. */
function fieldLabel(path: string): string {
  const field = /indicators\[\d+\]\.(\w+)/.exec(path)?.[1];
  return field && FIELD_LABELS[field] ? ` · ${FIELD_LABELS[field]}` : '';
}

function level2Options(catalogue: Catalogue, level1: string): string[] {
  return catalogue.level1.find((l) => l.name === level1)?.level2 ?? [];
}

export function IndicatorEditor({
  rows,
  onChange,
  catalogue,
  readings,
  pending,
  rowErrors,
  rowHasError,
  rowFindings,
  totalFindings = [],
  disabled,
}: {
  rows: IndicatorRow[];
  onChange(rows: IndicatorRow[]): void;
  catalogue: Catalogue;
  /** By row key: how the target was read. */
  readings: Map<string, RowReading>;
  /** A pre-check is on its way. */
  pending: boolean;
  /** By `${row.key}.${field}`: messages of the last save (422). */
  rowErrors: Map<string, string[]>;
  /** Rows the pre-checks name with an error. */
  rowHasError: Set<string>;
  /** By row key: the pre-check findings to show inside the row (the page decides which rows are shown). */
  rowFindings?: Map<string, Finding[]>;
  /** Findings about the 分值 totals (weights.sum), shown under the total. */
  totalFindings?: Finding[];
  disabled?: boolean;
}) {
  const [removed, setRemoved] = useState<{ row: IndicatorRow; index: number } | null>(null);
  const focusAfter = useRef<{ key: string; selector: string } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const el = tableRef.current?.querySelector<HTMLElement>(`tr[data-row-key="${f.key}"] ${f.selector}`);
    el?.focus();
  });

  const update = (key: string, changes: Partial<IndicatorRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));

  const move = (index: number, delta: number, action: string) => {
    const to = index + delta;
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(to, 0, row);
    // At the ends the button is disabled: keep the focus on the row's other move button.
    const atEnd = to === 0 || to === rows.length - 1;
    focusAfter.current = { key: row.key, selector: `button[data-action="${atEnd ? (action === 'up' ? 'down' : 'up') : action}"]` };
    onChange(next);
  };

  const remove = (index: number) => {
    const row = rows[index];
    setRemoved({ row, index });
    const next = rows.filter((_, i) => i !== index);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusAfter.current = { key: neighbour.key, selector: '[data-field="name"]' };
    onChange(next);
  };

  const undoRemove = () => {
    if (!removed) return;
    const next = [...rows];
    next.splice(Math.min(removed.index, next.length), 0, removed.row);
    focusAfter.current = { key: removed.row.key, selector: '[data-field="name"]' };
    setRemoved(null);
    onChange(next);
  };

  const add = () => {
    const last = rows[rows.length - 1];
    const level1 = last?.level1 || catalogue.level1[0]?.name || '';
    const level2 = last ? last.level2 : (level2Options(catalogue, level1)[0] ?? '');
    const row: IndicatorRow = { key: newRowKey(), level1, level2, name: '', target: '', weight: '' };
    focusAfter.current = { key: row.key, selector: '[data-field="name"]' };
    setRemoved(null);
    onChange([...rows, row]);
  };

  const sortByCatalogue = () => {
    const order1 = (name: string) => {
      const i = catalogue.level1.findIndex((l) => l.name === name);
      return i < 0 ? catalogue.level1.length : i;
    };
    const order2 = (l1: string, l2: string) => {
      const list = level2Options(catalogue, l1);
      const i = list.indexOf(l2);
      return i < 0 ? list.length : i;
    };
    const sorted = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => order1(a.r.level1) - order1(b.r.level1) || order2(a.r.level1, a.r.level2) - order2(b.r.level1, b.r.level2) || a.i - b.i)
      .map((x) => x.r);
    onChange(sorted);
  };

  const total = sumWeights(rows);
  const byLevel1 = weightsByLevel1(rows);

  return (
    <div className="indicator-editor">
      <div className="indicator-scroll">
        <table ref={tableRef} className="indicator-table">
          <thead>
            <tr>
              <th className="col-no">序号</th>
              <th className="col-level">一级指标</th>
              <th className="col-level">二级指标</th>
              <th>三级指标</th>
              <th className="col-target">年度指标值</th>
              <th className="col-weight">分值</th>
              <th className="col-actions">操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="muted empty-rows">
                  尚未添加绩效指标。点击下方“添加指标”逐行填写一级、二级、三级指标和年度指标值。
                </td>
              </tr>
            )}
            {rows.map((row, i) => {
              const n = i + 1;
              const prev = rows[i - 1];
              const sameLevel1 = prev !== undefined && prev.level1 === row.level1;
              const sameLevel2 = sameLevel1 && prev.level2 === row.level2;
              const l2 = level2Options(catalogue, row.level1);
              const known1 = catalogue.level1.some((l) => l.name === row.level1);
              const known2 = l2.includes(row.level2);
              const reading = readings.get(row.key);
              const weightMessage = weightProblem(row.weight);
              const weightInvalid = weightMessage !== null;
              const targetBlank = !row.target.trim();
              const findings = rowFindings?.get(row.key) ?? [];
              // The pre-check's findings about this row, minus what a cell already says (shown in a line below the row).
              const notes = findings.filter((f) => {
                const at = /indicators\[\d+\]\.(\w+)/.exec(f.path)?.[1] ?? null;
                if (at === 'target' && reading?.targetError && f.severity === 'error') return false;
                if (at === 'weight' && weightInvalid) return false;
                return true;
              });
              const errs = (field: string) => rowErrors.get(`${row.key}.${field}`) ?? [];
              const fieldErrors = (field: string) =>
                errs(field).map((m, j) => (
                  <div key={j} className="field-error">
                    {m}
                  </div>
                ));
              const classes = [sameLevel1 ? 'same-level1' : 'group-start', sameLevel2 ? 'same-level2' : '', rowHasError.has(row.key) ? 'row-error' : ''].filter(Boolean).join(' ');
              return (
                <Fragment key={row.key}>
                <tr data-testid="indicator-row" data-row-key={row.key} className={classes}>
                  <td className="col-no num">{n}</td>
                  <td className="col-level">
                    <select
                      data-field="level1"
                      aria-label={`第${n}行 一级指标`}
                      value={row.level1}
                      disabled={disabled}
                      aria-invalid={errs('level1').length > 0 || undefined}
                      onChange={(e) => {
                        const level1 = e.target.value;
                        const options = level2Options(catalogue, level1);
                        update(row.key, { level1, level2: options.includes(row.level2) ? row.level2 : (options[0] ?? '') });
                      }}
                    >
                      {!row.level1 && <option value="">请选择</option>}
                      {!known1 && row.level1 && <option value={row.level1}>{row.level1}（非标准）</option>}
                      {catalogue.level1.map((l) => (
                        <option key={l.name} value={l.name}>
                          {l.name}
                        </option>
                      ))}
                    </select>
                    {fieldErrors('level1')}
                  </td>
                  <td className="col-level">
                    <select
                      data-field="level2"
                      aria-label={`第${n}行 二级指标`}
                      value={row.level2}
                      disabled={disabled}
                      aria-invalid={errs('level2').length > 0 || undefined}
                      onChange={(e) => update(row.key, { level2: e.target.value })}
                    >
                      {!row.level2 && <option value="">请选择</option>}
                      {!known2 && row.level2 && <option value={row.level2}>{row.level2}（非标准）</option>}
                      {l2.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                    {fieldErrors('level2')}
                  </td>
                  <td>
                    <textarea
                      rows={1}
                      className="cell-text"
                      data-field="name"
                      aria-label={`第${n}行 三级指标`}
                      value={row.name}
                      disabled={disabled}
                      maxLength={500}
                      aria-invalid={errs('name').length > 0 || undefined}
                      onChange={(e) => update(row.key, { name: e.target.value })}
                    />
                    {fieldErrors('name')}
                  </td>
                  <td className="col-target">
                    <input
                      data-field="target"
                      aria-label={`第${n}行 指标值`}
                      value={row.target}
                      disabled={disabled}
                      maxLength={500}
                      placeholder="如 ≥31000(件)、≤35.5(万元)、及时"
                      aria-invalid={Boolean(reading?.targetError) || errs('target').length > 0 || undefined}
                      onChange={(e) => update(row.key, { target: e.target.value })}
                    />
                    {targetBlank ? null : <TargetReading parsed={reading?.parsedTarget} error={reading?.targetError} pending={pending && !reading} />}
                    {!reading?.targetError && fieldErrors('target')}
                  </td>
                  <td className="col-weight">
                    <input
                      data-field="weight"
                      aria-label={`第${n}行 分值`}
                      value={row.weight ?? ''}
                      disabled={disabled}
                      inputMode="decimal"
                      maxLength={6}
                      aria-invalid={weightInvalid || errs('weight').length > 0 || undefined}
                      onChange={(e) => update(row.key, { weight: e.target.value })}
                    />
                    {weightInvalid && <div className="field-error">{weightMessage}</div>}
                    {!weightInvalid && fieldErrors('weight')}
                  </td>
                  <td className="col-actions">
                    <div className="row-buttons">
                      <button type="button" className="small" data-action="up" title={`将第 ${n} 行上移`} disabled={disabled || i === 0} onClick={() => move(i, -1, 'up')}>
                        上移
                      </button>
                      <button
                        type="button"
                        className="small"
                        data-action="down"
                        title={`将第 ${n} 行下移`}
                        disabled={disabled || i === rows.length - 1}
                        onClick={() => move(i, 1, 'down')}
                      >
                        下移
                      </button>
                      <button type="button" className="small" data-action="delete" title={`删除第 ${n} 行`} disabled={disabled} onClick={() => remove(i)}>
                        删除
                      </button>
                    </div>
                  </td>
                </tr>
                {notes.length > 0 && (
                  <tr className={rowHasError.has(row.key) ? 'row-notes row-error' : 'row-notes'} data-notes-for={row.key}>
                    <td className="col-no" aria-hidden="true" />
                    <td colSpan={6}>
                      {notes.map((f, j) => (
                        <div key={j} className={f.severity === 'error' ? 'field-error' : 'field-warning'}>
                          第 {n} 行{fieldLabel(f.path)}：{f.message}
                        </div>
                      ))}
                    </td>
                  </tr>
                )}
                </Fragment>
              );
            })}
          </tbody>
          {rows.length > 0 && (
            <tfoot>
              <tr>
                <th colSpan={5} className="num">
                  共 {rows.length} 项指标 · 分值合计
                </th>
                <th className="num" data-testid="weight-total">
                  {total || '—'}
                </th>
                <th />
              </tr>
              {(byLevel1.length > 1 || totalFindings.length > 0) && (
                <tr className="weight-groups">
                  <td colSpan={7}>
                    {byLevel1.length > 0 && (
                      <div className="muted">
                        其中：
                        {byLevel1.map((g) => `${g.level1} ${g.total} 分`).join('，')}
                      </div>
                    )}
                    {totalFindings.map((f, j) => (
                      <div key={j} className={f.severity === 'error' ? 'field-error' : 'field-warning'}>
                        {f.message}
                      </div>
                    ))}
                  </td>
                </tr>
              )}
            </tfoot>
          )}
        </table>
      </div>
      {removed && (
        <div className="alert alert-info undo" role="status">
          已删除第 {removed.index + 1} 行指标{removed.row.name ? `“${removed.row.name}”` : ''}。
          <button type="button" className="link" onClick={undoRemove}>
            撤销删除
          </button>
        </div>
      )}
      <div className="indicator-actions">
        <button type="button" onClick={add} disabled={disabled}>
          添加指标
        </button>
        {rows.length > 1 && (
          <button type="button" onClick={sortByCatalogue} disabled={disabled}>
            按指标分类排序
          </button>
        )}
      </div>
    </div>
  );
}
