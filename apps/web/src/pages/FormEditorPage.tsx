// 新建 / 修改申报表 (unit; 草稿 and 退回修改 only), laid out like the published 财政项目支出绩效目标申报表:
// header, 项目资金, 绩效目标, 绩效指标. Targets are read and the pre-checks run as the user types.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, ApiErrorDetail } from '../api';
import { DEFAULT_CATALOGUE, IndicatorEditor, IndicatorRow, newRowKey, RowReading, weightProblem } from '../components/IndicatorEditor';
import { CampaignSelect, useCampaignChoices } from '../components/UnitCampaignSelect';
import { describePath, indicatorFieldOf, indicatorIndexOf } from '../components/UnitPaths';
import { blockNavigation, Link, navigate, useLocation } from '../router';
import type { Catalogue, Finding, Form, FormBody, Funds, HistoryEvent, PrecheckResult } from '../types';
import { cleanMoney, ConflictAlert, ErrorBox, errorMessage, Loading, moneyProblem, PageTitle, StateBadge, useAsync, yuanToWan } from '../ui';
import './FormEditorPage.css';

const EDITABLE = new Set(['draft', 'returned']);

const FUND_FIELDS: { key: keyof Funds; label: string }[] = [
  { key: 'total', label: '资金总额（元）' },
  { key: 'currentYear', label: '当年财政拨款（元）' },
  { key: 'carryOver', label: '上年结转资金（元）' },
  { key: 'other', label: '其他资金（元）' },
];

const NATURES = ['经常性专项业务费', '其他经常性项目', '其他一次性项目', '一次性项目', '新增项目', '延续项目'];
const CATEGORIES = ['特定目标类', '其他运转类', '公用经费类'];

type Header = Omit<FormBody, 'indicators'>;

export function FormEditorPage({ id }: { id?: string }) {
  const [reloadKey, setReloadKey] = useState(0);
  const existing = useAsync(() => (id ? api<Form>('GET', `/api/forms/${id}`) : Promise.resolve(null)), [id, reloadKey]);
  const catalogue = useAsync(() => api<Catalogue>('GET', '/api/catalogue'), []);
  const choices = useCampaignChoices();

  if (id && existing.data === undefined) {
    return existing.error !== undefined ? (
      <>
        <PageTitle>修改申报表</PageTitle>
        <ErrorBox error={existing.error} title="申报表加载失败" />
        <Link to="/forms">返回申报表列表</Link>
      </>
    ) : (
      <Loading />
    );
  }
  const form = existing.data ?? null;
  if (form && !EDITABLE.has(form.state)) {
    return (
      <div className="form-editor-page">
        <PageTitle>修改申报表</PageTitle>
        <div className="alert alert-warning" role="alert">
          申报表“{form.projectName || '未命名项目'}”当前状态为 <StateBadge state={form.state} label={form.stateLabel} />
          ，只有“草稿”和“退回修改”状态的申报表可以修改。
          {form.state === 'declared' && form.allowedEvents.includes('WITHDRAW') && ' 如需修改，请先在申报表页面撤回。'}
        </div>
        <Link to={`/forms/${form.id}`} className="button">
          返回申报表
        </Link>
      </div>
    );
  }
  return (
    <Editor
      key={form ? `${form.id}:${form.version}:${reloadKey}` : 'new'}
      form={form}
      catalogue={catalogue.data ?? DEFAULT_CATALOGUE}
      catalogueError={catalogue.error}
      choices={choices}
      onReload={() => setReloadKey((k) => k + 1)}
    />
  );
}

function emptyHeader(campaignId: string): Header {
  return {
    campaignId,
    projectName: '',
    nature: '',
    category: '',
    plannedStart: '',
    plannedEnd: '',
    funds: { total: '', currentYear: '', carryOver: '', other: '' },
    overallGoal: '',
    annualGoal: '',
  };
}

