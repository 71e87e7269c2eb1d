// 消息: the caller's notifications, newest first; unread ones bold; mark one or all as read.
import { useState } from 'react';
import { api } from '../api';
import { useUser } from '../auth';
import { Link, navigate, useLocation } from '../router';
import type { Notification } from '../types';
import { ErrorBox, formatDateTime, Loading, PageTitle, useAsync } from '../ui';
import './InboxPage.css';

const LIMIT = 200;

const KIND_LABELS: Record<string, string> = {
  DECLARATION_DUE: '申报提醒',
  DECLARATION_OVERDUE: '申报逾期',
  REVIEW_DUE: '审核提醒',
  REVIEW_OVERDUE: '审核逾期',
  RESUBMIT_DUE: '重新申报提醒',
  RESUBMIT_OVERDUE: '重新申报逾期',
  SELF_EVALUATION_OPENED: '年终自评开启',
  SELF_EVALUATION_DUE: '自评提醒',
  SELF_EVALUATION_OVERDUE: '自评逾期',
  FORM_SUBMITTED: '已申报',
  FORM_RETURNED: '退回修改',
  FORM_APPROVED: '已批复',
  SELF_EVALUATION_SUBMITTED: '自评已提交',
  SELF_EVALUATION_RETURNED: '自评退回',
  SELF_EVALUATION_CONFIRMED: '自评已确认',
  URGE: '催办',
  CALENDAR_MISSING: '工作日历',
};

/** Notices about the year-end self-evaluation: they also lead straight to the 自评表. */
const SELF_EVALUATION_KINDS = new Set(['SELF_EVALUATION_OPENED', 'SELF_EVALUATION_DUE', 'SELF_EVALUATION_OVERDUE', 'SELF_EVALUATION_RETURNED', 'SELF_EVALUATION_SUBMITTED']);

function changed() {
  window.dispatchEvent(new Event('jixiao:inbox-changed'));
}

export function InboxPage() {
  const user = useUser();
  const { query } = useLocation();
  const unreadOnly = query.get('unread') === 'true';
  const inbox = useAsync(() => api<{ items: Notification[]; unread?: number }>('GET', '/api/notifications', { query: { unread: unreadOnly ? 'true' : undefined, limit: LIMIT } }), [unreadOnly]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<string | null>(null);

  const items = inbox.data?.items ?? [];
  const unreadCount = inbox.data?.unread ?? items.filter((n) => !n.readAt).length;

  const markRead = async (n: Notification) => {
    if (busy) return;
    setBusy(n.id);
    setError(null);
    try {
      const updated = await api<Notification>('POST', `/api/notifications/${n.id}/read`);
      if (inbox.data) {
        const next = unreadOnly ? inbox.data.items.filter((x) => x.id !== n.id) : inbox.data.items.map((x) => (x.id === n.id ? { ...x, readAt: updated?.readAt ?? new Date().toISOString() } : x));
        inbox.set({ ...inbox.data, items: next, unread: Math.max(0, (inbox.data.unread ?? unreadCount) - 1) });
      }
      changed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const markAll = async () => {
    if (busy) return;
    setBusy('all');
    setError(null);
    try {
      // No bulk route: every unread one in turn (the list holds the newest LIMIT).
      const unread = await api<{ items: Notification[] }>('GET', '/api/notifications', { query: { unread: 'true', limit: LIMIT } });
      let done = 0;
      for (const n of unread.items) {
        setProgress(`正在标记 ${done + 1} / ${unread.items.length}`);
        await api('POST', `/api/notifications/${n.id}/read`);
        done++;
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
      setBusy(null);
      changed();
      inbox.reload();
    }
  };

  return (
    <div className="inbox-page">
      <PageTitle
        actions={
          <button type="button" onClick={() => void markAll()} disabled={busy !== null || unreadCount === 0}>
            {busy === 'all' ? (progress ?? '正在标记…') : '全部标为已读'}
          </button>
        }
      >
        消息
      </PageTitle>
      <div className="inbox-filter">
        <input
          id="inbox-unread"
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => navigate(e.target.checked ? '/inbox?unread=true' : '/inbox', { replace: true })}
        />
        <label htmlFor="inbox-unread">只看未读</label>
        {inbox.data && <span className="muted">（未读 {unreadCount} 条）</span>}
      </div>
      <ErrorBox error={error} title="操作失败" />
      {inbox.data === undefined ? (
        inbox.error !== undefined ? (
          <>
            <ErrorBox error={inbox.error} title="消息加载失败" />
            <button type="button" onClick={inbox.reload}>
              重试
            </button>
          </>
        ) : (
          <Loading />
        )
      ) : items.length === 0 ? (
        <div className="empty card">{unreadOnly ? '没有未读消息。' : '暂无消息。'}</div>
      ) : (
        <ul className="notifications" aria-busy={inbox.loading}>
          {items.map((n) => (
            <li key={n.id} data-testid="notification" className={n.readAt ? 'notification read' : 'notification unread'}>
              <div className="notification-head">
                <span className="badge kind">{KIND_LABELS[n.kind] ?? n.kind}</span>
                <span className="title">{n.title}</span>
                {!n.readAt && <span className="dot" aria-label="未读" />}
                <time className="muted" dateTime={n.createdAt}>
                  {formatDateTime(n.createdAt)}
                </time>
              </div>
              <p className="body">{n.body}</p>
              <div className="notification-actions">
                {n.formId && (
                  <Link to={`/forms/${n.formId}`} onClick={() => (n.readAt ? undefined : void markRead(n))}>
                    查看申报表
                  </Link>
                )}
                {n.formId && SELF_EVALUATION_KINDS.has(n.kind) && (
                  <Link to={`/forms/${n.formId}/self-evaluation`} onClick={() => (n.readAt ? undefined : void markRead(n))}>
                    {user.role === 'unit' ? '填写自评' : '查看自评'}
                  </Link>
                )}
                {!n.readAt && (
                  <button type="button" className="small" onClick={() => void markRead(n)} disabled={busy !== null}>
                    {busy === n.id ? '正在标记…' : '标为已读'}
                  </button>
                )}
                {n.readAt && <span className="muted small">已读于 {formatDateTime(n.readAt)}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {items.length >= LIMIT && <p className="muted">仅显示最近 {LIMIT} 条消息。</p>}
    </div>
  );
}
