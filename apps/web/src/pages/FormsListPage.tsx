// 我的申报表 (unit) / 全部申报表 (reviewer, admin): the forms of a campaign, filtered by state, paged.
import { api } from '../api';
import { useUser } from '../auth';
import { CampaignSelect, useCampaignChoices } from '../components/UnitCampaignSelect';
import { Link, navigate, useLocation } from '../router';
import type { Form, FormState, Page } from '../types';
import { DeadlineBadge, ErrorBox, formatDateTime, formatMoney, Loading, PageTitle, StateBadge, useAsync } from '../ui';
import './FormsListPage.css';

export const STATE_OPTIONS: { id: FormState; label: string }[] = [
  { id: 'draft', label: '草稿' },
  { id: 'declared', label: '已申报' },
  { id: 'reviewing', label: '审核中' },
  { id: 'returned', label: '退回修改' },
  { id: 'approved', label: '已批复' },
  { id: 'selfEvaluation', label: '年终自评' },
  { id: 'selfEvaluationReview', label: '自评审核' },
  { id: 'completed', label: '已完成' },
];

const PAGE_SIZE = 20;

/** Changes the query of the current address (replace: the filters are not history steps). */
function setQuery(changes: Record<string, string | null>) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v) q.set(k, v);
    else q.delete(k);
  }
  const qs = q.toString();
  navigate(`${location.pathname}${qs ? `?${qs}` : ''}`, { replace: true });
}

export function FormsListPage() {
  const user = useUser();
  const { query } = useLocation();
  const campaignId = query.get('campaignId') ?? '';
  const state = query.get('state') ?? '';
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const isUnit = user.role === 'unit';

  const choices = useCampaignChoices();
  const forms = useAsync(
    () => api<Page<Form>>('GET', '/api/forms', { query: { campaignId, state, page, pageSize: PAGE_SIZE } }),
    [campaignId, state, page],
  );

  const options = choices.data?.options ?? [];
  // New forms and imports go to the chosen campaign, else the newest one.
  const targetCampaign = campaignId || options[0]?.campaign.id || '';
  const orgs = choices.data?.orgs;
  const totalPages = forms.data ? Math.max(1, Math.ceil(forms.data.total / forms.data.pageSize)) : 1;
  const filtered = Boolean(campaignId || state);
  const chosen = options.find((o) => o.campaign.id === campaignId);

  return (
    <div className="forms-list-page">
      <PageTitle
        actions={
          isUnit ? (
            <>
              <Link to={`/forms/new${targetCampaign ? `?campaignId=${encodeURIComponent(targetCampaign)}` : ''}`} className="button primary">
                新建申报表
              </Link>
              <Link to={`/import${targetCampaign ? `?campaignId=${encodeURIComponent(targetCampaign)}` : ''}`} className="button">
                导入申报表
              </Link>
            </>
          ) : undefined
        }
      >
        {isUnit ? '我的申报表' : '全部申报表'}
      </PageTitle>

      <div className="card filters" role="search" aria-label="筛选申报表">
        {choices.error !== undefined && !choices.data ? (
          <ErrorBox error={choices.error} title="申报批次加载失败" />
        ) : (
          <CampaignSelect
            id="filter-campaign"
            options={options}
            value={campaignId}
            allowAll
            disabled={!choices.data}
            onChange={(v) => setQuery({ campaignId: v, page: null })}
          />
        )}
        <div className="field">
          <label htmlFor="filter-state">状态</label>
          <select id="filter-state" value={state} onChange={(e) => setQuery({ state: e.target.value, page: null })}>
            <option value="">全部状态</option>
            {STATE_OPTIONS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button type="button" className="link clear-filters" onClick={() => setQuery({ campaignId: null, state: null, page: null })}>
            清除筛选
          </button>
        )}
      </div>

      {forms.error !== undefined && <ErrorBox error={forms.error} title="申报表加载失败" />}
      {forms.error !== undefined && (
        <button type="button" onClick={forms.reload}>
          重试
        </button>
      )}
      {forms.data === undefined && forms.error === undefined && <Loading />}
      {forms.data && (
        <>
          {forms.data.items.length === 0 ? (
            <div className="empty card" data-testid="forms-empty">
              {isUnit && campaignId && !state ? (
                <>
                  <p>{chosen ? `“${chosen.label}”批次` : '该批次'}还没有您的申报表。</p>
                  <p>点击右上方“新建申报表”填写，或点击“导入申报表”导入已有的申报表文本或 xlsx 文件。</p>
                </>
              ) : filtered ? (
                <>
                  <p>没有符合筛选条件的申报表。</p>
                  <button type="button" className="link" onClick={() => setQuery({ campaignId: null, state: null, page: null })}>
                    清除筛选，查看全部
                  </button>
                </>
              ) : isUnit ? (
                <>
                  <p>还没有申报表。</p>
                  <p>点击“新建申报表”填写，或点击“导入申报表”导入已有的申报表文本或 xlsx 文件。</p>
                </>
              ) : (
                <p>暂无申报表。</p>
              )}
            </div>
          ) : (
            <div className={forms.loading ? 'forms-table loading-over' : 'forms-table'} aria-busy={forms.loading}>
              <table>
                <caption className="muted">
                  共 {forms.data.total} 张申报表{forms.loading ? '（正在刷新…）' : ''}
                </caption>
                <thead>
                  <tr>
                    <th>项目名称</th>
                    {!isUnit && <th>实施单位</th>}
                    <th>年度</th>
                    <th>状态</th>
                    <th className="num">项目总额（元）</th>
                    <th>下一截止</th>
                    <th>更新时间</th>
                  </tr>
                </thead>
                <tbody>
                  {forms.data.items.map((f) => (
                    <tr key={f.id} data-testid="form-row" className={f.nextDeadline?.overdue ? 'overdue' : undefined}>
                      <td>
                        <Link to={`/forms/${f.id}`}>{f.projectName || '（未命名项目）'}</Link>
                      </td>
                      {!isUnit && <td>{orgs?.get(f.unitId)?.name ?? '—'}</td>}
                      <td>{f.year}</td>
                      <td>
                        <StateBadge state={f.state} label={f.stateLabel} />
                      </td>
                      <td className="num">{formatMoney(f.funds?.total)}</td>
                      <td>
                        <DeadlineBadge deadline={f.nextDeadline} />
                      </td>
                      <td>{formatDateTime(f.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {totalPages > 1 && (
            <nav className="pager" aria-label="分页">
              <button type="button" disabled={page <= 1 || forms.loading} onClick={() => setQuery({ page: String(page - 1) })}>
                上一页
              </button>
              <span>
                第 {page} / {totalPages} 页
              </span>
              <button type="button" disabled={page >= totalPages || forms.loading} onClick={() => setQuery({ page: String(page + 1) })}>
                下一页
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
