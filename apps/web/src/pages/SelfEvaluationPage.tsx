// 项目支出绩效自评表: the unit enters the year's actuals (state 年终自评) and sees the provisional score
// as it types; everyone else (and the unit after submitting) sees the same table read-only with the
// stored score explained (ScoreView).
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, download, idempotencyKey } from '../api';
import { useUser } from '../auth';
import { ScoreView, ratePercent, TIER_LABELS } from '../components/ScoreView';
import { describeTarget, isQualitative } from '../components/TargetReading';
import { describePath, indicatorFieldOf, indicatorIndexOf } from '../components/UnitPaths';
import { Link, navigate } from '../router';
import type { Form, Score, SelfEvaluationBody, SelfEvaluationResponse } from '../types';
import { cleanMoney, ConflictAlert, ErrorBox, errorMessage, formatDateTime, formatMoney, Loading, moneyProblem, PageTitle, StateBadge, useAsync } from '../ui';
import './SelfEvaluationPage.css';

const POINTS = /^\d{1,3}(\.\d{1,2})?$/;
const AUTOSAVE_MS = 500;

type Tier = 'achieved' | 'partial' | 'notAchieved';
interface Entry {
  actual: string;
  tier: Tier | '';
  points: string;
  reason: string;
}
interface Draft {
  budgetExecuted: string;
  executionReason: string;
  goalAchievement: string;
  entries: Record<string, Entry>;
}
type Problem = { path: string; message: string; rule?: string; indicatorId?: string };

const EMPTY_ENTRY: Entry = { actual: '', tier: '', points: '', reason: '' };

/** Why the 全年执行数 cannot be sent as typed, or null. */
function executedProblem(text: string): string | null {
  if (!cleanMoney(text)) return '请填写全年执行数（元）。';
  return moneyProblem(text, '全年执行数', '215457.60');
}

function draftOf(form: Form): Draft {
  const stored = (form.selfEvaluation ?? null) as Partial<SelfEvaluationBody> | null;
  const entries: Record<string, Entry> = {};
  for (const ind of form.indicators) {
    const s = stored?.indicators?.find((x) => x.indicatorId === ind.id);
    entries[ind.id] = { actual: s?.actual ?? '', tier: s?.tier ?? '', points: s?.points ?? '', reason: s?.reason ?? '' };
  }
  return {
    budgetExecuted: stored?.budgetExecuted ?? '',
    executionReason: stored?.executionReason ?? '',
    goalAchievement: stored?.goalAchievement ?? '',
    entries,
  };
}

function bodyOf(form: Form, d: Draft): Omit<SelfEvaluationBody, 'version'> {
  return {
    budgetExecuted: cleanMoney(d.budgetExecuted),
    ...(d.executionReason.trim() ? { executionReason: d.executionReason } : {}),
    indicators: form.indicators.map((ind) => {
      const e = d.entries[ind.id] ?? EMPTY_ENTRY;
      return {
        indicatorId: ind.id,
        ...(e.actual.trim() ? { actual: e.actual.trim() } : {}),
        ...(e.tier ? { tier: e.tier } : {}),
        ...(e.points.trim() ? { points: e.points.trim() } : {}),
        ...(e.reason.trim() ? { reason: e.reason } : {}),
      } as SelfEvaluationBody['indicators'][number];
    }),
    goalAchievement: d.goalAchievement,
  };
}

/** What blocks sending at all (the API would answer 400): shown beside the field instead. */
function localProblems(form: Form, d: Draft): Problem[] {
  const problems: Problem[] = [];
  const executed = executedProblem(d.budgetExecuted);
  if (executed) problems.push({ path: 'budgetExecuted', message: executed });
  form.indicators.forEach((ind, i) => {
    const p = d.entries[ind.id]?.points.trim();
    if (p && !POINTS.test(p)) problems.push({ path: `indicators[${i}].points`, message: /^-/.test(p) ? '自评分值不能为负数。' : '自评分值应为数字，最多两位小数，如 8 或 7.5。' });
  });
  return problems;
}