function headerOf(form: Form): Header {
  return {
    campaignId: form.campaignId,
    projectName: form.projectName ?? '',
    nature: form.nature ?? '',
    category: form.category ?? '',
    plannedStart: form.plannedStart ?? '',
    plannedEnd: form.plannedEnd ?? '',
    funds: { total: form.funds?.total ?? '', currentYear: form.funds?.currentYear ?? '', carryOver: form.funds?.carryOver ?? '', other: form.funds?.other ?? '' },
    overallGoal: form.overallGoal ?? '',
    annualGoal: form.annualGoal ?? '',
  };
}

/** Where a path of the API is on the page, for focusing it: an element id or a selector inside a row. */
const HEADER_IDS: Record<string, string> = {
  campaignId: 'campaignId',
  projectName: 'projectName',
  nature: 'nature',
  category: 'category',
  plannedStart: 'plannedStart',
  plannedEnd: 'plannedEnd',
  'funds.total': 'funds-total',
  'funds.currentYear': 'funds-currentYear',
  'funds.carryOver': 'funds-carryOver',
  'funds.other': 'funds-other',
  overallGoal: 'overallGoal',
  annualGoal: 'annualGoal',
};

/** Focuses the field a problem is about (a header field, or a cell of an indicator row by its key). */
function focusField(path: string | undefined, rowKey?: string) {
  let el: HTMLElement | null = null;
  if (rowKey) {
    const field = indicatorFieldOf(path) ?? 'name';
    const row = document.querySelector(`tr[data-row-key="${rowKey}"]`);
    el = row?.querySelector<HTMLElement>(`[data-field="${field}"]`) ?? row?.querySelector<HTMLElement>('[data-field="name"]') ?? null;
  } else if (path && HEADER_IDS[path]) {
    el = document.getElementById(HEADER_IDS[path]);
  } else if (path === 'indicators') {
    el = document.querySelector<HTMLElement>('.indicator-actions button');
  }
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

/** One problem of a failed save, as shown in the list under the form. */
interface SaveProblem {
  where: string;
  message: string;
  path?: string;
  rowKey?: string;
}

/** A path of the API → where it is shown: indicator paths by row key (rows move), others as they are. */
function locate(path: string | undefined, keys: string[]): string {
  if (!path) return '';
  const index = indicatorIndexOf(path);
  if (index === null) return path;
  const key = keys[index];
  const field = indicatorFieldOf(path);
  return key ? `${key}.${field ?? ''}` : path;
}

interface PrecheckState {
  readings: Map<string, RowReading>;
  /** Findings with indicator paths rewritten to row keys. */
  findings: (Finding & { rowKey?: string })[];
}

function Editor({
  form,
  catalogue,
  catalogueError,
  choices,
  onReload,
}: {
  form: Form | null;
  catalogue: Catalogue;
  catalogueError: unknown;
  choices: ReturnType<typeof useCampaignChoices>;
  onReload(): void;
}) {
  const { query } = useLocation();
  const [header, setHeader] = useState<Header>(() => (form ? headerOf(form) : emptyHeader(query.get('campaignId') ?? '')));
  const [rows, setRows] = useState<IndicatorRow[]>(() =>
    (form?.indicators ?? []).map((i) => ({ key: newRowKey(), id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target, weight: i.weight ?? '' })),
  );
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Map<string, string[]>>(new Map());
  const [saveProblems, setSaveProblems] = useState<SaveProblem[]>([]);
  // Pre-check findings are shown beside a field once it was left (or after a save, or on a stored form).
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [showAll, setShowAll] = useState(Boolean(form));
  const errorsRef = useRef<HTMLDivElement>(null);
  /** After a refused save: the list of problems is scrolled to and read out (the button may be far above). */
  const revealErrors = () =>
    setTimeout(() => {
      errorsRef.current?.scrollIntoView({ block: 'center' });
      errorsRef.current?.focus();
    }, 0);
  // Until the first pre-check answers: the readings and findings the API gave with the stored form.
  const [precheck, setPrecheck] = useState<PrecheckState>(() => ({
    readings: new Map(form ? rows.map((r, i) => [r.key, { parsedTarget: form.indicators[i]?.parsedTarget ?? null }]) : []),
    findings: (form?.warnings ?? []).map((f) => {
      const index = indicatorIndexOf(f.path);
      return index === null ? f : { ...f, rowKey: rows[index]?.key };
    }),
  }));
  const [precheckError, setPrecheckError] = useState<unknown>(null);
  const [prechecking, setPrechecking] = useState(false);
  const seq = useRef(0);

  const campaignOptions = choices.data?.options ?? [];
  // A new form defaults to the newest campaign when none was given.
  useEffect(() => {
    if (!form && !header.campaignId && campaignOptions.length > 0) setHeader((h) => ({ ...h, campaignId: campaignOptions[0].campaign.id }));
  }, [form, header.campaignId, campaignOptions]);
  const campaign = campaignOptions.find((o) => o.campaign.id === header.campaignId);

  // The pre-check: ~300 ms after the last keystroke, the whole content; stale answers are dropped.
  useEffect(() => {
    const mine = ++seq.current;
    setPrechecking(true);
    const keys = rows.map((r) => r.key);
    const timer = setTimeout(() => {
      const body = {
        ...(header.campaignId ? { campaignId: header.campaignId } : {}),
        projectName: header.projectName,
        nature: header.nature,
        category: header.category,
        plannedStart: header.plannedStart,
        plannedEnd: header.plannedEnd,
        funds: header.funds,
        overallGoal: header.overallGoal,
        annualGoal: header.annualGoal,
        indicators: rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, ...(r.weight?.trim() ? { weight: r.weight.trim() } : {}) })),
      };
      api<PrecheckResult>('POST', '/api/forms/precheck', { body }).then(
        (res) => {
          if (mine !== seq.current) return;
          const readings = new Map<string, RowReading>();
          for (const x of res.indicators) {
            const key = keys[x.index];
            if (key) readings.set(key, { parsedTarget: x.parsedTarget, targetError: x.targetError });
          }
          const findings = res.findings.map((f) => {
            const index = indicatorIndexOf(f.path);
            return index === null ? f : { ...f, rowKey: keys[index] };
          });
          setPrecheck({ readings, findings });
          setPrecheckError(null);
          setPrechecking(false);
        },
        (error: unknown) => {
          if (mine !== seq.current) return;
          setPrecheckError(error);
          setPrechecking(false);
        },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [header, rows]);

  // Warn before the page is left with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    // Links and buttons inside the page (the header's too) ask as well.
    const unblock = blockNavigation(() => window.confirm('有未保存的修改，离开后将丢失。确定离开吗？'));
    return () => {
      window.removeEventListener('beforeunload', warn);
      unblock();
    };
  }, [dirty]);

  /** An edited field's messages from the last save are out of date. */
  const forget = (path: string) =>
    setFieldErrors((m) => {
      if (!m.has(path)) return m;
      const next = new Map(m);
      next.delete(path);
      return next;
    });
  const edit = (changes: Partial<Header>) => {
    setHeader((h) => ({ ...h, ...changes }));
    for (const k of Object.keys(changes)) forget(k);
    setDirty(true);
  };
  const editFunds = (key: keyof Funds, value: string) => {
    setHeader((h) => ({ ...h, funds: { ...h.funds, [key]: value } }));
    forget(`funds.${key}`);
    setDirty(true);
  };
  const editRows = (next: IndicatorRow[]) => {
    setRows(next);
    setDirty(true);
  };

  const localProblems = useMemo(() => {
    const problems: SaveProblem[] = [];
    if (!header.campaignId) problems.push({ where: '申报批次', message: '请选择申报批次', path: 'campaignId' });
    for (const f of FUND_FIELDS) {
      const problem = moneyProblem(header.funds[f.key]);
      if (problem) problems.push({ where: f.label.replace('（元）', ''), message: problem, path: `funds.${f.key}` });
    }
    rows.forEach((r, i) => {
      const problem = weightProblem(r.weight);
      if (problem) problems.push({ where: `第 ${i + 1} 行指标 · 分值`, message: problem, path: `indicators[${i}].weight`, rowKey: r.key });
    });
    return problems;
  }, [header, rows]);

  const save = async () => {
    if (saving) return;
    setShowAll(true);
    if (localProblems.length) {
      setSaveError(new ApiError(422, 'LOCAL', '以下内容格式不正确，请更正后再保存（其余内容尚未保存，也不会丢失）：'));
      setSaveProblems(localProblems);
      revealErrors();
      return;
    }
    setSaving(true);
    setSaveError(null);
    setSaveProblems([]);
    setFieldErrors(new Map());
    const keys = rows.map((r) => r.key);
    const content = {
      projectName: header.projectName.trim(),
      nature: header.nature.trim(),
      category: header.category.trim(),
      plannedStart: header.plannedStart,
      plannedEnd: header.plannedEnd,
      funds: {
        total: cleanMoney(header.funds.total),
        currentYear: cleanMoney(header.funds.currentYear),
        carryOver: cleanMoney(header.funds.carryOver),
        other: cleanMoney(header.funds.other),
      },
      overallGoal: header.overallGoal,
      annualGoal: header.annualGoal,
      indicators: rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        level1: r.level1,
        level2: r.level2,
        name: r.name.trim(),
        target: r.target.trim(),
        ...(r.weight?.trim() ? { weight: r.weight.trim() } : {}),
      })),
    };
    try {
      const saved = form
        ? await api<Form>('PUT', `/api/forms/${form.id}`, { body: { ...content, version: form.version } })
        : await api<Form>('POST', '/api/forms', { body: { campaignId: header.campaignId, ...content } });
      setDirty(false);
      navigate(`/forms/${saved.id}`, { force: true });
    } catch (error) {
      setSaveError(error);
      if (error instanceof ApiError) {
        const map = new Map<string, string[]>();
        const problems: SaveProblem[] = [];
        for (const d of error.details as ApiErrorDetail[]) {
          if (!d.message) continue;
          const index = indicatorIndexOf(d.path);
          problems.push({ where: describePath(d.path), message: d.message, path: d.path, rowKey: index === null ? undefined : keys[index] });
          if (!d.path) continue;
          const where = locate(d.path, keys);
          map.set(where, [...(map.get(where) ?? []), d.message]);
        }
        setFieldErrors(map);
        setSaveProblems(problems);
      }
      setSaving(false);
      revealErrors();
    }
  };

  /** The messages of the last save at a field, then the pre-check's findings there (once shown). */
  const errorsAt = (path: string) => {
    const saved = fieldErrors.get(path) ?? [];
    const found = showAll || touched.has(path) ? precheck.findings.filter((f) => !f.rowKey && f.path === path && !saved.includes(f.message)) : [];
    return (
      <>
        {saved.map((m, i) => (
          <div key={`s${i}`} className="field-error">
            {m}
          </div>
        ))}
        {found.map((f, i) => (
          <div key={`f${i}`} className={f.severity === 'error' ? 'field-error' : 'field-warning'}>
            {f.message}
          </div>
        ))}
      </>
    );
  };
  /** Marks the field (or the indicator row) the focus leaves as touched. */
  const onBlurCapture = (e: React.FocusEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    const rowKey = target.closest('tr[data-row-key]')?.getAttribute('data-row-key');
    const path = rowKey ?? Object.entries(HEADER_IDS).find(([, id]) => id === target.id)?.[0];
    if (path && !touched.has(path)) setTouched((t) => new Set(t).add(path));
  };
  const visibleRowFindings = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of precheck.findings) {
      if (!f.rowKey || f.rule === 'weights.sum' || !(showAll || touched.has(f.rowKey))) continue;
      map.set(f.rowKey, [...(map.get(f.rowKey) ?? []), f]);
    }
    return map;
  }, [precheck, showAll, touched]);
  const totalFindings = useMemo(() => precheck.findings.filter((f) => f.rule === 'weights.sum'), [precheck]);

  const rowHasError = useMemo(
    () => new Set(precheck.findings.filter((f) => f.severity === 'error' && f.rowKey && f.rule !== 'weights.sum').map((f) => f.rowKey!)),
    [precheck],
  );
  const conflict = saveError instanceof ApiError && saveError.code === 'VERSION_CONFLICT';
  const notEditable = saveError instanceof ApiError && (saveError.code === 'NOT_EDITABLE' || saveError.code === 'INVALID_TRANSITION');
  const title = form ? '修改申报表' : '新建申报表';
  const cancelTo = form ? `/forms/${form.id}` : header.campaignId ? `/forms?campaignId=${encodeURIComponent(header.campaignId)}` : '/forms';

  return (
    <form
      className="form-editor-page"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onBlur={onBlurCapture}
      noValidate
    >
      <PageTitle
        actions={
          <>
            {dirty && <span className="unsaved muted">有未保存的修改</span>}
            <button type="submit" className="primary" disabled={saving}>
              {saving ? '正在保存…' : '保存'}
            </button>
            <Link to={cancelTo} className="button">
              取消
            </Link>
          </>
        }
      >
        {title}
      </PageTitle>
      {form && (
        <p className="muted editor-meta">
          <StateBadge state={form.state} label={form.stateLabel} /> 版本 {form.version}
          {campaign ? ` · ${campaign.label}` : ''}
        </p>
      )}
      {form?.state === 'returned' && <ReturnComment formId={form.id} />}
      {catalogueError !== undefined && <div className="alert alert-warning">指标目录加载失败，暂用标准指标目录：{errorMessage(catalogueError)}</div>}

      <section className="card sheet" aria-labelledby="sheet-title">
        <h2 id="sheet-title" className="sheet-title">
          财政项目支出绩效目标申报表
          {campaign ? <small>（{campaign.campaign.year}年度）</small> : null}
        </h2>
        <table className="form-sheet editor-sheet">
          <tbody>
            {!form && (
              <tr>
                <th>申报批次</th>
                <td colSpan={3}>
                  {choices.error !== undefined && !choices.data ? (
                    <ErrorBox error={choices.error} title="申报批次加载失败" />
                  ) : (
                    <CampaignSelect
                      id="campaignId"
                      options={campaignOptions}
                      value={header.campaignId}
                      required
                      disabled={!choices.data}
                      invalid={fieldErrors.has('campaignId')}
                      onChange={(v) => edit({ campaignId: v })}
                    />
                  )}
                  {choices.data && campaignOptions.length === 0 && <div className="field-error">暂无可申报的批次，请联系主管部门。</div>}
                  {errorsAt('campaignId')}
                </td>
              </tr>
            )}
            <tr>
              <th>
                <label htmlFor="projectName">项目名称</label>
              </th>
              <td colSpan={3}>
                <input
                  id="projectName"
                  value={header.projectName}
                  maxLength={200}
                  aria-invalid={fieldErrors.has('projectName') || undefined}
                  onChange={(e) => edit({ projectName: e.target.value })}
                />
                {errorsAt('projectName')}
              </td>
            </tr>
            <tr>
              <th>
                <label htmlFor="nature">项目性质</label>
              </th>
              <td>
                <input id="nature" list="nature-options" value={header.nature} maxLength={100} onChange={(e) => edit({ nature: e.target.value })} />
                <datalist id="nature-options">
                  {NATURES.map((n) => (
                    <option key={n} value={n} />
                  ))}
                </datalist>
                {errorsAt('nature')}
              </td>
              <th>
                <label htmlFor="category">项目类别</label>
              </th>
              <td>
                <input id="category" list="category-options" value={header.category} maxLength={100} onChange={(e) => edit({ category: e.target.value })} />
                <datalist id="category-options">
                  {CATEGORIES.map((n) => (
                    <option key={n} value={n} />
                  ))}
                </datalist>
                {errorsAt('category')}
              </td>
            </tr>
            <tr>
              <th>
                <label htmlFor="plannedStart">计划开始日期</label>
              </th>
              <td>
                <input id="plannedStart" type="date" value={header.plannedStart} onChange={(e) => edit({ plannedStart: e.target.value })} aria-invalid={fieldErrors.has('plannedStart') || undefined} />
                {errorsAt('plannedStart')}
              </td>
              <th>
                <label htmlFor="plannedEnd">计划结束日期</label>
              </th>
              <td>
                <input id="plannedEnd" type="date" value={header.plannedEnd} onChange={(e) => edit({ plannedEnd: e.target.value })} aria-invalid={fieldErrors.has('plannedEnd') || undefined} />
                {errorsAt('plannedEnd')}
              </td>
            </tr>
          </tbody>
        </table>

        <h3>项目资金</h3>
        <table className="form-sheet editor-sheet funds-sheet">
          <tbody>
            {FUND_FIELDS.map((f) => {
              const value = header.funds[f.key];
              const problem = moneyProblem(value);
              const invalid = problem !== null;
              const id = `funds-${f.key}`;
              return (
                <tr key={f.key}>
                  <th>
                    <label htmlFor={id}>{f.label}</label>
                  </th>
                  <td>
                    <input
                      id={id}
                      inputMode="decimal"
                      value={value}
                      aria-invalid={invalid || fieldErrors.has(`funds.${f.key}`) || undefined}
                      aria-describedby={`${id}-wan`}
                      onChange={(e) => editFunds(f.key, e.target.value)}
                      onBlur={(e) => {
                        const cleaned = cleanMoney(e.target.value);
                        if (cleaned !== e.target.value) editFunds(f.key, cleaned);
                      }}
                    />
                    {invalid ? <div className="field-error">{problem}</div> : errorsAt(`funds.${f.key}`)}
                  </td>
                  <td className="wan" id={`${id}-wan`}>
                    {!invalid && cleanMoney(value) ? `${yuanToWan(cleanMoney(value))} 万元` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h3>绩效目标</h3>
        <table className="form-sheet editor-sheet">
          <tbody>
            <tr>
              <th>
                <label htmlFor="overallGoal">总体目标</label>
              </th>
              <td>
                <textarea id="overallGoal" rows={4} value={header.overallGoal} maxLength={5000} onChange={(e) => edit({ overallGoal: e.target.value })} />
                {errorsAt('overallGoal')}
              </td>
            </tr>
            <tr>
              <th>
                <label htmlFor="annualGoal">年度目标</label>
              </th>
              <td>
                <textarea id="annualGoal" rows={4} value={header.annualGoal} maxLength={5000} onChange={(e) => edit({ annualGoal: e.target.value })} />
                {errorsAt('annualGoal')}
              </td>
            </tr>
          </tbody>
        </table>

        <h3>绩效指标</h3>
        <IndicatorEditor
          rows={rows}
          onChange={editRows}
          catalogue={catalogue}
          readings={precheck.readings}
          pending={prechecking}
          rowErrors={fieldErrors}
          rowHasError={rowHasError}
          rowFindings={visibleRowFindings}
          totalFindings={totalFindings}
        />
        {errorsAt('indicators')}
      </section>

      <PrecheckPanel findings={precheck.findings} rows={rows} error={precheckError} pending={prechecking} />

      <div ref={errorsRef} tabIndex={-1} className="save-errors" data-testid="save-errors">
        {conflict ? (
          <ConflictAlert onReload={onReload}>此申报表已被他人修改（可能在另一个窗口中），您的修改尚未保存。请重新加载最新内容后再修改。</ConflictAlert>
        ) : saveError instanceof ApiError && saveProblems.length > 0 ? (
          <div className="alert alert-error" role="alert">
            <strong>保存失败：</strong>
            {saveError.message}
            <ul>
              {saveProblems.map((p, i) => (
                <li key={i}>
                  <button type="button" className="link where" onClick={() => focusField(p.path, p.rowKey)}>
                    {p.rowKey ? describeRow(p, rows) : p.where}
                  </button>
                  ：{p.message}
                </li>
              ))}
            </ul>
            <div className="muted">已填写的内容仍保留在页面上，更正后再次点击“保存”即可。</div>
          </div>
        ) : (
          <ErrorBox error={saveError} title="保存失败" />
        )}
      </div>
      {notEditable && form && (
        <p>
          <Link to={`/forms/${form.id}`}>返回申报表</Link>
        </p>
      )}

      <div className="editor-footer">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? '正在保存…' : '保存'}
        </button>
        <Link to={cancelTo} className="button">
          取消
        </Link>
      </div>
    </form>
  );
}

/** The pre-check findings: errors (block 申报) in red, warnings in amber, each with where it is. */
function PrecheckPanel({ findings, rows, error, pending }: { findings: (Finding & { rowKey?: string })[]; rows: IndicatorRow[]; error: unknown; pending: boolean }) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity !== 'error');
  const where = (f: Finding & { rowKey?: string }) => {
    if (f.rule === 'weights.sum') return '分值合计';
    if (f.rowKey) {
      const index = rows.findIndex((r) => r.key === f.rowKey);
      if (index >= 0) return describePath(f.path.replace(/indicators\[\d+\]/, `indicators[${index}]`));
    }
    return describePath(f.path);
  };
  return (
    <section className="card precheck-panel" data-testid="precheck-findings" aria-labelledby="precheck-title" aria-live="polite">
      <h2 id="precheck-title">
        预审结果 {pending && <small className="muted">正在检查…</small>}
      </h2>
      {error !== null && error !== undefined && <ErrorBox error={error} title="预审暂时无法进行" />}
      {findings.length === 0 && !error && <p className="muted">{pending ? '正在检查…' : '未发现问题。'}</p>}
      {errors.length > 0 && (
        <>
          <h3 className="finding-error">须更正（{errors.length} 项，否则无法申报）</h3>
          <ul className="findings">
            {errors.map((f, i) => (
              <li key={`e${i}`} className="finding finding-error">
                <button type="button" className="link where" title="转到该处" onClick={() => focusField(f.path, f.rowKey)}>
                  {where(f)}
                </button>
                {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3 className="finding-warning">提示（{warnings.length} 项，审核时会关注）</h3>
          <ul className="findings">
            {warnings.map((f, i) => (
              <li key={`w${i}`} className="finding finding-warning">
                <button type="button" className="link where" title="转到该处" onClick={() => focusField(f.path, f.rowKey)}>
                  {where(f)}
                </button>
                {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The reviewer's latest 退回 comment, so the unit sees what to fix while editing. */
function ReturnComment({ formId }: { formId: string }) {
  const history = useAsync(() => api<{ events: HistoryEvent[] }>('GET', `/api/forms/${formId}/history`), [formId]);
  const last = history.data?.events.filter((e) => e.type === 'RETURN').at(-1);
  if (!last) return null;
  return (
    <div className="alert alert-warning" role="note">
      <strong>退回意见</strong>（{last.actor.username}）：{last.comment || '（未填写）'}
    </div>
  );
}

/** "第 3 行指标 · 分值" for a problem of a row, by the row's place now (rows may have moved since). */
function describeRow(p: SaveProblem, rows: IndicatorRow[]): string {
  const index = rows.findIndex((r) => r.key === p.rowKey);
  if (index < 0 || !p.path) return p.where;
  return describePath(p.path.replace(/indicators\[\d+\]/, `indicators[${index}]`));
}
