// The reviewer's queue: forms waiting for the department (已申报, 审核中, 自评审核), the most urgent
// deadline first, overdue rows in red; filtered by 申报批次, paged.
import { api, ApiError } from '../api';
import { Link, navigate, useLocation } from '../router';
import { loadOrgs, orgName } from '../components/ReviewOrgs';
import type { Campaign, Form, Org, Page } from '../types';
import { AsyncView, DeadlineBadge, ErrorBox, formatDueAt, formatMoney, PageTitle, StateBadge, useAsync } from '../ui';
import './ReviewQueuePage.css';

const PAGE_SIZE = 20;
const WAITING = 'declared,reviewing,selfEvaluationReview';

export function campaignName(c: Campaign, orgs: Map<string, Org> | undefined): string {
  const dept = orgs?.get(c.departmentId)?.name;
  return dept ? `${c.year} 年度 · ${dept}` : `${c.year} 年度`;
}

export function ReviewQueuePage() {
  const { query } = useLocation();
  const campaignId = query.get('campaignId') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const orgs = useAsync(loadOrgs, []);
  const campaigns = useAsync(() => api<{ items: Campaign[] }>('GET', '/api/campaigns').then((r) => r.items), []);
  const forms = useAsync(
    () => api<Page<Form>>('GET', '/api/forms', { query: { state: WAITING, sort: 'due', page, pageSize: PAGE_SIZE, campaignId: campaignId || undefined } }),
    [campaignId, page],
  );

  const go = (next: { campaignId?: string; page?: number }) => {
    const params = new URLSearchParams();
    const c = next.campaignId ?? campaignId;
    const p = next.page ?? 1;
    if (c) params.set('campaignId', c);
    if (p > 1) params.set('page', String(p));
    const qs = params.toString();
    navigate(`/review${qs ? '?' + qs : ''}`, { replace: true });
  };

  const campaignById = new Map((campaigns.data ?? []).map((c) => [c.id, c]));
  const sortedCampaigns = [...(campaigns.data ?? [])].sort((a, b) => b.year - a.year || campaignName(a, orgs.data).localeCompare(campaignName(b, orgs.data), 'zh-CN'));

  return (
    <div className="review-queue">
      <PageTitle>审核队列</PageTitle>
      <p className="muted">等待主管部门处理的申报表（已申报、审核中、自评审核），按截止时间排序，最紧迫的在前。</p>
      <div className="card rq-filter">
        <div className="field">
          <label htmlFor="queue-campaign">申报批次</label>
          <select id="queue-campaign" value={campaignId} onChange={(e) => go({ campaignId: e.target.value, page: 1 })} disabled={campaigns.data === undefined && campaigns.error === undefined}>
            <option value="">全部批次</option>
            {sortedCampaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {campaignName(c, orgs.data)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={forms.reload} disabled={forms.loading}>
          {forms.loading ? '正在刷新…' : '刷新'}
        </button>
      </div>
      <ErrorBox error={campaigns.error} title="无法加载申报批次" />
      {forms.error !== undefined && forms.data !== undefined && <ErrorBox error={forms.error} title="刷新失败" />}
      {forms.error !== undefined && forms.data === undefined && !(forms.error instanceof ApiError && forms.error.status === 404) ? (
        <>
          <ErrorBox error={forms.error} title="无法加载审核队列" />
          <button type="button" onClick={forms.reload}>
            重试
          </button>
        </>
      ) : (
      <AsyncView state={forms}>
        {(data) =>
          data.items.length === 0 ? (
            <div className="empty" data-testid="queue-empty">
              {campaignId ? '该批次暂无待审核的申报表' : '暂无待审核的申报表'}
            </div>
          ) : (
            <>
              <QueueSummary items={data.items} total={data.total} page={data.page} />
              <table className="queue-table">
                <thead>
                  <tr>
                    <th scope="col">实施单位</th>
                    <th scope="col">项目名称</th>
                    <th scope="col">年度</th>
                    <th scope="col">状态</th>
                    <th scope="col" className="num">
                      资金总额（元）
                    </th>
                    <th scope="col">下一截止</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((f) => {
                    const overdue = !!f.nextDeadline?.overdue;
                    const campaign = campaignById.get(f.campaignId);
                    return (
                      <tr key={f.id} data-testid="queue-row" className={overdue ? 'overdue' : undefined}>
                        <td data-label="实施单位">{orgs.data ? orgName(orgs.data, f.unitId) : orgs.error !== undefined ? '—' : '…'}</td>
                        <td data-label="项目名称" className="rq-project">
                          <Link to={`/forms/${f.id}`}>{f.projectName || '（未命名项目）'}</Link>
                        </td>
                        <td data-label="年度" className="rq-nowrap" title={campaign ? campaignName(campaign, orgs.data) : undefined}>
                          {f.year} 年度
                        </td>
                        <td data-label="状态">
                          <StateBadge state={f.state} label={f.stateLabel} />
                        </td>
                        <td data-label="资金总额（元）" className="num">
                          {formatMoney(f.funds?.total)}
                        </td>
                        <td data-label="下一截止">
                          {f.nextDeadline ? (
                            <div>
                              <DeadlineBadge deadline={f.nextDeadline} />
                              <div className="rq-due">{formatDueAt(f.nextDeadline.dueAt)}</div>
                            </div>
                          ) : f.state === 'selfEvaluationReview' ? (
                            <span className="muted">自评待审核（无时限）</span>
                          ) : (
                            <DeadlineBadge deadline={null} />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => go({ page: p })} />
            </>
          )
        }
      </AsyncView>
      )}
    </div>
  );
}

/** "共 23 份待处理，本页 3 份已逾期、1 份今天截止": what needs attention first, in one line. */
function QueueSummary({ items, total, page }: { items: Form[]; total: number; page: number }) {
  const overdue = items.filter((f) => f.nextDeadline?.overdue).length;
  const today = items.filter((f) => f.nextDeadline && !f.nextDeadline.overdue && f.nextDeadline.workingDaysLeft !== null && f.nextDeadline.workingDaysLeft <= 0).length;
  const parts: string[] = [];
  if (overdue) parts.push(`${overdue} 份已逾期`);
  if (today) parts.push(`${today} 份今天截止`);
  return (
    <p className="rq-summary" data-testid="queue-summary">
      共 {total} 份待处理
      {parts.length > 0 && (
        <>
          ，{page > 1 ? '本页' : '其中'}
          <strong className={overdue ? 'rq-alert' : 'rq-soon'}>{parts.join('、')}</strong>
        </>
      )}
      。
    </p>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(p: number): void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="分页" style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', marginTop: '0.8rem', flexWrap: 'wrap' }}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </button>
      <span>
        第 {page} / {pages} 页，共 {total} 份
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </button>
    </nav>
  );
}