export function SelfEvaluationPage({ id }: { id: string }) {
  const user = useUser();
  const [reloadKey, setReloadKey] = useState(0);
  const form = useAsync(() => api<Form>('GET', `/api/forms/${id}`), [id, reloadKey]);
  if (form.data === undefined) {
    return form.error !== undefined ? (
      <>
        <PageTitle>项目支出绩效自评表</PageTitle>
        <ErrorBox error={form.error} title="申报表加载失败" />
        <Link to="/forms">返回申报表列表</Link>
      </>
    ) : (
      <Loading />
    );
  }
  const f = form.data;
  const editable = user.role === 'unit' && f.state === 'selfEvaluation';
  return editable ? (
    <SelfEvaluationEditor key={`${f.id}:${reloadKey}`} form={f} onReload={() => setReloadKey((k) => k + 1)} />
  ) : (
    <SelfEvaluationReadOnly form={f} />
  );
}

function DownloadButton({ form }: { form: Form }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          download(`/api/forms/${form.id}/self-evaluation/export.xlsx`, `${form.projectName || '项目'}-自评表.xlsx`)
            .catch((e: unknown) => setError(e))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? '正在生成…' : '下载自评表（xlsx）'}
      </button>
      {error !== null && (
        <span className="download-error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </>
  );
}

