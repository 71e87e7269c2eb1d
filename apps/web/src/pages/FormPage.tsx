// One 申报表 as everyone sees it: laid out like the published 财政项目支出绩效目标申报表, with its
// state, next deadline, pre-check findings, the actions the caller may take now, the reviewer's
// 退回意见 and what changed since, the score after self-evaluation, the lifecycle and the history.
import { ReactNode, useRef, useState } from 'react';
import { api, ApiError, download, idempotencyKey } from '../api';
import { useUser } from '../auth';
import { Link } from '../router';
import { ScoreView } from '../components/ScoreView';
import { LifecycleDiagram } from '../components/LifecycleDiagram';
import { DiffContent, RevisionDiff } from '../components/RevisionDiff';
import { loadOrgs, orgName } from '../components/ReviewOrgs';
import { EVENT_LABELS, ROLE_LABELS, STATE_LABELS } from '../types';
import type { EventType, Finding, Form, HistoryView, Indicator, Org, Revision, Role, Score } from '../types';
import { Async, AsyncView, cleanMoney, DeadlineBadge, ErrorBox, formatDateTime, formatDueAt, formatMoney, isMoney, Loading, moneyProblem, PageTitle, StateBadge, useAsync, yuanToWan } from '../ui';
import './FormPage.css';

const UNIT_MUST_ACT = new Set(['draft', 'returned', 'selfEvaluation']);
const SCORED_STATES = new Set(['selfEvaluationReview', 'completed']);
const COMMENT_EVENTS = new Set<EventType>(['RETURN', 'RETURN_SELF_EVALUATION']);
const RETURN_TYPES = new Set(['RETURN', 'RETURN_SELF_EVALUATION']);

/** History entries that are not lifecycle events. */
const OTHER_EVENT_LABELS: Record<string, string> = {
  CREATE: '新建',
  UPDATE: '修改内容',
  SELF_EVALUATION_UPDATE: '保存自评',
  IMPORT: '导入',
};

export function eventLabel(type: string): string {
  return (EVENT_LABELS as Record<string, string>)[type] ?? OTHER_EVENT_LABELS[type] ?? type;
}

export function stateLabel(state: string | null | undefined): string {
  if (!state) return '—';
  return (STATE_LABELS as Record<string, string>)[state] ?? state;
}

function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role as Role] ?? (role === 'system' ? '系统' : role);
}

