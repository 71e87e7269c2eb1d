// The explanation of a year-end score (GET /api/forms/:id/score, or the provisional score of
// PUT /api/forms/:id/self-evaluation): total and grade, budget execution, categories, and for each
// indicator the rule applied, target, actual, weight, points, met and whether a reason is required.
import type { Score } from '../types';
import { formatDateTime, formatMoney } from '../ui';
import './ScoreView.css';

/** Which formula scored an indicator, as the unit and the reviewer read it. */
export const SCORE_RULE_LABELS: Record<string, string> = {
  'positive.met': '正向指标：达到目标，得满分',
  'positive.ratio': '正向指标：按完成比例计分',
  'equal.met': '等于型指标：达到目标，得满分',
  'equal.ratio': '等于型指标：按偏离比例计分',
  'reverse.met': '反向指标：未超过目标，得满分',
  'reverse.ratio': '反向指标：按超出比例扣分',
  'reverse.linear': '反向指标：按超出幅度线性扣分',
  zeroTarget: '目标值为 0：按是否为 0 计分',
  negativeTarget: '目标值为负数：按比例计分',
  'compound.met': '复合指标：各项均达成，得满分',
  'compound.mean': '复合指标：按各项完成程度平均计分',
  'qualitative.tier': '定性指标：按达成程度自评计分',
  notApplicable: '不适用，不计分',
  unscorable: '无法计分（计 0 分）',
};

export const TIER_LABELS: Record<string, string> = { achieved: '达成', partial: '部分达成', notAchieved: '未达成' };

export function ruleLabel(rule: string | null | undefined): string {
  if (!rule) return '—';
  return SCORE_RULE_LABELS[rule] ?? rule;
}