function SheetHeader({ form }: { form: Form }) {
  return (
    <table className="form-sheet se-header">
      <tbody>
        <tr>
          <th>项目名称</th>
          <td colSpan={3}>{form.projectName}</td>
        </tr>
        <tr>
          <th>项目性质</th>
          <td>{form.nature || '—'}</td>
          <th>项目类别</th>
          <td>{form.category || '—'}</td>
        </tr>
        <tr>
          <th>年度</th>
          <td>{form.year}</td>
          <th>实施期</th>
          <td>
            {form.plannedStart || '—'} 至 {form.plannedEnd || '—'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** Row spans of the 一级 / 二级 cells, as the published 自评表 merges them. */
function spans(form: Form): { l1: number; l2: number }[] {
  const n = form.indicators.length;
  const out = form.indicators.map(() => ({ l1: 0, l2: 0 }));
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && form.indicators[j].level1 === form.indicators[i].level1) j++;
    out[i].l1 = j - i;
    for (let k = i; k < j; ) {
      let m = k;
      while (m < j && form.indicators[m].level2 === form.indicators[k].level2) m++;
      out[k].l2 = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}

interface TableProps {
  form: Form;
  draft: Draft;
  score: Score | null;
  editable: boolean;
  /** By path ("indicators[2].actual", "budgetExecuted"): messages to show there. */
  problems: Map<string, Problem[]>;
  onDraft?(change: (d: Draft) => Draft): void;
}

function messagesAt(problems: Map<string, Problem[]>, path: string, className = 'field-error') {
  return (problems.get(path) ?? []).map((p, i) => (
    <div key={i} className={className}>
      {p.message}
    </div>
  ));
}

function FundsTable({ form, draft, score, editable, problems, onDraft }: TableProps) {
  const execution = score?.execution;
  const budgetInvalid = problems.has('budgetExecuted');
  const reasonRequired = execution?.reasonRequired === true;
  return (
    <>
      <h3>项目资金（元）</h3>
      <div className="se-scroll">
      <table className="se-funds">
        <thead>
          <tr>
            <th />
            <th className="num">年初预算数</th>
            <th className="num">全年预算数</th>
            <th className="num">{editable ? <label htmlFor="budgetExecuted">全年执行数（元）</label> : '全年执行数'}</th>
            <th className="num">分值</th>
            <th className="num">执行率</th>
            <th className="num">得分</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>年度资金总额</th>
            <td className="num">{formatMoney(form.funds?.total)}</td>
            <td className="num">{formatMoney(form.approvedAmount)}</td>
            <td className="num se-executed">
              {editable ? (
                <>
                  <input
                    id="budgetExecuted"
                    inputMode="decimal"
                    value={draft.budgetExecuted}
                    aria-invalid={budgetInvalid || undefined}
                    onChange={(e) => onDraft?.((d) => ({ ...d, budgetExecuted: e.target.value }))}
                    onBlur={(e) => {
                      const cleaned = cleanMoney(e.target.value);
                      if (cleaned !== e.target.value) onDraft?.((d) => ({ ...d, budgetExecuted: cleaned }));
                    }}
                  />
                  {messagesAt(problems, 'budgetExecuted')}
                </>
              ) : (
                formatMoney(draft.budgetExecuted || null)
              )}
            </td>
            <td className="num">{execution?.weight ?? '—'}</td>
            <td className="num">{ratePercent(execution?.rate)}</td>
            <td className="num">
              <strong>{execution?.points ?? '—'}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      </div>
      <div className={reasonRequired ? 'field se-reason required' : 'field se-reason'}>
        {editable ? (
          <label htmlFor="executionReason">执行偏差原因{reasonRequired && <span className="required-mark">（执行率低于要求，必填）</span>}</label>
        ) : (
          <div className="se-label">执行偏差原因</div>
        )}
        {editable ? (
          <textarea
            id="executionReason"
            rows={2}
            value={draft.executionReason}
            maxLength={2000}
            aria-invalid={(reasonRequired && !draft.executionReason.trim()) || problems.has('executionReason') || undefined}
            onChange={(e) => onDraft?.((d) => ({ ...d, executionReason: e.target.value }))}
          />
        ) : (
          <div id="executionReason" className="readonly-text">
            {draft.executionReason || <span className="muted">—</span>}
          </div>
        )}
        {messagesAt(problems, 'executionReason')}
      </div>
    </>
  );
}

function IndicatorsTable({ form, draft, score, editable, problems, onDraft }: TableProps) {
  const rowSpans = spans(form);
  const setEntry = (id: string, change: Partial<Entry>) =>
    onDraft?.((d) => ({ ...d, entries: { ...d.entries, [id]: { ...(d.entries[id] ?? EMPTY_ENTRY), ...change } } }));
  return (
    <>
      <h3>绩效指标</h3>
      <div className="se-scroll">
        <table className="se-indicators">
          <thead>
            <tr>
              <th>一级指标</th>
              <th>二级指标</th>
              <th>三级指标</th>
              <th>年度指标值</th>
              <th>实际完成值</th>
              <th className="num">分值</th>
              <th className="num">得分</th>
              <th>偏差原因分析及改进措施</th>
            </tr>
          </thead>
          <tbody>
            {form.indicators.map((ind, i) => {
              const n = i + 1;
              const e = draft.entries[ind.id] ?? EMPTY_ENTRY;
              const s = score?.indicators.find((x) => x.indicatorId === ind.id);
              const qualitative = isQualitative(ind.parsedTarget) || s?.rule === 'qualitative.tier';
              const reasonRequired = s?.reasonRequired === true;
              const reasonMissing = reasonRequired && !e.reason.trim();
              const rowProblems = [...problems.entries()].filter(([path]) => indicatorIndexOf(path) === i);
              const at = (field: string) => rowProblems.filter(([path]) => indicatorFieldOf(path) === field).flatMap(([, list]) => list);
              const other = rowProblems.filter(([path]) => !['actual', 'tier', 'points', 'reason'].includes(indicatorFieldOf(path) ?? '')).flatMap(([, list]) => list);
              const show = (list: Problem[]) =>
                list.map((p, j) => (
                  <div key={j} className="field-error">
                    {p.message}
                  </div>
                ));
              return (
                <tr key={ind.id} data-testid="self-evaluation-row" className={reasonMissing ? 'reason-missing' : undefined}>
                  {rowSpans[i].l1 > 0 && <td rowSpan={rowSpans[i].l1}>{ind.level1}</td>}
                  {rowSpans[i].l2 > 0 && <td rowSpan={rowSpans[i].l2}>{ind.level2}</td>}
                  <td>{ind.name}</td>
                  <td>
                    {ind.target}
                    {ind.parsedTarget && <div className="muted small">{describeTarget(ind.parsedTarget)}</div>}
                  </td>
                  <td className="se-actual">
                    {editable ? (
                      <>
                        <input
                          aria-label={`第${n}行 实际完成值`}
                          value={e.actual}
                          maxLength={500}
                          placeholder={qualitative ? '完成情况' : '如 31200(件)、96%'}
                          aria-invalid={at('actual').length > 0 || undefined}
                          onChange={(ev) => setEntry(ind.id, { actual: ev.target.value })}
                        />
                        {show(at('actual'))}
                        {qualitative && (
                          <div className="se-tier">
                            <select
                              aria-label={`第${n}行 达成程度`}
                              value={e.tier}
                              aria-invalid={at('tier').length > 0 || undefined}
                              onChange={(ev) => setEntry(ind.id, { tier: ev.target.value as Tier | '' })}
                            >
                              <option value="">达成程度…</option>
                              <option value="achieved">达成</option>
                              <option value="partial">部分达成</option>
                              <option value="notAchieved">未达成</option>
                            </select>
                            <input
                              aria-label={`第${n}行 自评分值`}
                              className="se-points"
                              inputMode="decimal"
                              placeholder="自评分"
                              value={e.points}
                              aria-invalid={at('points').length > 0 || undefined}
                              onChange={(ev) => setEntry(ind.id, { points: ev.target.value })}
                            />
                          </div>
                        )}
                        {show(at('tier'))}
                        {show(at('points'))}
                      </>
                    ) : (
                      <>
                        {e.actual || <span className="muted">—</span>}
                        {qualitative && e.tier && (
                          <div className="muted small">
                            {TIER_LABELS[e.tier]}
                            {e.points ? ` · 自评 ${e.points} 分` : ''}
                          </div>
                        )}
                      </>
                    )}
                    {show(other)}
                  </td>
                  <td className="num">{s?.weight ?? ind.weight ?? '—'}</td>
                  <td className="num se-points-cell" data-testid="row-points">
                    {s ? <strong>{s.points}</strong> : '—'}
                    {s && s.met === false && <div className="not-met small">未达成</div>}
                  </td>
                  <td className={reasonRequired ? 'se-reason-cell required' : 'se-reason-cell'}>
                    {editable ? (
                      <textarea
                        aria-label={`第${n}行 偏差原因`}
                        rows={2}
                        value={e.reason}
                        maxLength={2000}
                        aria-invalid={reasonMissing || at('reason').length > 0 || undefined}
                        aria-required={reasonRequired || undefined}
                        onChange={(ev) => setEntry(ind.id, { reason: ev.target.value })}
                      />
                    ) : (
                      e.reason || <span className="muted">—</span>
                    )}
                    {reasonRequired && editable && !at('reason').length && <div className={reasonMissing ? 'field-error' : 'hint'}>须说明偏差原因及改进措施</div>}
                    {show(at('reason'))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GoalBlock({ form, draft, editable, problems, onDraft }: TableProps) {
  return (
    <>
      <h3>总体目标完成情况</h3>
      <table className="form-sheet se-goals">
        <tbody>
          <tr>
            <th>年度目标</th>
            <td className="readonly-text">{form.annualGoal || form.overallGoal || '—'}</td>
          </tr>
          <tr>
            <th>{editable ? <label htmlFor="goalAchievement">总体目标完成情况</label> : '总体目标完成情况'}</th>
            <td>
              {editable ? (
                <textarea
                  id="goalAchievement"
                  rows={4}
                  maxLength={5000}
                  value={draft.goalAchievement}
                  onChange={(e) => onDraft?.((d) => ({ ...d, goalAchievement: e.target.value }))}
                />
              ) : (
                <div id="goalAchievement" className="readonly-text">
                  {draft.goalAchievement || <span className="muted">—</span>}
                </div>
              )}
              {messagesAt(problems, 'goalAchievement', 'field-warning')}
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

function problemsByPath(list: Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const p of list) {
    if (!p.path) continue;
    const at = map.get(p.path) ?? [];
    if (!at.some((x) => x.message === p.message)) map.set(p.path, [...at, p]);
  }
  return map;
}

function SelfEvaluationEditor({ form, onReload }: { form: Form; onReload(): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(form));
  const [score, setScore] = useState<Score | null>(null);
  const [scoreError, setScoreError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(false);

  const version = useRef(form.version);
  const latest = useRef(draft);
  latest.current = draft;
  const dirty = useRef(false);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The stored self-evaluation's provisional score, when there is one.
  useEffect(() => {
    if (!form.selfEvaluation) return;
    let alive = true;
    api<Score>('GET', `/api/forms/${form.id}/score`).then(
      (s) => alive && !dirty.current && setScore(s),
      (e: unknown) => alive && setScoreError(e),
    );
    return () => {
      alive = false;
    };
  }, [form.id, form.selfEvaluation]);

  /** Sends the latest entries if they changed; one request at a time (each needs the last version). */
  const flush = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    if (!dirty.current) return true;
    const d = latest.current;
    if (localProblems(form, d).length) return false;
    dirty.current = false;
    const run = (async () => {
      setSaving(true);
      try {
        const res = await api<SelfEvaluationResponse>('PUT', `/api/forms/${form.id}/self-evaluation`, { body: { ...bodyOf(form, d), version: version.current } });
        version.current = res.version;
        setScore(res.score);
        setSaveError(null);
        setScoreError(null);
        setSavedAt(new Date().toISOString());
        if (!dirty.current) setUnsaved(false);
        return true;
      } catch (e) {
        dirty.current = true;
        setSaveError(e);
        return false;
      } finally {
        setSaving(false);
      }
    })();
    inflight.current = run;
    const ok = await run;
    inflight.current = null;
    return ok;
  }, [form]);

  const change = (fn: (d: Draft) => Draft) => {
    setDraft((d) => {
      const next = fn(d);
      latest.current = next;
      return next;
    });
    dirty.current = true;
    setUnsaved(true);
    setSubmitError(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const saveNow = async () => {
    if (timer.current) clearTimeout(timer.current);
    dirty.current = dirty.current || unsaved;
    return flush();
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const local = localProblems(form, latest.current);
      if (local.length) {
        setSubmitError(new ApiError(422, 'LOCAL', '请先更正以下内容再提交：', local.map((p) => ({ path: p.path, message: p.message }))));
        revealProblems();
        return;
      }
      if (!(await saveNow())) {
        revealProblems();
        return;
      }
      await api<Form>('POST', `/api/forms/${form.id}/events`, {
        body: { type: 'SUBMIT_SELF_EVALUATION', version: version.current },
        headers: { 'Idempotency-Key': idempotencyKey() },
      });
      setUnsaved(false);
      navigate(`/forms/${form.id}`);
    } catch (e) {
      setSubmitError(e);
      revealProblems();
    } finally {
      setSubmitting(false);
    }
  };
  /** After a refused submission the problems (below the long table) are scrolled to. */
  const revealProblems = () =>
    setTimeout(() => {
      const box = document.querySelector<HTMLElement>('.self-evaluation-page .problem-box');
      box?.scrollIntoView({ block: 'center' });
      box?.focus();
    }, 0);

  const local = localProblems(form, draft);
  const scoreProblems = (score?.problems ?? null) as { errors?: Problem[]; warnings?: Problem[] } | null;
  const apiDetails = (e: unknown): Problem[] =>
    e instanceof ApiError ? e.details.filter((d) => d.path && d.message).map((d) => ({ path: String(d.path), message: String(d.message), rule: d.rule })) : [];
  // Shown at their place: what the page itself refuses, the 422s of the last save or submit, what the score still lacks.
  const placed = problemsByPath([
    ...local,
    ...apiDetails(saveError),
    ...apiDetails(submitError),
    ...(scoreProblems?.errors ?? []).filter((p) => !(p.path === 'budgetExecuted' && local.some((l) => l.path === 'budgetExecuted'))),
    ...(scoreProblems?.warnings ?? []),
  ]);
  const conflict = [saveError, submitError].some((e) => e instanceof ApiError && e.code === 'VERSION_CONFLICT');
  const errorsLeft = scoreProblems?.errors?.length ?? 0;
  const busy = saving || submitting;

  return (
    <div className="self-evaluation-page">
      <PageTitle
        actions={
          <>
            <DownloadButton form={form} />
            <Link to={`/forms/${form.id}`} className="button">
              返回申报表
            </Link>
          </>
        }
      >
        项目支出绩效自评表
      </PageTitle>
      <p className="muted se-meta">
        <StateBadge state={form.state} label={form.stateLabel} />
        {form.nextDeadline ? ` ${form.nextDeadline.label}：${formatDateTime(form.nextDeadline.dueAt)}` : ''}
      </p>

      <ProvisionalScore
        score={score}
        error={scoreError}
        saving={saving}
        savedAt={savedAt}
        unsaved={unsaved}
        errorsLeft={errorsLeft}
        local={local.length}
        saveFailed={saveError !== null && saveError !== undefined}
      />

      <section className="card sheet">
        <h2 className="sheet-title">
          项目支出绩效自评表<small>（{form.year}年度）</small>
        </h2>
        <SheetHeader form={form} />
        <FundsTable form={form} draft={draft} score={score} editable problems={placed} onDraft={change} />
        <IndicatorsTable form={form} draft={draft} score={score} editable problems={placed} onDraft={change} />
        <GoalBlock form={form} draft={draft} score={score} editable problems={placed} onDraft={change} />
      </section>

      {conflict ? (
        <ConflictAlert onReload={onReload}>此自评已被他人修改（可能在另一个窗口中），您最近的修改尚未保存。请重新加载后再填写。</ConflictAlert>
      ) : (
        <>
          <ProblemBox error={saveError} title="自动保存失败" note="您填写的内容仍在页面上，更正后会自动保存。" />
          <ProblemBox error={submitError} title="提交失败" />
        </>
      )}

      {score && (
        <details className="card se-details">
          <summary>查看得分明细</summary>
          <ScoreView score={score} />
        </details>
      )}

      <div className="se-actions">
        <button type="button" onClick={() => void saveNow()} disabled={busy}>
          {saving && !submitting ? '正在保存…' : '保存自评'}
        </button>
        <button type="button" className="primary" onClick={() => void submit()} disabled={busy}>
          {submitting ? '正在提交…' : '提交自评'}
        </button>
        <span className="muted">提交后由主管部门审核，不能再修改。</span>
      </div>
    </div>
  );
}

function ProvisionalScore({
  score,
  error,
  saving,
  savedAt,
  unsaved,
  errorsLeft,
  local,
  saveFailed,
}: {
  score: Score | null;
  error: unknown;
  saving: boolean;
  savedAt: string | null;
  unsaved: boolean;
  errorsLeft: number;
  local: number;
  saveFailed: boolean;
}) {
  return (
    <div className="card se-score" data-testid="provisional-score" aria-live="polite">
      <div className="se-score-main">
        <span className="muted">暂算得分</span>
        <strong className="se-total">{score ? score.total : '—'}</strong>
        <span className="muted">分</span>
        <span className="muted se-grade-label">等级</span>
        <strong className={score ? `se-grade grade-${score.grade}` : 'se-grade'}>{score ? score.grade : '—'}</strong>
      </div>
      <div className="se-score-status">
        {saving ? (
          <span>正在保存并计算…</span>
        ) : local > 0 ? (
          <span className="finding-error">有 {local} 处内容格式不正确，更正后才能保存和计算。</span>
        ) : saveFailed ? (
          <span className="finding-error">未能保存：有内容须更正（见标红处及页面下方的说明），暂算得分尚未更新。</span>
        ) : unsaved ? (
          <span className="muted">有未保存的修改</span>
        ) : savedAt ? (
          <span className="muted">已自动保存（{formatDateTime(savedAt)}）</span>
        ) : !score ? (
          <span className="muted">填写全年执行数和各项实际完成值后，自动保存并计算暂算得分。</span>
        ) : null}
        {score && errorsLeft > 0 && <span className="finding-error"> 尚有 {errorsLeft} 项须完善后才能提交。</span>}
        {score && errorsLeft === 0 && !unsaved && <span className="se-complete"> 已填写完整，可以提交。</span>}
        {error !== null && error !== undefined && !(error instanceof ApiError && error.status === 404) && <ErrorBox error={error} title="暂算得分加载失败" />}
      </div>
    </div>
  );
}

function SelfEvaluationReadOnly({ form }: { form: Form }) {
  const user = useUser();
  const opened = ['selfEvaluation', 'selfEvaluationReview', 'completed'].includes(form.state);
  const score = useAsync(() => (opened ? api<Score>('GET', `/api/forms/${form.id}/score`) : Promise.resolve(null)), [form.id, opened]);
  const draft = draftOf(form);
  const none = new Map<string, Problem[]>();
  const noScore = score.error instanceof ApiError && score.error.status === 404;

  return (
    <div className="self-evaluation-page">
      <PageTitle
        actions={
          <>
            {opened && <DownloadButton form={form} />}
            <Link to={`/forms/${form.id}`} className="button">
              返回申报表
            </Link>
          </>
        }
      >
        项目支出绩效自评表
      </PageTitle>
      <p className="muted se-meta">
        <StateBadge state={form.state} label={form.stateLabel} />
      </p>
      {!opened ? (
        <div className="alert alert-info">该申报表尚未进入年终自评（当前状态：{form.stateLabel}）。年终自评开启后，实施单位在此填报实际完成情况。</div>
      ) : (
        <>
          {form.state === 'selfEvaluation' && user.role !== 'unit' && <div className="alert alert-info">实施单位正在填报年终自评，以下为当前填报内容和暂算得分。</div>}
          {form.state === 'selfEvaluationReview' && <div className="alert alert-info">自评已提交，等待主管部门审核。</div>}
          {score.data === undefined && score.error === undefined && <Loading label="正在加载得分…" />}
          {score.error !== undefined && !noScore && <ErrorBox error={score.error} title="得分加载失败" />}
          {noScore && <div className="alert alert-warning">尚未填报年终自评。</div>}
          <section className="card sheet">
            <h2 className="sheet-title">
              项目支出绩效自评表<small>（{form.year}年度）</small>
            </h2>
            <SheetHeader form={form} />
            <FundsTable form={form} draft={draft} score={score.data ?? null} editable={false} problems={none} />
            <IndicatorsTable form={form} draft={draft} score={score.data ?? null} editable={false} problems={none} />
            <GoalBlock form={form} draft={draft} score={score.data ?? null} editable={false} problems={none} />
          </section>
          {score.data && (
            <section className="card">
              <h2>{score.data.provisional === true ? '暂算得分' : '评分结果'}</h2>
              <ScoreView score={score.data} />
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** A failed save or submission: the API's message and each problem with where it is, in words. */
function ProblemBox({ error, title, note }: { error: unknown; title: string; note?: string }) {
  if (error === null || error === undefined) return null;
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorBox error={error} title={title} />;
  const details = error.details.filter((d) => d.message);
  return (
    <div className="alert alert-error problem-box" role="alert" tabIndex={-1}>
      <strong>{title}：</strong>
      {error.message}
      <ul>
        {details.map((d, i) => (
          <li key={i}>
            {d.path ? <span className="where">{describePath(d.path)}：</span> : null}
            {d.message}
          </li>
        ))}
      </ul>
      {note && <div className="muted">{note}</div>}
    </div>
  );
}
