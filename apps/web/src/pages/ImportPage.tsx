// 导入申报表 (unit): the text of published 申报表 (one or more) or an .xlsx → a preview of every parsed
// form with its warnings → drafts in the chosen campaign, all or none.
import { useState } from 'react';
import { api } from '../api';
import { TargetReading } from '../components/TargetReading';
import { CampaignSelect, useCampaignChoices } from '../components/UnitCampaignSelect';
import { describePath, indicatorIndexOf } from '../components/UnitPaths';
import { Link, navigate, useLocation } from '../router';
import type { ImportFinding, ImportResult } from '../types';
import { ErrorBox, formatMoney, PageTitle, Progress, yuanToWan } from '../ui';
import './ImportPage.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_XLSX_BYTES = 5 * 1024 * 1024;
const MAX_TEXT_CHARS = 2 * 1024 * 1024;

type Source = { kind: 'text'; text: string } | { kind: 'file'; file: File };

function findingWhere(w: ImportFinding): string {
  const parts = [w.path ? describePath(w.path) : '整张表'];
  if (w.line) parts.push(`原文第 ${w.line} 行`);
  return parts.join(' · ');
}

export function ImportPage() {
  const { query } = useLocation();
  const choices = useCampaignChoices();
  const [chosenCampaign, setChosenCampaign] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ result: ImportResult; source: Source; campaignId: string } | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string }[] | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const options = choices.data?.options ?? [];
  const campaignId = chosenCampaign ?? (query.get('campaignId') || options[0]?.campaign.id || '');
  const campaign = options.find((o) => o.campaign.id === campaignId);

  const changeSource = () => {
    setPreview(null);
    setCreated(null);
    setError(null);
    setLocalError(null);
  };

  const source = (): Source | null => {
    if (file) return { kind: 'file', file };
    if (text.trim()) return { kind: 'text', text };
    return null;
  };

  const send = (s: Source, dryRun: boolean, campaign: string) =>
    api<ImportResult>('POST', '/api/forms/import', {
      query: { campaignId: campaign || undefined, dryRun },
      raw: s.kind === 'file' ? s.file : s.text,
      contentType: s.kind === 'file' ? XLSX : 'text/plain; charset=utf-8',
    });

  const runPreview = async () => {
    if (busy) return;
    const s = source();
    setLocalError(null);
    if (!s) {
      setLocalError('请粘贴申报表文本，或选择一个 xlsx 文件。');
      return;
    }
    if (s.kind === 'file' && s.file.size > MAX_XLSX_BYTES) {
      setLocalError('文件超过 5 MB，无法导入。');
      return;
    }
    if (s.kind === 'text' && s.text.length > MAX_TEXT_CHARS) {
      setLocalError('文本过长，请分批导入。');
      return;
    }
    setBusy('preview');
    setError(null);
    setPreview(null);
    setCreated(null);
    try {
      const result = await send(s, true, campaignId);
      setPreview({ result, source: s, campaignId });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    if (busy || !preview) return;
    if (!campaignId) {
      setLocalError('请先选择申报批次。');
      return;
    }
    setBusy('import');
    setError(null);
    try {
      const result = await send(preview.source, false, campaignId);
      setCreated(result.created.map((id, i) => ({ id, name: result.forms[i]?.projectName || `第 ${i + 1} 张申报表` })));
      setPreview({ result, source: preview.source, campaignId });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const forms = preview?.result.forms ?? [];
  const warnings = preview?.result.warnings ?? [];
  const errorsCount = warnings.filter((w) => w.severity === 'error').length;
  const groups: { index: number; title: string; items: ImportFinding[] }[] = [];
  for (const w of warnings) {
    let g = groups.find((x) => x.index === w.form);
    if (!g) {
      const name = forms[w.form]?.projectName;
      g = { index: w.form, title: w.form < 0 ? '整份文本' : `第 ${w.form + 1} 张申报表${name ? `：${name}` : ''}`, items: [] };
      groups.push(g);
    }
    g.items.push(w);
  }
  groups.sort((a, b) => a.index - b.index);
  // Within a form: what must be corrected first, then the hints (stable otherwise).
  const rank = (w: ImportFinding) => (w.severity === 'error' ? 0 : 1);
  for (const g of groups) g.items = g.items.map((w, i) => ({ w, i })).sort((a, b) => rank(a.w) - rank(b.w) || a.i - b.i).map((x) => x.w);
  /** The indicator rows of each form that a finding names (0-based), to mark them in the preview. */
  const flagged = (formIndex: number, row: number): 'error' | 'warning' | null => {
    let level: 'error' | 'warning' | null = null;
    for (const w of warnings) {
      if (w.form !== formIndex || indicatorIndexOf(w.path) !== row) continue;
      if (w.severity === 'error') return 'error';
      level = 'warning';
    }
    return level;
  };

  return (
    <div className="import-page">
      <PageTitle>导入申报表</PageTitle>
      <p className="muted">
        粘贴已公开的《财政项目支出绩效目标申报表》文本（可一次粘贴多张），或选择导出的 xlsx 文件。先预览识别结果，确认无误后导入为草稿；导入后可逐张修改。
      </p>

      <section className="card" aria-label="导入内容">
        {choices.error !== undefined && !choices.data ? (
          <ErrorBox error={choices.error} title="申报批次加载失败" />
        ) : (
          <CampaignSelect
            id="import-campaign"
            options={options}
            value={campaignId}
            required
            disabled={!choices.data || busy !== null}
            onChange={(v) => {
              setChosenCampaign(v);
              navigate(`/import${v ? `?campaignId=${encodeURIComponent(v)}` : ''}`, { replace: true });
              changeSource();
            }}
          />
        )}
        {choices.data && options.length === 0 && <div className="alert alert-warning">暂无可导入的申报批次，请联系主管部门。</div>}

        <div className="field">
          <label htmlFor="import-text">申报表文本</label>
          <textarea
            id="import-text"
            className="import-text"
            value={text}
            disabled={busy !== null || file !== null}
            placeholder={'财政项目支出绩效目标申报表\n(2024年度)\n项目名称\t…'}
            onChange={(e) => {
              setText(e.target.value);
              changeSource();
            }}
          />
          <div className="hint">{text ? `${text.length.toLocaleString('zh-CN')} 个字符` : '从网页或 Word 中复制整张表（含标题）后粘贴到这里。'}</div>
        </div>

        <div className="field file-field">
          <label htmlFor="import-file">选择 xlsx 文件</label>
          <span className="file-picker">
            <span className={busy !== null ? 'button disabled' : 'button'} aria-hidden="true">
              选择文件…
            </span>
            <span className="muted">{file ? file.name : '未选择文件（可选；选择后将按文件导入）'}</span>
            {/* The browser's own picker (its words follow the browser's language) lies invisibly over the button. */}
            <input
              key={fileKey}
              id="import-file"
              className="file-input"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy !== null}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                changeSource();
              }}
            />
          </span>
          {file && (
            <div className="hint">
              已选择“{file.name}”（{Math.max(1, Math.round(file.size / 1024))} KB），将按文件导入，忽略上方文本。
              <button
                type="button"
                className="link"
                onClick={() => {
                  setFile(null);
                  setFileKey((k) => k + 1);
                  changeSource();
                }}
              >
                不使用文件
              </button>
            </div>
          )}
        </div>

        {localError && (
          <div className="alert alert-error" role="alert">
            {localError}
          </div>
        )}
        <div className="import-actions">
          <button type="button" className={preview ? undefined : 'primary'} onClick={() => void runPreview()} disabled={busy !== null}>
            预览
          </button>
        </div>
        {busy === 'preview' && <Progress label="正在识别申报表…" />}
        {busy === 'import' && <Progress label={`正在导入 ${forms.length} 张申报表…`} />}
      </section>

      <ErrorBox error={error} title={busy === 'import' || preview ? '导入失败' : '预览失败'} />

      {created && (
        <section className="card alert-success import-created" data-testid="import-created" aria-live="polite">
          <h2>已导入 {created.length} 张申报表草稿</h2>
          <p>请逐张打开检查，按提示修改后再申报：</p>
          <ol>
            {created.map((c) => (
              <li key={c.id}>
                <Link to={`/forms/${c.id}/edit`}>{c.name}</Link>
              </li>
            ))}
          </ol>
          <Link to={`/forms${campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : ''}`}>查看我的申报表</Link>
        </section>
      )}

      {preview && (
        <section aria-label="预览结果" className="import-preview">
          <h2 data-testid="import-count">
            {forms.length === 0
              ? '未识别到申报表'
              : forms.length === 1
                ? '识别到 1 张申报表'
                : `识别到 ${forms.length} 张申报表，导入时将全部创建（任何一张无法导入则都不创建）`}
          </h2>
          {forms.length === 0 && <p className="muted">请确认粘贴的是《财政项目支出绩效目标申报表》的完整内容（含“项目名称”“绩效指标”等栏目）。</p>}
          {forms.length > 0 && !created && (
            <div className="import-actions">
              <button type="button" className="primary" onClick={() => void runImport()} disabled={busy !== null || !campaignId}>
                导入为草稿
              </button>
              <span className="muted">{campaign ? `将导入到：${campaign.label}` : '请先选择申报批次'}</span>
            </div>
          )}

          <div className="import-warnings" data-testid="import-warnings">
            <h3>
              识别提示（{warnings.length} 条{errorsCount ? `，其中 ${errorsCount} 条须在申报前更正` : ''}）
            </h3>
            {warnings.length === 0 ? (
              <p className="muted">没有提示。</p>
            ) : (
              groups.map((g) => (
                <div key={g.index} className="warning-group">
                  <h4>{g.title}</h4>
                  <ul>
                    {g.items.map((w, i) => (
                      <li key={i} className={w.severity === 'error' ? 'finding-error' : 'finding-warning'} data-testid="import-warning">
                        <span className={w.severity === 'error' ? 'badge tag-error' : 'badge tag-warning'}>{w.severity === 'error' ? '须更正' : '提示'}</span>
                        <span className="where">
                          {g.index >= 0 ? `第 ${g.index + 1} 张 · ` : ''}
                          {findingWhere(w)}
                        </span>
                        {w.message}
                        {w.text ? <span className="muted">（原文：{w.text}）</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </div>

          {forms.map((f, i) => (
            <article key={i} className="card import-form" data-testid="import-form" aria-label={`第 ${i + 1} 张申报表`}>
              <h3>
                <span className="muted">第 {i + 1} 张 · </span>
                {f.projectName || '（未识别到项目名称）'}
              </h3>
              <table className="form-sheet">
                <tbody>
                  <tr>
                    <th>实施单位</th>
                    <td>{f.unitName ?? '—'}</td>
                    <th>主管部门</th>
                    <td>{f.departmentName ?? '—'}</td>
                  </tr>
                  <tr>
                    <th>年度</th>
                    <td>{f.year ?? '—'}</td>
                    <th>资金总额（元）</th>
                    <td className="num">
                      {formatMoney(f.funds?.total)}
                      {f.funds?.total ? <span className="muted">（{yuanToWan(f.funds.total)} 万元）</span> : null}
                    </td>
                  </tr>
                  <tr>
                    <th>项目性质</th>
                    <td>{f.nature || '—'}</td>
                    <th>项目类别</th>
                    <td>{f.category || '—'}</td>
                  </tr>
                  <tr>
                    <th>计划日期</th>
                    <td>
                      {f.plannedStart || '—'} 至 {f.plannedEnd || '—'}
                    </td>
                    <th>指标数</th>
                    <td>{f.indicators.length} 项</td>
                  </tr>
                </tbody>
              </table>
              <details className="import-indicators" open>
                <summary>查看 {f.indicators.length} 项绩效指标及识别结果</summary>
                <table>
                  <thead>
                    <tr>
                      <th>序号</th>
                      <th>一级指标</th>
                      <th>二级指标</th>
                      <th>三级指标</th>
                      <th>年度指标值</th>
                      <th>识别结果</th>
                      <th className="num">分值</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.indicators.map((x, j) => (
                      <tr key={j} className={flagged(i, j) ? `flag-${flagged(i, j)}` : undefined} title={flagged(i, j) ? '此行有识别提示，见上方' : undefined}>
                        <td className="num">{j + 1}</td>
                        <td>{x.level1}</td>
                        <td>{x.level2}</td>
                        <td>{x.name}</td>
                        <td className="target-cell">{x.target || <span className="finding-error">（缺少指标值）</span>}</td>
                        <td>
                          <TargetReading parsed={x.parsedTarget ?? null} error={x.parsedTarget === null && x.target ? '无法识别' : null} testId="import-reading" />
                        </td>
                        <td className="num">{x.weight ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