/** "0.8618" → "86.18%" by moving the decimal point on the string (no floating point). */
export function ratePercent(rate: string | null | undefined): string {
  if (rate === null || rate === undefined || rate === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(rate);
  if (!m) return rate;
  const frac = (m[3] ?? '').padEnd(4, '0');
  const int = (m[2] + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  return `${m[1]}${int}.${frac.slice(2, 4)}%`;
}

function yesNo(value: unknown): string {
  if (value === true) return '是';
  if (value === false) return '否';
  return '—';
}

interface PartLike {
  label?: string;
  target?: string;
  actual?: string | null;
  met?: boolean | null;
  rule?: string;
}

export function ScoreView({ score }: { score: Score }) {
  const provisional = score.provisional === true;
  const computedAt = typeof score.computedAt === 'string' ? score.computedAt : null;
  const rescaledFrom = typeof score.rescaledFrom === 'string' ? score.rescaledFrom : null;
  const execution = score.execution;
  const problems = (score.problems ?? null) as { errors?: { path: string; message: string }[]; warnings?: { path: string; message: string }[] } | null;
  const errors = problems?.errors ?? [];
  const warnings = problems?.warnings ?? [];
  return (
    <section className="score-view" aria-label="评分结果">
      <div className="score-summary">
        <div className="score-total">
          <span className="muted">总分</span>
          <strong data-testid="score-total">{score.total}</strong>
          <span className="muted">分</span>
        </div>
        <div className="score-grade">
          <span className="muted">等级</span>
          <strong className={`grade grade-${score.grade}`} data-testid="score-grade">
            {score.grade}
          </strong>
        </div>
        <div className="score-meta muted">
          {provisional ? '暂算得分（提交自评后以系统评分为准）' : computedAt ? `评分时间：${formatDateTime(computedAt)}` : '系统评分'}
          {score.schemeVersion ? ` · 评分方案 ${score.schemeVersion}` : ''}
        </div>
      </div>

      <h3>预算执行</h3>
      <table className="score-table">
        <thead>
          <tr>
            <th className="num">全年预算数（元）</th>
            <th className="num">全年执行数（元）</th>
            <th className="num">执行率</th>
            <th className="num">分值</th>
            <th className="num">得分</th>
            <th>需说明原因</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{formatMoney(execution?.budget)}</td>
            <td className="num">{formatMoney(execution?.executed)}</td>
            <td className="num">{ratePercent(execution?.rate)}</td>
            <td className="num">{execution?.weight ?? '—'}</td>
            <td className="num">{execution?.points ?? '—'}</td>
            <td>{yesNo(execution?.reasonRequired)}</td>
          </tr>
        </tbody>
      </table>

      <h3>分类得分</h3>
      <table className="score-table">
        <thead>
          <tr>
            <th>一级指标</th>
            <th className="num">分值</th>
            <th className="num">得分</th>
          </tr>
        </thead>
        <tbody>
          {score.categories.map((c) => (
            <tr key={c.level1} className={c.applicable === false ? 'muted' : undefined}>
              <td>
                {c.level1}
                {c.applicable === false && <span className="muted">（无指标，不计分）</span>}
              </td>
              <td className="num">{c.weight}</td>
              <td className="num">{c.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rescaledFrom && <p className="hint">部分一级指标无指标，其余分值已由 {rescaledFrom} 分按比例折算为 100 分。</p>}

      <h3>指标得分说明</h3>
      <div className="score-scroll">
        <table className="score-table" data-testid="score-indicators">
          <thead>
            <tr>
              <th>序号</th>
              <th>一级指标</th>
              <th>三级指标</th>
              <th>规则</th>
              <th>指标值</th>
              <th>实际值</th>
              <th className="num">分值</th>
              <th className="num">得分</th>
              <th>是否达成</th>
              <th>需说明原因</th>
            </tr>
          </thead>
          <tbody>
            {score.indicators.map((x, i) => {
              const parts = Array.isArray(x.parts) ? (x.parts as PartLike[]) : [];
              const tier = typeof x.tier === 'string' ? x.tier : null;
              return (
                <tr key={x.indicatorId} className={x.reasonRequired ? 'reason-required' : undefined} data-testid="score-indicator">
                  <td className="num">{i + 1}</td>
                  <td>{typeof x.level1 === 'string' ? x.level1 : '—'}</td>
                  <td>{x.name}</td>
                  <td>
                    {ruleLabel(x.rule)}
                    {tier && <div className="muted">自评档次：{TIER_LABELS[tier] ?? tier}</div>}
                    {parts.length > 0 && (
                      <ul className="score-parts">
                        {parts.map((p, j) => (
                          <li key={j}>
                            {p.label ? `${p.label}：` : ''}
                            {p.target ?? ''} → {p.actual ?? '未填'}（{p.met === true ? '达成' : p.met === false ? '未达成' : '无法判断'}）
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{x.target}</td>
                  <td>{x.actual ?? <span className="muted">未填</span>}</td>
                  <td className="num">{x.weight}</td>
                  <td className="num">
                    <strong>{x.points}</strong>
                  </td>
                  <td className={x.met === false ? 'not-met' : undefined}>{x.met === null || x.met === undefined ? '—' : x.met ? '达成' : '未达成'}</td>
                  <td className={x.reasonRequired ? 'not-met' : undefined}>
                    {yesNo(x.reasonRequired)}
                    {x.reasonRequired && x.reasonGiven === true && <span className="muted">（已说明）</span>}
                    {x.reasonRequired && x.reasonGiven === false && <span>（未说明）</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={7}>合计（含预算执行 {execution?.points ?? '—'} 分）</th>
              <th className="num">{score.total}</th>
              <th colSpan={2}>等级：{score.grade}</th>
            </tr>
          </tfoot>
        </table>
      </div>

      {(errors.length > 0 || warnings.length > 0) && (
        <div className="score-problems">
          {errors.length > 0 && (
            <div className="alert alert-error">
              尚需完善（{errors.length} 项）：
              <ul>
                {errors.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
          {warnings.length > 0 && (
            <div className="alert alert-warning">
              提示（{warnings.length} 项）：
              <ul>
                {warnings.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
