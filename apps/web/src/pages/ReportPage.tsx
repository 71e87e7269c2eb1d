// Department reports: the campaigns in scope (/reports) and one campaign's year-end report
// (/reports/:campaignId): counts by state, average and budget-weighted average score, grades, the score
// distribution, late forms, the lowest indicators, and the year-end batch (run it, watch it, download).
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, download } from '../api';
import { Link } from '../router';
import { BarChart, StackedBarChart } from '../components/Charts';
import { loadOrgs } from '../components/ReviewOrgs';
import { STATE_LABELS } from '../types';
import type { Campaign, CampaignReport, FormState, Grade, LateReason } from '../types';
import { AsyncView, ErrorBox, formatDateTime, PageTitle, Progress, StateBadge, useAsync } from '../ui';
import { campaignName } from './ReviewQueuePage';
import './ReportPage.css';

const GRADES: Grade[] = ['优', '良', '中', '差'];
const GRADE_COLORS: Record<Grade, string> = { 优: '#2e7d32', 良: '#1f4e9c', 中: '#b26a00', 差: '#c62828' };
// Lifecycle order, as the labels are declared.
const STATE_ORDER = Object.keys(STATE_LABELS) as FormState[];
export const LATE_LABELS: Record<LateReason, string> = {
  declarationOverdue: '逾期未申报',
  resubmissionOverdue: '逾期未重新申报',
  selfEvaluationOverdue: '逾期未提交自评',
};
const LATE_COLORS: Record<LateReason, string> = { declarationOverdue: '#c62828', resubmissionOverdue: '#b26a00', selfEvaluationOverdue: '#6a4c93' };
const BATCH_LABELS: Record<string, string> = { running: '进行中', done: '已完成', failed: '失败' };

/** "0.4500" → "45.00%" on the string (no floating point). */
function percent(ratio: string | null | undefined): string {
  if (!ratio) return '—';
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(ratio);
  if (!m) return ratio;
  const frac = (m[3] ?? '').padEnd(4, '0');
  return `${m[1]}${(m[2] + frac.slice(0, 2)).replace(/^0+(?=\d)/, '')}.${frac.slice(2, 4)}%`;
}

// ---- /reports ---------------------------------------------------------------------------------------