/** Goals pasted from published forms carry <p> and <br>: shown as paragraphs, never as HTML. */
function plainText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<\/?(p|div|span|strong|b|i|em|u|font)\b[^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

/** 元 with its 万元: "937,980.00 元（93.798 万元）". */
function Yuan({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">（未填写）</span>;
  return (
    <>
      {formatMoney(value)} 元<span className="muted wan">（{yuanToWan(value)} 万元）</span>
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  projectName: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  plannedStart: '计划开始日期',
  plannedEnd: '计划完成日期',
  'funds.total': '年度资金申请总额',
  'funds.currentYear': '当年财政拨款',
  'funds.carryOver': '上年结转资金',
  'funds.other': '其他资金',
  funds: '项目资金',
  overallGoal: '项目总目标',
  annualGoal: '年度总体目标',
  indicators: '绩效指标',
  approvedAmount: '批复金额',
  comment: '意见',
};

const INDICATOR_FIELDS: Record<string, string> = { level1: '一级指标', level2: '二级指标', name: '三级指标', target: '指标值', weight: '分值' };

/** "indicators[3].target" → "第 4 条指标 · 指标值". */
export function pathLabel(path: string | undefined): string {
  if (!path) return '';
  const m = /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) return `第 ${Number(m[1]) + 1} 条指标${m[2] ? ' · ' + (INDICATOR_FIELDS[m[2]] ?? m[2]) : ''}`;
  return FIELD_LABELS[path] ?? path;
}

// ---- money as decimal strings ---------------------------------------------------------------------

function cents(value: string): bigint {
  const [int, frac = ''] = value.split('.');
  return BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
}

/** Why an approved amount cannot be sent, or null. */
function approvedAmountProblem(amount: string, total: string): string | null {
  const a = cleanMoney(amount);
  if (!a) return '请填写批复金额。';
  const problem = moneyProblem(a, '批复金额', '900000.00');
  if (problem) return problem;
  if (cents(a) <= 0n) return '批复金额应大于 0。';
  if (isMoney(total) && cents(a) > cents(total)) return `批复金额不能超过年度资金申请总额 ${formatMoney(total)} 元。`;
  return null;
}

// ---- the sheet --------------------------------------------------------------------------------------

interface SheetRow {
  indicator: Indicator;
  level1Span: number; // > 0 on the first row of its 一级指标
  level2Span: number; // > 0 on the first row of its 二级指标
}

/** Rows grouped by 一级 then 二级 (in order of first appearance), with the rowspans of the merged cells. */
function groupIndicators(indicators: Indicator[]): SheetRow[] {
  const level1: Map<string, Map<string, Indicator[]>> = new Map();
  for (const i of indicators) {
    const l2 = level1.get(i.level1) ?? new Map<string, Indicator[]>();
    level1.set(i.level1, l2);
    l2.set(i.level2, [...(l2.get(i.level2) ?? []), i]);
  }
  const rows: SheetRow[] = [];
  for (const l2 of level1.values()) {
    const total = [...l2.values()].reduce((n, list) => n + list.length, 0);
    let first1 = true;
    for (const list of l2.values()) {
      list.forEach((indicator, k) => {
        rows.push({ indicator, level1Span: first1 ? total : 0, level2Span: k === 0 ? list.length : 0 });
        first1 = false;
      });
    }
  }
  return rows;
}

function Sheet({ form, departmentName, unitName }: { form: Form; departmentName: string; unitName: string }) {
  const rows = groupIndicators(form.indicators);
  return (
    <section className="card fp-sheet-card" aria-labelledby="fp-sheet-title">
      <h2 id="fp-sheet-title" className="fp-sheet-title">
        财政项目支出绩效目标申报表
      </h2>
      <p className="fp-sheet-year">（{form.year}年度）</p>
      <div className="fp-scroll">
      <table className="fp-sheet" data-testid="form-sheet">
        <colgroup>
          <col className="c1" />
          <col className="c2" />
          <col className="c3" />
          <col className="c4" />
          <col className="c5" />
          <col className="c6" />
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">项目名称</th>
            <td data-field="projectName">{form.projectName || <span className="muted">（未填写）</span>}</td>
            <th scope="row">项目性质</th>
            <td data-field="nature">{form.nature || '—'}</td>
            <th scope="row">项目类别</th>
            <td data-field="category">{form.category || '—'}</td>
          </tr>
          <tr>
            <th scope="row">主管部门</th>
            <td data-field="department">{departmentName}</td>
            <th scope="row">实施单位</th>
            <td colSpan={3} data-field="unit">
              {unitName}
            </td>
          </tr>
          <tr>
            <th scope="row">计划开始日期</th>
            <td data-field="plannedStart">{form.plannedStart || '—'}</td>
            <th scope="row">计划完成日期</th>
            <td colSpan={3} data-field="plannedEnd">
              {form.plannedEnd || '—'}
            </td>
          </tr>
          <tr>
            <th scope="rowgroup" rowSpan={4}>
              项目资金
              <br />
              （元）
            </th>
            <th colSpan={2} scope="row">
              年度资金申请总额
            </th>
            <td colSpan={3} className="num" data-field="funds.total">
              <Yuan value={form.funds?.total} />
            </td>
          </tr>
          <tr>
            <th colSpan={2} scope="row" className="sub">
              其中：当年财政拨款
            </th>
            <td colSpan={3} className="num" data-field="funds.currentYear">
              <Yuan value={form.funds?.currentYear} />
            </td>
          </tr>
          <tr>
            <th colSpan={2} scope="row" className="sub">
              上年结转资金
            </th>
            <td colSpan={3} className="num" data-field="funds.carryOver">
              <Yuan value={form.funds?.carryOver} />
            </td>
          </tr>
          <tr>
            <th colSpan={2} scope="row" className="sub">
              其他资金
            </th>
            <td colSpan={3} className="num" data-field="funds.other">
              <Yuan value={form.funds?.other} />
            </td>
          </tr>
          <tr>
            <th scope="rowgroup" rowSpan={2}>
              项目绩效
              <br />
              目标
            </th>
            <th colSpan={2} scope="row">
              项目总目标
            </th>
            <td colSpan={3} className="fp-goal" data-field="overallGoal">
              {plainText(form.overallGoal) || <span className="muted">（未填写）</span>}
            </td>
          </tr>
          <tr>
            <th colSpan={2} scope="row">
              年度总体目标
            </th>
            <td colSpan={3} className="fp-goal" data-field="annualGoal">
              {plainText(form.annualGoal) || <span className="muted">（未填写）</span>}
            </td>
          </tr>
          <tr className="fp-ind-head">
            <th scope="rowgroup" rowSpan={rows.length + 1}>
              绩效指标
            </th>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">三级指标</th>
            <th scope="col">年度指标值</th>
            <th scope="col" className="num">
              分值
            </th>
          </tr>
          {rows.map((r) => (
            <tr key={r.indicator.id} data-testid="indicator-row">
              {r.level1Span > 0 && (
                <td rowSpan={r.level1Span} className="fp-level">
                  {r.indicator.level1}
                </td>
              )}
              {r.level2Span > 0 && (
                <td rowSpan={r.level2Span} className="fp-level">
                  {r.indicator.level2}
                </td>
              )}
              <td>{r.indicator.name}</td>
              <td className={r.indicator.parsedTarget ? undefined : 'fp-target-unread'} title={r.indicator.parsedTarget ? undefined : '系统无法识别该指标值'}>
                {r.indicator.target || '—'}
              </td>
              <td className="num">{r.indicator.weight || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {rows.length === 0 && <p className="muted">尚未填写绩效指标。</p>}
    </section>
  );
}

// ---- findings ---------------------------------------------------------------------------------------

function Warnings({ warnings }: { warnings: Finding[] }) {
  const errors = warnings.filter((w) => w.severity === 'error');
  const hints = warnings.filter((w) => w.severity !== 'error');
  return (
    <section className="card fp-warnings" data-testid="form-warnings" aria-labelledby="fp-warnings-title">
      <h2 id="fp-warnings-title">预检结果（审核要点）</h2>
      {warnings.length === 0 ? (
        <p className="fp-ok">预检未发现问题。</p>
      ) : (
        <>
          <p>
            {errors.length > 0 && <span className="finding-error">{errors.length} 项错误（须修改后才能申报）</span>}
            {errors.length > 0 && hints.length > 0 && '，'}
            {hints.length > 0 && <span className="finding-warning">{hints.length} 项提示（不影响申报，请核实）</span>}
          </p>
          <ul className="fp-findings">
            {[...errors, ...hints].map((w, i) => (
              <li key={i} className={w.severity === 'error' ? 'finding-error' : 'finding-warning'} data-severity={w.severity}>
                <span className={`fp-tag fp-tag-${w.severity}`}>{w.severity === 'error' ? '错误' : '提示'}</span>
                {w.message}
                {w.path && <span className="muted">（{pathLabel(w.path)}）</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The API's message and, for a 422, each problem with where it is, in words (第 3 条指标 · 指标值). */
function ProblemBox({ error, title, hint }: { error: unknown; title: string; hint?: string | null }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <ErrorBox error={error} title={title} />;
  const details = error.details.filter((d) => d.message);
  return (
    <div className="alert alert-error" role="alert">
      <strong>{title}：</strong>
      {error.message}
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {d.message}
              {d.path ? <span className="muted">（{pathLabel(d.path)}）</span> : null}
            </li>
          ))}
        </ul>
      )}
      {hint && <div className="fp-problem-hint">{hint}</div>}
    </div>
  );
}

// ---- actions ----------------------------------------------------------------------------------------

/**
 * Someone else acted first (409): loads the form as it is now and says who did what, so the reviewer
 * knows why nothing happened and what the form looks like now.
 */
async function conflictNotice(id: string, type: EventType, onChanged: (next: Form) => void, onStale: () => void): Promise<string> {
  const mine = `您的“${EVENT_LABELS[type] ?? type}”未执行`;
  try {
    const [fresh, history] = await Promise.all([api<Form>('GET', `/api/forms/${id}`), api<HistoryView>('GET', `/api/forms/${id}/history`)]);
    onChanged(fresh);
    const last = history.events.at(-1);
    const who = last ? `${last.actor.username}（${roleLabel(last.actor.role)}）已于 ${formatDateTime(last.at)}“${eventLabel(last.type)}”` : '该申报表已被他人修改';
    return `${who}，当前状态为“${fresh.stateLabel}”。${mine}；页面已更新为最新内容，请核对后再操作。`;
  } catch {
    onStale();
    return `该申报表已被他人修改，${mine}。页面正在重新加载最新内容，请核对后再操作。`;
  }
}

type Notice = { kind: 'success' | 'warning'; text: string } | null;

function Actions({ form, onChanged, onStale }: { form: Form; onChanged(next: Form): void; onStale(): void }) {
  const user = useUser();
  const [panel, setPanel] = useState<EventType | null>(null);
  const [comment, setComment] = useState('');
  const [amount, setAmount] = useState(form.funds?.total ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [touched, setTouched] = useState(false);
  const keyRef = useRef<{ sig: string; key: string } | null>(null);

  const canUrge = user.role !== 'unit' && UNIT_MUST_ACT.has(form.state);
  // Nothing to do now; still shown while it reports the outcome of the last action.
  if (form.allowedEvents.length === 0 && !canUrge && !notice && !error) return null;

  const open = (type: EventType) => {
    setError(null);
    setNotice(null);
    setTouched(false);
    if (panel === type) {
      setPanel(null);
      return;
    }
    if (type === 'APPROVE') setAmount(form.funds?.total ?? '');
    else setComment('');
    setPanel(type);
  };

  const send = async (type: EventType, extra: { comment?: string; approvedAmount?: string } = {}) => {
    const body = { type, version: form.version, ...extra };
    const sig = JSON.stringify(body);
    // The same request repeated (after a lost answer) keeps its key, so the API applies it once.
    if (!keyRef.current || keyRef.current.sig !== sig) keyRef.current = { sig, key: idempotencyKey() };
    setBusy(type);
    setError(null);
    setFailed(type);
    setNotice(null);
    try {
      const next = await api<Form>('POST', `/api/forms/${form.id}/events`, { body, headers: { 'Idempotency-Key': keyRef.current.key } });
      keyRef.current = null;
      setPanel(null);
      setNotice({ kind: 'success', text: `已${EVENT_LABELS[type]}。当前状态：${next.stateLabel}。` });
      onChanged(next);
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0) keyRef.current = null;
      if (err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'INVALID_TRANSITION')) {
        setPanel(null);
        setNotice({ kind: 'warning', text: `该申报表刚刚已被他人处理，您的“${EVENT_LABELS[type]}”未执行。正在加载最新内容…` });
        setNotice({ kind: 'warning', text: await conflictNotice(form.id, type, onChanged, onStale) });
      } else {
        setError(err);
      }
    } finally {
      setBusy(null);
    }
  };

  const urge = async () => {
    setBusy('URGE');
    setError(null);
    setFailed('URGE');
    setNotice(null);
    try {
      const r = await api<{ notified: number }>('POST', `/api/forms/${form.id}/urge`, { body: {} });
      setNotice({ kind: 'success', text: `已催办，已通知实施单位 ${r.notified} 位用户。` });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const commentMissing = comment.trim() === '';
  const amountProblem = approvedAmountProblem(amount, form.funds?.total ?? '');

  return (
    <section className="card fp-actions" aria-labelledby="fp-actions-title">
      <h2 id="fp-actions-title">办理</h2>
      <div className="fp-buttons">
        {form.allowedEvents.map((type) => {
          const withPanel = COMMENT_EVENTS.has(type) || type === 'APPROVE';
          const primary = type === 'SUBMIT' || type === 'APPROVE' || type === 'SUBMIT_SELF_EVALUATION' || type === 'CONFIRM_SELF_EVALUATION';
          return (
            <button
              key={type}
              type="button"
              className={COMMENT_EVENTS.has(type) ? 'danger' : primary ? 'primary' : undefined}
              disabled={busy !== null}
              aria-expanded={withPanel ? panel === type : undefined}
              aria-controls={withPanel ? `fp-panel-${type}` : undefined}
              onClick={() => (withPanel ? open(type) : void send(type))}
            >
              {busy === type && !withPanel ? '正在提交…' : EVENT_LABELS[type] ?? type}
            </button>
          );
        })}
        {canUrge && (
          <button type="button" disabled={busy !== null} onClick={() => void urge()} title="通知实施单位尽快处理（同一申报表 24 小时内至多一次）">
            {busy === 'URGE' ? '正在催办…' : '催办'}
          </button>
        )}
      </div>

      {panel && COMMENT_EVENTS.has(panel) && (
        <form
          id={`fp-panel-${panel}`}
          className="fp-panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!commentMissing) void send(panel, { comment: comment.trim() });
          }}
        >
          <div className="field">
            <label htmlFor="fp-return-comment">退回意见</label>
            <textarea
              id="fp-return-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              required
              maxLength={2000}
              aria-invalid={touched && commentMissing ? 'true' : undefined}
              aria-describedby="fp-return-hint"
              placeholder={panel === 'RETURN' ? '请写明需要修改的内容，如：请补充满意度指标' : '请写明自评需要修改的内容'}
              autoFocus
            />
            <div id="fp-return-hint" className={touched && commentMissing ? 'hint finding-error' : 'hint'}>
              {touched && commentMissing ? '请填写退回意见。' : `必填，实施单位将收到此意见（${comment.length}/2000 字）。`}
            </div>
          </div>
          <div className="fp-panel-buttons">
            <button type="submit" className="danger" disabled={busy !== null}>
              {busy === panel ? '正在退回…' : '确认退回'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => setPanel(null)}>
              取消
            </button>
          </div>
        </form>
      )}

      {panel === 'APPROVE' && (
        <form
          id="fp-panel-APPROVE"
          className="fp-panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!amountProblem) void send('APPROVE', { approvedAmount: cleanMoney(amount) });
          }}
        >
          <div className="field">
            <label htmlFor="fp-approved-amount">批复金额（元）</label>
            <input
              id="fp-approved-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={touched && amountProblem ? 'true' : undefined}
              aria-describedby="fp-amount-hint"
              autoFocus
            />
            <div id="fp-amount-hint" className={touched && amountProblem ? 'hint finding-error' : 'hint'}>
              {touched && amountProblem
                ? amountProblem
                : `年度资金申请总额 ${formatMoney(form.funds?.total)} 元；批复金额大于 0 且不超过申请总额，最多两位小数。${isMoney(cleanMoney(amount)) ? `（即 ${formatMoney(cleanMoney(amount))} 元，${yuanToWan(cleanMoney(amount))} 万元）` : ''}`}
            </div>
          </div>
          <div className="fp-panel-buttons">
            <button type="submit" className="primary" disabled={busy !== null}>
              {busy === 'APPROVE' ? '正在批复…' : '确认批复'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => setPanel(null)}>
              取消
            </button>
          </div>
        </form>
      )}

      {notice && (
        <div className={notice.kind === 'success' ? 'alert alert-success' : 'alert alert-warning'} role={notice.kind === 'success' ? 'status' : 'alert'}>
          {notice.text}
        </div>
      )}
      <ProblemBox
        error={error}
        title={failed && failed in EVENT_LABELS ? `未能${EVENT_LABELS[failed as EventType]}` : failed === 'URGE' ? '未能催办' : '操作未成功'}
        hint={error instanceof ApiError && error.status === 422 && failed === 'SUBMIT' && user.role === 'unit' ? '请点击“编辑”按提示修改后再申报。' : null}
      />
    </section>
  );
}

// ---- returns and what changed --------------------------------------------------------------------------

function contentOf(form: Form): DiffContent {
  return {
    projectName: form.projectName,
    nature: form.nature,
    category: form.category,
    plannedStart: form.plannedStart,
    plannedEnd: form.plannedEnd,
    funds: form.funds,
    overallGoal: form.overallGoal,
    annualGoal: form.annualGoal,
    indicators: form.indicators,
  };
}

function revisionLabel(r: Revision, submittedIndex?: number): string {
  const what = r.reason === 'approved' ? '批复版本' : submittedIndex !== undefined ? `第 ${submittedIndex} 次申报` : '申报版本';
  return `${what}（${formatDateTime(r.createdAt)}）`;
}

/** Which two versions tell "what changed since the last submission". */
function changeSinceSubmission(form: Form, revisions: Revision[]): { before: DiffContent; after: DiffContent; beforeLabel: string; afterLabel: string; title: string } | null {
  const submitted = revisions.filter((r) => r.reason === 'submitted');
  if (submitted.length === 0) return null;
  const last = submitted[submitted.length - 1];
  if (form.state === 'returned' || form.state === 'draft') {
    return {
      before: last.content,
      after: contentOf(form),
      beforeLabel: revisionLabel(last, submitted.length),
      afterLabel: '当前内容',
      title: '自上次申报以来的修改',
    };
  }
  if (submitted.length < 2) return null;
  const prev = submitted[submitted.length - 2];
  return {
    before: prev.content,
    after: last.content,
    beforeLabel: revisionLabel(prev, submitted.length - 1),
    afterLabel: revisionLabel(last, submitted.length),
    title: '重新申报的修改（与上一次申报相比）',
  };
}

function ReturnComments({ form, history, revisions }: { form: Form; history: HistoryView | undefined; revisions: Async<Revision[]> }) {
  const returns = (history?.events ?? []).filter((e) => RETURN_TYPES.has(e.type)).reverse();
  const everReturned = returns.some((e) => e.type === 'RETURN');
  if (form.state !== 'returned' && returns.length === 0) return null;
  const [latest, ...earlier] = returns;
  const current = form.state === 'returned' || (form.state === 'selfEvaluation' && latest?.type === 'RETURN_SELF_EVALUATION');
  // While the content is being returned, revised or reviewed again the changes matter; later they are history.
  const diffOpen = form.state === 'returned' || form.state === 'draft' || form.state === 'declared' || form.state === 'reviewing';
  const title =
    form.state === 'returned' ? '退回修改：主管部门的意见' : form.state === 'selfEvaluation' && latest?.type === 'RETURN_SELF_EVALUATION' ? '自评被退回：主管部门的意见' : '退回记录';
  const diff = revisions.data ? changeSinceSubmission(form, revisions.data) : null;
  return (
    <section className={current ? 'card fp-returns fp-returns-current' : 'card fp-returns'} data-testid="return-comments" aria-labelledby="fp-returns-title">
      <h2 id="fp-returns-title">{title}</h2>
      {!history && <Loading label="正在加载退回意见…" />}
      {latest && (
        <figure className="fp-return-latest" data-testid="return-comment">
          <blockquote>{latest.comment || '（未填写意见）'}</blockquote>
          <figcaption>
            {eventLabel(latest.type)} · {latest.actor.username}（{roleLabel(latest.actor.role)}） · {formatDateTime(latest.at)}
          </figcaption>
        </figure>
      )}
      {earlier.length > 0 && (
        <details className="fp-return-earlier">
          <summary>此前的退回意见（{earlier.length} 条）</summary>
          <ul>
            {earlier.map((e) => (
              <li key={e.seq}>
                <span className="muted">
                  {formatDateTime(e.at)} · {e.actor.username} · {eventLabel(e.type)}：
                </span>
                {e.comment || '（未填写意见）'}
              </li>
            ))}
          </ul>
        </details>
      )}
      {(everReturned || form.state === 'returned') && (
        <div className="fp-return-diff">
          {revisions.error !== undefined && !revisions.data ? (
            <ErrorBox error={revisions.error} title="无法加载修改对比" />
          ) : !revisions.data ? (
            <Loading label="正在加载修改对比…" />
          ) : diff && diffOpen ? (
            <>
              <h3>{diff.title}</h3>
              <RevisionDiff before={diff.before} after={diff.after} beforeLabel={diff.beforeLabel} afterLabel={diff.afterLabel} />
            </>
          ) : diff ? (
            <details>
              <summary className="fp-diff-summary">{diff.title}</summary>
              <RevisionDiff before={diff.before} after={diff.after} beforeLabel={diff.beforeLabel} afterLabel={diff.afterLabel} />
            </details>
          ) : (
            <p className="muted">尚无可对比的申报版本。</p>
          )}
        </div>
      )}
    </section>
  );
}

/** Reviewers and admins: pick any two frozen versions (or the current content) and compare them. */
function RevisionCompare({ form, revisions }: { form: Form; revisions: Revision[] }) {
  const submittedNo = new Map<number, number>();
  let n = 0;
  for (const r of revisions) if (r.reason === 'submitted') submittedNo.set(r.revision, ++n);
  const label = (r: Revision) => `#${r.revision} ${revisionLabel(r, submittedNo.get(r.revision))}`;
  const defaultOld = revisions.length >= 2 ? String(revisions[revisions.length - 2].revision) : revisions.length ? String(revisions[0].revision) : '';
  const defaultNew = revisions.length >= 2 ? String(revisions[revisions.length - 1].revision) : 'current';
  const [oldSel, setOldSel] = useState(defaultOld);
  const [newSel, setNewSel] = useState(defaultNew);
  const [shown, setShown] = useState<{ o: string; n: string } | null>(null);

  const pick = (v: string): { content: DiffContent; label: string } | null => {
    if (v === 'current') return { content: contentOf(form), label: '当前内容' };
    const r = revisions.find((x) => String(x.revision) === v);
    return r ? { content: r.content, label: label(r) } : null;
  };
  const a = shown && pick(shown.o);
  const b = shown && pick(shown.n);

  return (
    <section className="card fp-compare" aria-labelledby="fp-compare-title">
      <h2 id="fp-compare-title">修改对比</h2>
      {revisions.length === 0 ? (
        <p className="muted">尚无冻结的版本（申报和批复时各冻结一个版本）。</p>
      ) : (
        <>
          <div className="fp-scroll">
          <table className="fp-revisions">
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">类型</th>
                <th scope="col">冻结时间</th>
                <th scope="col" className="num">
                  年度资金申请总额（元）
                </th>
                <th scope="col" className="num">
                  批复金额（元）
                </th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.revision} data-testid="revision-row">
                  <td>#{r.revision}</td>
                  <td>{r.reason === 'approved' ? '批复' : `第 ${submittedNo.get(r.revision)} 次申报`}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td className="num">{formatMoney(r.content.funds?.total)}</td>
                  <td className="num">{r.approvedAmount ? formatMoney(r.approvedAmount) : '—'}</td>
                  <td>{r.baseline ? <span className="badge state-approved">自评基线</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <form
            className="fp-compare-form"
            onSubmit={(e) => {
              e.preventDefault();
              setShown({ o: oldSel, n: newSel });
            }}
          >
            <div className="field">
              <label htmlFor="fp-compare-old">对比版本（修改前）</label>
              <select id="fp-compare-old" value={oldSel} onChange={(e) => setOldSel(e.target.value)}>
                {revisions.map((r) => (
                  <option key={r.revision} value={String(r.revision)}>
                    {label(r)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="fp-compare-new">对比版本（修改后）</label>
              <select id="fp-compare-new" value={newSel} onChange={(e) => setNewSel(e.target.value)}>
                {revisions.map((r) => (
                  <option key={r.revision} value={String(r.revision)}>
                    {label(r)}
                  </option>
                ))}
                <option value="current">当前内容</option>
              </select>
            </div>
            <div className="field fp-compare-go">
              <button type="submit">对比</button>
            </div>
          </form>
          {a && b && <RevisionDiff before={a.content} after={b.content} beforeLabel={a.label} afterLabel={b.label} />}
        </>
      )}
    </section>
  );
}

// ---- history --------------------------------------------------------------------------------------------

function historyNote(e: HistoryView['events'][number]): ReactNode {
  const payload = (e.payload ?? {}) as Record<string, unknown>;
  const parts: ReactNode[] = [];
  if (e.comment) parts.push(<span key="c">{e.comment}</span>);
  if (e.type === 'APPROVE' && typeof payload.approvedAmount === 'string') parts.push(<span key="a">批复金额 {formatMoney(payload.approvedAmount)} 元</span>);
  if (parts.length === 0) return <span className="muted">—</span>;
  return parts.reduce<ReactNode[]>((acc, p, i) => (i ? [...acc, '；', p] : [p]), []);
}

function History({ state }: { state: Async<HistoryView> }) {
  return (
    <section className="card fp-history" aria-labelledby="fp-history-title">
      <h2 id="fp-history-title">流转记录</h2>
      <AsyncView state={state}>
        {(h) => (
          <>
            {h.chainValid ? (
              <p className="fp-chain-ok" data-testid="chain-status">
                ✓ 记录完整性校验通过
              </p>
            ) : (
              <div className="alert alert-error" role="alert" data-testid="chain-status">
                记录完整性校验未通过：{h.brokenAtSeq ? `第 ${h.brokenAtSeq} 条起的` : ''}流转记录与其哈希链不一致，可能被改动。请联系系统管理员核查。
              </div>
            )}
            {h.events.length === 0 ? (
              <p className="muted">暂无流转记录。</p>
            ) : (
              <div className="fp-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">时间</th>
                    <th scope="col">操作人</th>
                    <th scope="col">动作</th>
                    <th scope="col">状态变化</th>
                    <th scope="col">意见 / 说明</th>
                  </tr>
                </thead>
                <tbody>
                  {h.events.map((e) => (
                    <tr key={e.seq} data-testid="history-row" className={h.brokenAtSeq !== null && h.brokenAtSeq !== undefined && e.seq >= h.brokenAtSeq ? 'fp-broken' : undefined}>
                      <td className="fp-nowrap">{formatDateTime(e.at)}</td>
                      <td>
                        {e.actor.username}
                        <span className="muted">（{roleLabel(e.actor.role)}）</span>
                      </td>
                      <td>{eventLabel(e.type)}</td>
                      <td className="fp-nowrap">{e.from && e.from !== e.to ? `${stateLabel(e.from)} → ${stateLabel(e.to)}` : stateLabel(e.to)}</td>
                      <td className="fp-note">{historyNote(e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}

// ---- score ----------------------------------------------------------------------------------------------

function ScoreSection({ form }: { form: Form }) {
  const score = useAsync(() => api<Score>('GET', `/api/forms/${form.id}/score`), [form.id, form.version, form.state]);
  return (
    <section className="card fp-score" aria-labelledby="fp-score-title">
      <div className="fp-section-head">
        <h2 id="fp-score-title">年终自评得分</h2>
        <Link to={`/forms/${form.id}/self-evaluation`}>查看自评表</Link>
      </div>
      <div className="fp-scroll">
        <AsyncView state={score}>{(s) => <ScoreView score={s} />}</AsyncView>
      </div>
    </section>
  );
}

// ---- the page -------------------------------------------------------------------------------------------

/** The form could not be loaded: the reason, and a retry when it may be passing (network, server). */
function LoadFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <div className="form-page">
      <PageTitle>申报表</PageTitle>
      <ErrorBox error={error} title="无法加载申报表" />
      {(status === 0 || status >= 500 || status === 429) && (
        <button type="button" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

export function FormPage({ id }: { id: string }) {
  const form = useAsync(() => api<Form>('GET', `/api/forms/${id}`), [id]);
  const history = useAsync(() => api<HistoryView>('GET', `/api/forms/${id}/history`), [id]);
  const revisions = useAsync(() => api<{ revisions: Revision[] }>('GET', `/api/forms/${id}/revisions`).then((r) => r.revisions), [id]);
  const orgs = useAsync(loadOrgs, []);

  const refreshSide = () => {
    history.reload();
    revisions.reload();
  };

  // A missing form (or one outside the caller's scope) is said by AsyncView with a way back; anything else can be retried.
  const notFound = form.error instanceof ApiError && form.error.status === 404;
  if (form.error !== undefined && form.data === undefined && !notFound) return <LoadFailed error={form.error} onRetry={form.reload} />;
  return (
    <AsyncView state={form}>
      {(f) => (
        <FormView
          form={f}
          reloading={form.loading}
          reloadError={form.error}
          orgsState={orgs}
          history={history}
          revisions={revisions}
          onChanged={(next) => {
            form.set(next);
            refreshSide();
          }}
          onStale={() => {
            form.reload();
            refreshSide();
          }}
        />
      )}
    </AsyncView>
  );
}

function FormView({
  form,
  reloading,
  reloadError,
  orgsState,
  history,
  revisions,
  onChanged,
  onStale,
}: {
  form: Form;
  reloading: boolean;
  reloadError: unknown;
  orgsState: Async<Map<string, Org>>;
  history: Async<HistoryView>;
  revisions: Async<Revision[]>;
  onChanged(next: Form): void;
  onStale(): void;
}) {
  const user = useUser();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const orgs = orgsState.data;
  const departmentName = orgsState.error !== undefined && !orgs ? '（名称加载失败）' : orgs ? orgName(orgs, form.departmentId) : '…';
  const unitName = orgsState.error !== undefined && !orgs ? '（名称加载失败）' : orgs ? orgName(orgs, form.unitId) : '…';
  const isUnit = user.role === 'unit';

  const exportXlsx = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await download(`/api/forms/${form.id}/export.xlsx`, `${form.projectName || '申报表'}.xlsx`);
    } catch (err) {
      setDownloadError(err);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="form-page">
      <PageTitle
        actions={
          <>
            {isUnit && (form.state === 'draft' || form.state === 'returned') && (
              <Link to={`/forms/${form.id}/edit`} className="button primary">
                编辑
              </Link>
            )}
            {isUnit && form.state === 'selfEvaluation' && (
              <Link to={`/forms/${form.id}/self-evaluation`} className="button primary">
                填写自评
              </Link>
            )}
            <button type="button" onClick={() => void exportXlsx()} disabled={downloading}>
              {downloading ? '正在生成…' : '下载申报表（xlsx）'}
            </button>
          </>
        }
      >
        {form.projectName || '（未命名项目）'}
      </PageTitle>
      <ErrorBox error={downloadError} title="下载失败" />
      {reloadError !== undefined && <ErrorBox error={reloadError} title="刷新失败，以下为此前加载的内容" />}

      <section className="card fp-status" aria-label="状态">
        <dl className="fp-status-grid">
          <div>
            <dt>状态</dt>
            <dd data-testid="form-state">
              <StateBadge state={form.state} label={form.stateLabel} />
              {reloading && <span className="muted fp-refreshing"> 正在刷新…</span>}
            </dd>
          </div>
          <div>
            <dt>下一截止</dt>
            <dd data-testid="form-deadline">
              {form.nextDeadline ? (
                <>
                  <DeadlineBadge deadline={form.nextDeadline} />
                  <div className="muted fp-small">截止于 {formatDueAt(form.nextDeadline.dueAt)}</div>
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
          </div>
          <div>
            <dt>年度资金申请总额</dt>
            <dd>
              <Yuan value={form.funds?.total} />
            </dd>
          </div>
          {form.approvedAmount !== null && form.approvedAmount !== undefined && (
            <div>
              <dt>批复金额</dt>
              <dd data-testid="approved-amount" className="fp-approved">
                <Yuan value={form.approvedAmount} />
              </dd>
            </div>
          )}
          <div>
            <dt>实施单位</dt>
            <dd>{unitName}</dd>
          </div>
          <div>
            <dt>最后更新</dt>
            <dd>
              {formatDateTime(form.updatedAt)} <span className="muted fp-small">（第 {form.version} 版）</span>
            </dd>
          </div>
        </dl>
        <LifecycleDiagram current={form.state} />
      </section>

      <ReturnComments form={form} history={history.data} revisions={revisions} />
      {history.error !== undefined && !history.data && <ErrorBox error={history.error} title="无法加载流转记录" />}

      <Actions form={form} onChanged={onChanged} onStale={onStale} />

      {/* After the year the score is what the reviewer decides on: it comes before the targets. */}
      {SCORED_STATES.has(form.state) && <ScoreSection form={form} />}

      <Warnings warnings={form.warnings ?? []} />

      <Sheet form={form} departmentName={departmentName} unitName={unitName} />

      {!isUnit && (revisions.data ? <RevisionCompare form={form} revisions={revisions.data} /> : revisions.error !== undefined ? <ErrorBox error={revisions.error} title="无法加载修改对比" /> : null)}

      <History state={history} />
    </div>
  );
}
