// System administration: organisations (主管部门 and their 实施单位), users, annual campaigns
// (申报批次, with 提前开启自评) and the working-day calendar; and the queue dashboard link.
import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { api, ApiError, shareTokenWithQueueDashboard } from '../api';
import { Link } from '../router';
import { invalidateOrgs } from '../components/ReviewOrgs';
import { ROLE_LABELS } from '../types';
import type { CalendarYear, Campaign, Org, Role, UserAccount } from '../types';
import { AsyncView, ErrorBox, formatDateTime, PageTitle, useAsync } from '../ui';
import './AdminPage.css';

const TABS: { id: string; label: string }[] = [
  { id: 'orgs', label: '单位' },
  { id: 'users', label: '用户' },
  { id: 'campaigns', label: '申报批次' },
  { id: 'calendar', label: '工作日历' },
];

const KIND_LABELS: Record<Org['kind'], string> = { department: '主管部门', unit: '实施单位' };


export function AdminPage({ tab }: { tab: string }) {
  useEffect(shareTokenWithQueueDashboard, []);
  const current = TABS.find((t) => t.id === tab);
  return (
    <div className="admin-page">
      <PageTitle>{current ? `系统管理 · ${current.label}` : '系统管理'}</PageTitle>
      <nav className="tabs" aria-label="系统管理">
        {TABS.map((t) => (
          <Link key={t.id} to={`/admin/${t.id}`} className={t.id === tab ? 'active' : undefined} aria-current={t.id === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
        <a href="/admin/queues" target="_blank" rel="noreferrer" className="admin-queues-link" onClick={shareTokenWithQueueDashboard}>
          队列监控 ↗
        </a>
      </nav>
      {tab === 'orgs' && <OrgsTab />}
      {tab === 'users' && <UsersTab />}
      {tab === 'campaigns' && <CampaignsTab />}
      {tab === 'calendar' && <CalendarTab />}
      {!current && (
        <div className="empty">
          没有这个管理页面。<Link to="/admin/orgs">返回单位管理</Link>
        </div>
      )}
    </div>
  );
}

// ---- shared bits ----------------------------------------------------------------------------------

function useOrgList() {
  return useAsync(() => api<{ items: Org[] }>('GET', '/api/orgs').then((r) => r.items), []);
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

function Success({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

/** The fields of the admin forms, to say where a problem the API reports is (never a raw "orgId"). */
const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  kind: '类型',
  parentId: '上级主管部门',
  username: '用户名',
  password: '密码',
  role: '角色',
  orgId: '所属单位',
  email: '邮箱',
  year: '年度',
  departmentId: '主管部门',
  declarationDeadline: '申报截止时间',
  reviewWorkingDays: '审核时限',
  resubmitWorkingDays: '重新申报时限',
  selfEvaluationOpensAt: '自评开启时间',
  selfEvaluationDeadline: '自评截止时间',
  schemeVersion: '评分方案',
  reminderOffsets: '提醒时间',
  holidays: '法定节假日',
  workdays: '调休上班日',
};

export function adminPathLabel(path: string | undefined): string {
  if (!path) return '';
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(path);
  if (!m) return path;
  const label = FIELD_LABELS[m[1]];
  if (!label) return '';
  return label;
}

/** ErrorBox with the places in Chinese; a detail that repeats the message is not listed twice. */
function AdminError({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <ErrorBox error={error} title={title} />;
  const details = error.details.filter((d) => d.message && d.message !== error.message);
  return (
    <div className="alert alert-error" role="alert">
      <strong>{title}：</strong>
      {details.length === 1 ? details[0].message : error.message}
      {details.length === 1 && adminPathLabel(details[0].path) && <span className="muted">（{adminPathLabel(details[0].path)}）</span>}
      {details.length > 1 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {d.message}
              {adminPathLabel(d.path) && <span className="muted">（{adminPathLabel(d.path)}）</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A create form's submit state: busy, the error, the success line. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (work: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await work());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  /** Typing again clears the last outcome: an old error must not look like it is about the new input. */
  const clear = () => {
    if (error !== null) setError(null);
    if (done !== null) setDone(null);
  };
  return { busy, error, done, run, setError, clear };
}

// ---- 单位 -------------------------------------------------------------------------------------------

function OrgsTab() {
  const orgs = useOrgList();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Org['kind']>('unit');
  const [parentId, setParentId] = useState('');
  const submit = useSubmit();
  const departments = (orgs.data ?? []).filter((o) => o.kind === 'department').sort(byName);

  const create = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => {
      const created = await api<Org>('POST', '/api/orgs', { body: { name: name.trim(), kind, ...(kind === 'unit' ? { parentId } : {}) } });
      invalidateOrgs();
      orgs.reload();
      setName('');
      return `已新建${KIND_LABELS[created.kind]}“${created.name}”。`;
    });
  };

  return (
    <div className="admin-grid">
      <section className="card" aria-labelledby="admin-orgs-list">
        <h2 id="admin-orgs-list">单位列表</h2>
        <AsyncView state={orgs}>
          {(items) => {
            if (items.length === 0) return <p className="muted">尚无单位。请先新建主管部门，再新建其下的实施单位。</p>;
            const deptIds = new Set(items.filter((o) => o.kind === 'department').map((o) => o.id));
            const orphans = items.filter((o) => o.kind === 'unit' && (!o.parentId || !deptIds.has(o.parentId))).sort(byName);
            return (
              <ul className="org-tree" data-testid="org-tree">
                {items
                  .filter((o) => o.kind === 'department')
                  .sort(byName)
                  .map((d) => {
                    const units = items.filter((u) => u.kind === 'unit' && u.parentId === d.id).sort(byName);
                    return (
                      <li key={d.id} data-testid="org-department">
                        <span className="org-name">{d.name}</span> <span className="badge">主管部门</span>{' '}
                        <span className="muted">（{units.length} 个实施单位）</span>
                        {units.length > 0 && (
                          <ul>
                            {units.map((u) => (
                              <li key={u.id} data-testid="org-unit">
                                {u.name}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                {orphans.length > 0 && (
                  <li>
                    <span className="org-name muted">未归属主管部门的实施单位</span>
                    <ul>
                      {orphans.map((u) => (
                        <li key={u.id} data-testid="org-unit">
                          {u.name}
                        </li>
                      ))}
                    </ul>
                  </li>
                )}
              </ul>
            );
          }}
        </AsyncView>
      </section>
      <section className="card" aria-labelledby="admin-orgs-new">
        <h2 id="admin-orgs-new">新建单位</h2>
        <form onSubmit={create} onChange={submit.clear}>
          <div className="field">
            <label htmlFor="admin-org-name">名称</label>
            <input id="admin-org-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} placeholder="如：上海市绿化和市容管理局" />
          </div>
          <div className="field">
            <label htmlFor="admin-org-kind">类型</label>
            <select id="admin-org-kind" value={kind} onChange={(e) => setKind(e.target.value as Org['kind'])}>
              <option value="department">主管部门</option>
              <option value="unit">实施单位</option>
            </select>
          </div>
          {kind === 'unit' && (
            <div className="field">
              <label htmlFor="admin-org-parent">上级主管部门</label>
              <select id="admin-org-parent" value={parentId} onChange={(e) => setParentId(e.target.value)} required>
                <option value="">请选择主管部门</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
              {orgs.data && departments.length === 0 && <div className="hint">尚无主管部门：请先新建主管部门。</div>}
            </div>
          )}
          <button type="submit" className="primary" disabled={submit.busy}>
            {submit.busy ? '正在保存…' : '新建单位'}
          </button>
        </form>
        <AdminError error={submit.error} title="新建失败" />
        {submit.done && <Success>{submit.done}</Success>}
      </section>
    </div>
  );
}

// ---- 用户 -------------------------------------------------------------------------------------------

const PASSWORD_HINT = '至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类';

function UsersTab() {
  const users = useAsync(() => api<{ items: UserAccount[] }>('GET', '/api/users').then((r) => r.items), []);
  const orgs = useOrgList();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('unit');
  const [orgId, setOrgId] = useState('');
  const [email, setEmail] = useState('');
  const submit = useSubmit();
  const orgMap = new Map((orgs.data ?? []).map((o) => [o.id, o]));
  const choices = (orgs.data ?? []).filter((o) => (role === 'reviewer' ? o.kind === 'department' : role === 'unit' ? o.kind === 'unit' : true)).sort(byName);

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (role !== 'admin' && !orgId) {
      submit.setError(new ApiError(422, 'VALIDATION_FAILED', role === 'reviewer' ? '请选择审核人员所属的主管部门。' : '请选择所属的实施单位。'));
      return;
    }
    void submit.run(async () => {
      const body: Record<string, unknown> = { username: username.trim(), password, role };
      if (orgId) body.orgId = orgId;
      if (email.trim()) body.email = email.trim();
      const created = await api<UserAccount>('POST', '/api/users', { body });
      users.reload();
      setUsername('');
      setPassword('');
      setEmail('');
      return `已新建用户“${created.username}”（${ROLE_LABELS[created.role]}）。`;
    });
  };

  return (
    <div className="admin-grid">
      <section className="card" aria-labelledby="admin-users-list">
        <h2 id="admin-users-list">用户列表</h2>
        <AsyncView state={users}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">尚无用户。</p>
            ) : (
              <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">用户名</th>
                    <th scope="col">角色</th>
                    <th scope="col">所属单位</th>
                    <th scope="col">邮箱</th>
                    <th scope="col">创建时间</th>
                  </tr>
                </thead>
                <tbody>
                  {[...items]
                    .sort((a, b) => a.username.localeCompare(b.username))
                    .map((u) => (
                      <tr key={u.id} data-testid="user-row">
                        <td>{u.username}</td>
                        <td>{ROLE_LABELS[u.role] ?? u.role}</td>
                        <td>{u.orgId ? orgMap.get(u.orgId)?.name ?? '—' : <span className="muted">—</span>}</td>
                        <td>{u.email || <span className="muted">—</span>}</td>
                        <td>{formatDateTime(u.createdAt)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              </div>
            )
          }
        </AsyncView>
      </section>
      <section className="card" aria-labelledby="admin-users-new">
        <h2 id="admin-users-new">新建用户</h2>
        <form onSubmit={create} onChange={submit.clear} autoComplete="off">
          <div className="field">
            <label htmlFor="admin-user-name">用户名</label>
            <input id="admin-user-name" value={username} onChange={(e) => setUsername(e.target.value)} required pattern="[A-Za-z0-9_.@\-]{3,64}" title="3–64 位字母、数字或 _ . @ -" autoComplete="off" aria-describedby="admin-user-name-hint" />
            <div id="admin-user-name-hint" className="hint">
              3–64 位字母、数字或 _ . @ -
            </div>
          </div>
          <div className="field">
            <label htmlFor="admin-user-password">密码</label>
            <input id="admin-user-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" aria-describedby="admin-user-password-hint" />
            <div id="admin-user-password-hint" className="hint">
              {PASSWORD_HINT}
            </div>
          </div>
          <div className="field">
            <label htmlFor="admin-user-role">角色</label>
            <select
              id="admin-user-role"
              value={role}
              onChange={(e) => {
                setRole(e.target.value as Role);
                setOrgId('');
              }}
            >
              <option value="admin">系统管理员</option>
              <option value="reviewer">主管部门审核人员</option>
              <option value="unit">实施单位</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="admin-user-org">所属单位</label>
            <select id="admin-user-org" value={orgId} onChange={(e) => setOrgId(e.target.value)} required={role !== 'admin'}>
              <option value="">{role === 'admin' ? '（无）' : role === 'reviewer' ? '请选择主管部门' : '请选择实施单位'}</option>
              {choices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {role === 'admin' ? `（${KIND_LABELS[o.kind]}）` : ''}
                </option>
              ))}
            </select>
            <ErrorBox error={orgs.error} title="无法加载单位" />
          </div>
          <div className="field">
            <label htmlFor="admin-user-email">邮箱（可选）</label>
            <input id="admin-user-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" aria-describedby="admin-user-email-hint" />
            <div id="admin-user-email-hint" className="hint">
              启用邮件通知时使用
            </div>
          </div>
          <button type="submit" className="primary" disabled={submit.busy}>
            {submit.busy ? '正在保存…' : '新建用户'}
          </button>
        </form>
        <AdminError error={submit.error} title="新建失败" />
        {submit.done && <Success>{submit.done}</Success>}
      </section>
    </div>
  );
}

// ---- 申报批次 -----------------------------------------------------------------------------------------

/** A datetime-local value ("2024-03-15T18:00") read as Beijing time: "2024-03-15T18:00:00+08:00". */
export function shanghaiIso(local: string): string {
  if (!local) return '';
  const withSeconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}+08:00`;
}

function CampaignsTab() {
  const campaigns = useAsync(() => api<{ items: Campaign[] }>('GET', '/api/campaigns').then((r) => r.items), []);
  const orgs = useOrgList();
  const schemes = useAsync(() => api<{ items: { version: string; name?: string }[] }>('GET', '/api/scoring-schemes').then((r) => r.items), []);
  const nextYear = new Date().getFullYear() + 1;
  const [year, setYear] = useState(String(nextYear));
  const [departmentId, setDepartmentId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [reviewDays, setReviewDays] = useState('5');
  const [resubmitDays, setResubmitDays] = useState('5');
  const [opensAt, setOpensAt] = useState('');
  const [selfDeadline, setSelfDeadline] = useState('');
  const [scheme, setScheme] = useState('');
  const submit = useSubmit();
  const [opening, setOpening] = useState<string | null>(null);
  const [openResults, setOpenResults] = useState<Record<string, { ok: boolean; text?: string; error?: unknown }>>({});
  const orgMap = new Map((orgs.data ?? []).map((o) => [o.id, o]));
  const departments = (orgs.data ?? []).filter((o) => o.kind === 'department').sort(byName);
  const label = (c: Campaign) => `${c.year} 年度 · ${orgMap.get(c.departmentId)?.name ?? '—'}`;

  const create = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => {
      const body: Record<string, unknown> = {
        year: Number(year),
        departmentId,
        declarationDeadline: shanghaiIso(deadline),
        reviewWorkingDays: Number(reviewDays),
        resubmitWorkingDays: Number(resubmitDays),
        selfEvaluationDeadline: shanghaiIso(selfDeadline),
      };
      if (opensAt) body.selfEvaluationOpensAt = shanghaiIso(opensAt);
      if (scheme) body.schemeVersion = scheme;
      const created = await api<Campaign>('POST', '/api/campaigns', { body });
      campaigns.reload();
      return `已新建申报批次：${created.year} 年度 · ${orgMap.get(created.departmentId)?.name ?? ''}。`;
    });
  };

  const openSelfEvaluation = async (c: Campaign) => {
    if (!window.confirm(`确定现在开启“${label(c)}”的年终自评吗？\n该批次所有已批复的申报表将进入年终自评，实施单位会收到通知。此操作不可撤销。`)) return;
    setOpening(c.id);
    try {
      const r = await api<{ opened: number; skipped: number }>('POST', `/api/campaigns/${c.id}/open-self-evaluation`, { body: {} });
      setOpenResults((m) => ({ ...m, [c.id]: { ok: true, text: `已开启 ${r.opened} 份，跳过 ${r.skipped} 份` } }));
    } catch (error) {
      setOpenResults((m) => ({ ...m, [c.id]: { ok: false, error } }));
    } finally {
      setOpening(null);
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="admin-campaigns-list">
        <h2 id="admin-campaigns-list">申报批次</h2>
        <AsyncView state={campaigns}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">尚无申报批次。</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">年度</th>
                      <th scope="col">主管部门</th>
                      <th scope="col">申报截止</th>
                      <th scope="col" className="num">
                        审核时限
                      </th>
                      <th scope="col" className="num">
                        重新申报时限
                      </th>
                      <th scope="col">自评开启</th>
                      <th scope="col">自评截止</th>
                      <th scope="col">评分方案</th>
                      <th scope="col">操作</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...items]
                      .sort((a, b) => b.year - a.year || label(a).localeCompare(label(b), 'zh-CN'))
                      .map((c) => {
                        const result = openResults[c.id];
                        return (
                          <tr key={c.id} data-testid="campaign-row">
                            <td>{c.year}</td>
                            <td>{orgMap.get(c.departmentId)?.name ?? '—'}</td>
                            <td className="nowrap">{formatDateTime(c.declarationDeadline)}</td>
                            <td className="num">{c.reviewWorkingDays} 个工作日</td>
                            <td className="num">{c.resubmitWorkingDays} 个工作日</td>
                            <td className="nowrap">{formatDateTime(c.selfEvaluationOpensAt)}</td>
                            <td className="nowrap">{formatDateTime(c.selfEvaluationDeadline)}</td>
                            <td>{c.schemeVersion ?? '默认方案'}</td>
                            <td className="admin-actions">
                              <button type="button" className="small" disabled={opening !== null} onClick={() => void openSelfEvaluation(c)}>
                                {opening === c.id ? '正在开启…' : '开启自评'}
                              </button>
                              <Link to={`/reports/${c.id}`}>报告</Link>
                              {result?.ok && (
                                <div className="admin-open-result" role="status" data-testid="open-result">
                                  {result.text}
                                </div>
                              )}
                              {result && !result.ok && <ErrorBox error={result.error} title="开启失败" />}
                            </td>
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </div>
            )
          }
        </AsyncView>
      </section>
      <section className="card" aria-labelledby="admin-campaigns-new">
        <h2 id="admin-campaigns-new">新建批次</h2>
        <p className="muted">时间均按北京时间（Asia/Shanghai）填写。</p>
        <form onSubmit={create} onChange={submit.clear}>
          <div className="grid-4">
            <div className="field">
              <label htmlFor="admin-campaign-year">年度</label>
              <input id="admin-campaign-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-dept">主管部门</label>
              <select id="admin-campaign-dept" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} required>
                <option value="">请选择主管部门</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-review">审核时限（工作日）</label>
              <input id="admin-campaign-review" type="number" min={1} max={365} value={reviewDays} onChange={(e) => setReviewDays(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-resubmit">重新申报时限（工作日）</label>
              <input id="admin-campaign-resubmit" type="number" min={1} max={365} value={resubmitDays} onChange={(e) => setResubmitDays(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-deadline">申报截止时间</label>
              <input id="admin-campaign-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-opens">自评开启时间</label>
              <input id="admin-campaign-opens" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} aria-describedby="admin-campaign-opens-hint" />
              <div id="admin-campaign-opens-hint" className="hint">
                可不填：默认为次年 1 月 1 日
              </div>
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-self-deadline">自评截止时间</label>
              <input id="admin-campaign-self-deadline" type="datetime-local" value={selfDeadline} onChange={(e) => setSelfDeadline(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="admin-campaign-scheme">评分方案</label>
              <select id="admin-campaign-scheme" value={scheme} onChange={(e) => setScheme(e.target.value)}>
                <option value="">默认方案</option>
                {(schemes.data ?? []).map((s) => (
                  <option key={s.version} value={s.version}>
                    {s.name ? `${s.name}（${s.version}）` : s.version}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="primary" disabled={submit.busy}>
            {submit.busy ? '正在保存…' : '新建批次'}
          </button>
        </form>
        <AdminError error={submit.error} title="新建失败" />
        {submit.done && <Success>{submit.done}</Success>}
      </section>
    </>
  );
}

// ---- 工作日历 -----------------------------------------------------------------------------------------

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const SOURCE_LABELS: Record<string, string> = { 'chinese-days': '内置（国务院办公厅通知）', admin: '管理员导入' };

function weekday(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return '';
  return WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()];
}

/** Pasted dates, one per line (also commas or spaces; 2027/1/1 and 2027年1月1日 are read too). */
export function parseDates(text: string): { dates: string[]; bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(token);
    if (!m) {
      bad.push(token);
      continue;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    // 2027-02-30 and 2027-13-01 are typing mistakes, not dates.
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) bad.push(token);
    else if (!dates.includes(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`)) dates.push(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  }
  return { dates, bad };
}

function DateList({ dates, testId }: { dates: string[]; testId: string }) {
  if (dates.length === 0) return <p className="muted">无</p>;
  return (
    <ul className="date-list" data-testid={testId}>
      {dates.map((d) => (
        <li key={d}>
          {d} <span className="muted">{weekday(d)}</span>
        </li>
      ))}
    </ul>
  );
}

function CalendarTab() {
  const years = useAsync(() => api<{ years: { year: number; source: string }[] }>('GET', '/api/calendar').then((r) => r.years), []);
  const thisYear = new Date().getFullYear();
  const [selected, setSelected] = useState<number | null>(null);
  const shown = selected ?? (years.data?.some((y) => y.year === thisYear) ? thisYear : years.data?.at(-1)?.year ?? null);
  const detail = useAsync(() => (shown === null ? Promise.resolve(null) : api<CalendarYear>('GET', `/api/calendar/${shown}`)), [shown]);
  const [year, setYear] = useState(String(thisYear + 1));
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const submit = useSubmit();
  const nextMissing = years.data && !years.data.some((y) => y.year === thisYear + 1);

  const fill = (d: CalendarYear) => {
    setYear(String(d.year));
    setHolidays(d.holidays.join('\n'));
    setWorkdays(d.workdays.join('\n'));
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const h = parseDates(holidays);
    const w = parseDates(workdays);
    const bad = [...h.bad, ...w.bad];
    if (bad.length) {
      submit.setError(new ApiError(422, 'VALIDATION_FAILED', `无法识别的日期：${bad.slice(0, 10).join('、')}${bad.length > 10 ? ' 等' : ''}。请每行填写一个实际存在的日期，如 ${year}-01-01。`));
      return;
    }
    const outside = [...h.dates, ...w.dates].filter((d) => !d.startsWith(`${year}-`));
    if (outside.length) {
      submit.setError(new ApiError(422, 'VALIDATION_FAILED', `以下日期不在 ${year} 年内：${outside.slice(0, 10).join('、')}${outside.length > 10 ? ' 等' : ''}。请检查年份或日期。`));
      return;
    }
    const both = h.dates.filter((d) => w.dates.includes(d));
    if (both.length) {
      submit.setError(new ApiError(422, 'VALIDATION_FAILED', `以下日期同时填在了法定节假日和调休上班日中：${both.join('、')}。`));
      return;
    }
    if (h.dates.length === 0) {
      submit.setError(new ApiError(422, 'VALIDATION_FAILED', '请填写法定节假日（每行一个日期）。'));
      return;
    }
    void submit.run(async () => {
      const y = Number(year);
      const r = await api<CalendarYear>('PUT', `/api/calendar/${y}`, { body: { holidays: h.dates, workdays: w.dates } });
      years.reload();
      setSelected(y);
      detail.reload();
      return `已导入 ${r.year} 年节假日安排：法定节假日 ${r.holidays.length} 天，调休上班日 ${r.workdays.length} 天。`;
    });
  };

  return (
    <div className="admin-grid">
      <section className="card" aria-labelledby="admin-cal-list">
        <h2 id="admin-cal-list">已有节假日数据</h2>
        {nextMissing && <div className="alert alert-warning">尚未导入 {thisYear + 1} 年的节假日安排：跨入该年的截止时间将无法计算工作日，请在国务院办公厅发布通知后导入。</div>}
        <AsyncView state={years}>
          {(items) => (
            <ul className="calendar-years" data-testid="calendar-years">
              {items.map((y) => (
                <li key={y.year}>
                  <button type="button" className={y.year === shown ? 'link active' : 'link'} aria-pressed={y.year === shown} onClick={() => setSelected(y.year)}>
                    {y.year} 年
                  </button>{' '}
                  <span className="muted">{SOURCE_LABELS[y.source] ?? y.source}</span>
                </li>
              ))}
            </ul>
          )}
        </AsyncView>
        {shown !== null && (
          <>
            <h3>{shown} 年节假日安排</h3>
            <AsyncView state={detail}>
              {(d) =>
                d && (
                  <div data-testid="calendar-detail">
                    <p className="muted">
                      来源：{SOURCE_LABELS[d.source] ?? d.source}。{' '}
                      <button type="button" className="link" onClick={() => fill(d)}>
                        载入到右侧表单修改
                      </button>
                    </p>
                    <div className="grid-2">
                      <div>
                        <h4>法定节假日（{d.holidays.length} 天）</h4>
                        <DateList dates={d.holidays} testId="calendar-holidays" />
                      </div>
                      <div>
                        <h4>调休上班日（{d.workdays.length} 天）</h4>
                        <DateList dates={d.workdays} testId="calendar-workdays" />
                      </div>
                    </div>
                  </div>
                )
              }
            </AsyncView>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="admin-cal-new">
        <h2 id="admin-cal-new">导入节假日安排</h2>
        <p className="muted">按国务院办公厅发布的放假安排填写；导入后覆盖该年的内置数据。日期须在该年内。</p>
        <form onSubmit={save} onChange={submit.clear}>
          <div className="field">
            <label htmlFor="admin-cal-year">年份</label>
            <input id="admin-cal-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="admin-cal-holidays">法定节假日（每行一个日期）</label>
            <textarea id="admin-cal-holidays" rows={8} value={holidays} onChange={(e) => setHolidays(e.target.value)} placeholder={'2027-01-01\n2027-02-06\n…'} aria-describedby="admin-cal-holidays-hint" />
            <div id="admin-cal-holidays-hint" className="hint">
              含放假期间的周末；已识别 {parseDates(holidays).dates.length} 个日期
            </div>
          </div>
          <div className="field">
            <label htmlFor="admin-cal-workdays">调休上班日（每行一个日期）</label>
            <textarea id="admin-cal-workdays" rows={4} value={workdays} onChange={(e) => setWorkdays(e.target.value)} placeholder="2027-02-14" aria-describedby="admin-cal-workdays-hint" />
            <div id="admin-cal-workdays-hint" className="hint">
              需要上班的周末；已识别 {parseDates(workdays).dates.length} 个日期
            </div>
          </div>
          <button type="submit" className="primary" disabled={submit.busy}>
            {submit.busy ? '正在保存…' : '保存节假日安排'}
          </button>
        </form>
        <AdminError error={submit.error} title="导入失败" />
        {submit.done && <Success>{submit.done}</Success>}
      </section>
    </div>
  );
}