export function ReportsPage() {
  const orgs = useAsync(loadOrgs, []);
  const campaigns = useAsync(() => api<{ items: Campaign[] }>('GET', '/api/campaigns').then((r) => r.items), []);
  return (
    <div className="report-page">
      <PageTitle>批次报告</PageTitle>
      <p className="muted">选择一个年度申报批次，查看各状态数量、评分结果、逾期情况，并生成年终报告。</p>
      <AsyncView state={campaigns}>
        {(items) =>
          items.length === 0 ? (
            <div className="empty">暂无申报批次</div>
          ) : (
            <div className="rp-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">申报批次</th>
                  <th scope="col">申报截止</th>
                  <th scope="col">自评截止</th>
                  <th scope="col">评分方案</th>
                  <th scope="col">报告</th>
                </tr>
              </thead>
              <tbody>
                {[...items]
                  .sort((a, b) => b.year - a.year)
                  .map((c) => (
                    <tr key={c.id} data-testid="report-campaign-row">
                      <td>
                        <Link to={`/reports/${c.id}`}>{campaignName(c, orgs.data)}</Link>
                      </td>
                      <td>{formatDateTime(c.declarationDeadline)}</td>
                      <td>{formatDateTime(c.selfEvaluationDeadline)}</td>
                      <td>{c.schemeVersion ?? '默认方案'}</td>
                      <td>
                        <Link to={`/reports/${c.id}`}>查看报告</Link>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            </div>
          )
        }
      </AsyncView>
    </div>
  );
}

// ---- the score histogram ------------------------------------------------------------------------------

const BIN_LABELS = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'];

/** The spread of the scored forms' totals, from the report's own ten bins. */
function ScoreHistogram({ report }: { report: CampaignReport }) {
  const counts = BIN_LABELS.map((_, i) => report.scoreHistogram?.[i]?.count ?? 0);
  return (
    <>
      <BarChart testId="chart-histogram" title="得分分布" bars={BIN_LABELS.map((label, i) => ({ label, value: counts[i], color: i >= 9 ? GRADE_COLORS['优'] : i >= 8 ? GRADE_COLORS['良'] : i >= 6 ? GRADE_COLORS['中'] : GRADE_COLORS['差'] }))} xLabel="得分区间（分）" yLabel="申报表数（份）" />
      <p className="muted chart-note">{report.scored === 0 ? '尚无已评分的申报表。' : `按 ${report.scored} 份已评分申报表的总分统计。`}</p>
    </>
  );
}

// ---- /reports/:campaignId -----------------------------------------------------------------------------

interface Run {
  reportId: string;
  chunks: number;
  forms: number;
  schemeVersion: string;
}

export function ReportPage({ campaignId }: { campaignId: string }) {
  const report = useAsync(() => api<CampaignReport>('GET', `/api/reports/campaigns/${campaignId}`), [campaignId]);
  const [run, setRun] = useState<Run | null>(null);
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const setReport = useRef(report.set);
  setReport.current = report.set;

  const batch = report.data?.batch ?? null;
  const polling = run !== null || batch?.status === 'running';

  // While a batch runs: read the report every second until the batch is finished or failed.
  useEffect(() => {
    if (!polling) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const r = await api<CampaignReport>('GET', `/api/reports/campaigns/${campaignId}`);
        if (!alive) return;
        setPollError(null);
        setReport.current(r);
        const b = r.batch;
        const finished = b && b.status !== 'running' && (!run || b.reportId === run.reportId);
        if (finished) {
          setRun(null);
          setOutcome(b.status === 'done' ? { ok: true, text: `年终报告已生成（${formatDateTime(b.finishedAt)}）。` } : { ok: false, text: '年终批量评分失败，请查看下方未能处理的部分后重试。' });
          return;
        }
      } catch (err) {
        if (!alive) return;
        setPollError(err); // keep trying: the batch goes on on the server
      }
      timer = setTimeout(() => void tick(), 1000);
    };
    timer = setTimeout(() => void tick(), 1000);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [polling, campaignId, run]);

  const start = async () => {
    setStarting(true);
    setRunError(null);
    setOutcome(null);
    try {
      const r = await api<Run>('POST', `/api/reports/campaigns/${campaignId}/run`, { body: {} });
      setRun(r);
    } catch (err) {
      setRunError(err);
    } finally {
      setStarting(false);
    }
  };

  const downloadXlsx = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await download(`/api/reports/campaigns/${campaignId}/report.xlsx`, `${report.data?.year ?? ''}年度绩效报告.xlsx`);
    } catch (err) {
      setDownloadError(err);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="report-page">
      <p className="report-back">
        <Link to="/reports">← 全部批次</Link>
      </p>
      {report.error !== undefined && report.data === undefined && !(report.error instanceof ApiError && report.error.status === 404) ? (
        <>
          <ErrorBox error={report.error} title="无法加载报告" />
          <button type="button" onClick={report.reload}>
            重试
          </button>
        </>
      ) : (
      <AsyncView state={report}>
        {(r) => (
          <>
            <PageTitle
              actions={
                <>
                  <button type="button" className="primary" onClick={() => void start()} disabled={starting || polling}>
                    {starting ? '正在启动…' : polling ? '正在生成…' : '生成年终报告'}
                  </button>
                  <button type="button" onClick={() => void downloadXlsx()} disabled={downloading}>
                    {downloading ? '正在生成文件…' : '下载报告（xlsx）'}
                  </button>
                </>
              }
            >
              {`${r.year} 年度绩效报告 · ${r.departmentName}`}
            </PageTitle>
            <p className="muted">
              评分方案：{r.schemeVersion} · 数据时间：{formatDateTime(r.generatedAt)}（实时汇总）
            </p>
            <ErrorBox error={runError} title="无法生成年终报告" />
            <ErrorBox error={downloadError} title="下载失败" />
            {polling && (
              <div className="card" data-testid="report-running">
                <Progress label={run ? `正在进行年终批量评分并生成报告（${run.forms} 份申报表，${run.chunks} 个分块）…` : '年终批量评分正在进行…'} />
                {pollError !== null && <ErrorBox error={pollError} title="暂时无法读取进度，正在重试" />}
              </div>
            )}
            {outcome && (
              <div className={outcome.ok ? 'alert alert-success' : 'alert alert-error'} role={outcome.ok ? 'status' : 'alert'}>
                {outcome.text}
              </div>
            )}
            {r.forms === 0 && (
              <div className="alert alert-info" data-testid="report-no-forms">
                该批次尚无申报表：实施单位在此批次下新建或导入申报表后，这里将显示各状态数量；年终自评提交并评分后显示评分结果。
              </div>
            )}

            <div className="report-kpis">
              <Kpi label="申报表总数" value={`${r.forms}`} unit="份" />
              <Kpi label="已评分" value={`${r.scored}`} unit="份" />
              <Kpi label="平均分" value={r.averageScore ?? '—'} unit={r.averageScore ? '分' : ''} testId="report-average" />
              <Kpi label="按预算加权平均分" value={r.weightedAverageScore ?? '—'} unit={r.weightedAverageScore ? '分' : ''} testId="report-weighted-average" />
              <Kpi label="逾期" value={`${r.late.length}`} unit="份" alert={r.late.length > 0} />
            </div>

            <section className="card" aria-labelledby="rp-batch">
              <h2 id="rp-batch">最近一次年终批量评分</h2>
              {run && (!r.batch || r.batch.reportId !== run.reportId) ? (
                <p data-testid="report-batch">
                  状态：<strong className="batch-running">进行中</strong> · 共 {run.forms} 份申报表
                </p>
              ) : r.batch ? (
                <p data-testid="report-batch">
                  状态：<strong className={`batch-${r.batch.status}`}>{BATCH_LABELS[r.batch.status] ?? r.batch.status}</strong> · 开始：{formatDateTime(r.batch.startedAt)}
                  {r.batch.finishedAt && ` · 完成：${formatDateTime(r.batch.finishedAt)}`}
                </p>
              ) : (
                <p className="muted" data-testid="report-batch">
                  尚未生成年终报告。点击“生成年终报告”对已提交自评的申报表批量评分并汇总。
                </p>
              )}
              {r.failures.length > 0 && (
                <div className="alert alert-error" data-testid="report-failures">
                  <strong>未能处理的部分（{r.failures.reduce((n, f) => n + f.formIds.length, 0)} 份申报表）：</strong>
                  <ul>
                    {r.failures.map((f, i) => (
                      <li key={i}>
                        {f.message}（{f.formIds.length} 份：
                        {f.formIds.slice(0, 10).map((id, k) => (
                          <span key={id}>
                            {k > 0 && '、'}
                            <Link to={`/forms/${id}`}>{id.slice(0, 8)}</Link>
                          </span>
                        ))}
                        {f.formIds.length > 10 && ' 等'}）
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>

            <section className="card" aria-labelledby="rp-states">
              <h2 id="rp-states">各状态数量</h2>
              <div className="rp-scroll">
              <table className="report-states" data-testid="report-states">
                <thead>
                  <tr>
                    {STATE_ORDER.map((s) => (
                      <th key={s} scope="col" className="num">
                        {STATE_LABELS[s]}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      合计
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {STATE_ORDER.map((s) => (
                      <td key={s} className="num" data-state={s}>
                        {r.countsByState[s] ?? 0}
                      </td>
                    ))}
                    <td className="num">{r.forms}</td>
                  </tr>
                </tbody>
              </table>
              </div>
            </section>

            <section className="card" aria-labelledby="rp-charts">
              <h2 id="rp-charts">评分结果</h2>
              {r.scored === 0 ? (
                <p className="muted" data-testid="report-no-scores">
                  尚无已评分的申报表。实施单位提交年终自评后，系统评分，这里将显示等级分布和得分分布。
                </p>
              ) : (
              <div className="report-charts">
                <div>
                  <BarChart
                    testId="chart-grades"
                    title="等级分布"
                    bars={GRADES.map((g) => ({ label: g, value: r.gradeCounts[g] ?? 0, color: GRADE_COLORS[g] }))}
                    xLabel="等级"
                    yLabel="申报表数（份）"
                  />
                </div>
                <div>
                  <ScoreHistogram report={r} />
                </div>
              </div>
              )}
              {r.scored > 0 && r.averageScore && (
                <p className="muted chart-note">
                  平均分 {r.averageScore} 分为 {r.scored} 份已评分申报表总分的算术平均；按预算加权平均分以各申报表的批复金额（全年预算数）为权重。
                </p>
              )}
            </section>

            <section className="card" aria-labelledby="rp-late">
              <h2 id="rp-late">逾期及未提交</h2>
              <LateSection report={r} />
            </section>

            <section className="card" aria-labelledby="rp-lowest">
              <h2 id="rp-lowest">得分率最低的指标</h2>
              {r.lowestIndicators.length === 0 ? (
                <p className="muted">尚无已评分的指标。</p>
              ) : (
                <div className="rp-scroll">
                <table data-testid="report-lowest">
                  <thead>
                    <tr>
                      <th scope="col">实施单位</th>
                      <th scope="col">项目名称</th>
                      <th scope="col">一级指标</th>
                      <th scope="col">三级指标</th>
                      <th scope="col" className="num">
                        分值
                      </th>
                      <th scope="col" className="num">
                        得分
                      </th>
                      <th scope="col" className="num">
                        得分率
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.lowestIndicators.map((i, k) => (
                      <tr key={`${i.formId}-${k}`}>
                        <td>{i.unitName}</td>
                        <td>
                          <Link to={`/forms/${i.formId}`}>{i.projectName}</Link>
                        </td>
                        <td>{i.level1}</td>
                        <td>{i.name}</td>
                        <td className="num">{i.weight}</td>
                        <td className="num">{i.points}</td>
                        <td className="num">{percent(i.ratio)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
              )}
            </section>
          </>
        )}
      </AsyncView>
      )}
    </div>
  );
}

function Kpi({ label, value, unit, alert, testId }: { label: string; value: string; unit: string; alert?: boolean; testId?: string }) {
  return (
    <div className={alert ? 'kpi kpi-alert' : 'kpi'} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">
        {value}
        {unit && <small> {unit}</small>}
      </div>
    </div>
  );
}

function LateSection({ report }: { report: CampaignReport }) {
  const reasons = Object.keys(LATE_LABELS) as LateReason[];
  const byUnit = new Map<string, number[]>();
  for (const l of report.late) {
    const row = byUnit.get(l.unitName) ?? reasons.map(() => 0);
    row[reasons.indexOf(l.reason)]++;
    byUnit.set(l.unitName, row);
  }
  const rows = [...byUnit.entries()].map(([label, values]) => ({ label, values })).sort((a, b) => b.values.reduce((x, y) => x + y, 0) - a.values.reduce((x, y) => x + y, 0));
  if (report.late.length === 0) {
    return (
      <>
        <div className="chart-placeholder" data-testid="chart-late">
          <svg viewBox="0 0 400 40" width="100%" style={{ maxWidth: 400 }} role="img" aria-label="逾期情况：无逾期">
            <title>逾期情况：无逾期</title>
            <text x={0} y={24} fontSize={14} fill="#2e7d32">
              没有逾期或未提交的申报表。
            </text>
          </svg>
        </div>
      </>
    );
  }
  return (
    <>
      <StackedBarChart
        testId="chart-late"
        title="各实施单位逾期及未提交数量"
        rows={rows}
        series={reasons.map((r) => ({ label: LATE_LABELS[r], color: LATE_COLORS[r] }))}
        xLabel="申报表数（份）"
        yLabel="实施单位"
      />
      <div className="rp-scroll">
      <table data-testid="report-late">
        <thead>
          <tr>
            <th scope="col">实施单位</th>
            <th scope="col">项目名称</th>
            <th scope="col">状态</th>
            <th scope="col">情况</th>
          </tr>
        </thead>
        <tbody>
          {report.late.map((l) => (
            <tr key={l.formId} className="overdue">
              <td>{l.unitName}</td>
              <td>
                <Link to={`/forms/${l.formId}`}>{l.projectName || '（未命名项目）'}</Link>
              </td>
              <td>
                <StateBadge state={l.state} label={STATE_LABELS[l.state] ?? l.state} />
              </td>
              <td>{LATE_LABELS[l.reason] ?? l.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}
