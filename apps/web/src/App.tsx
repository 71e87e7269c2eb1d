import { Component, ErrorInfo, ReactNode, useEffect, useState } from 'react';
import { api, shareTokenWithQueueDashboard } from './api';
import { AuthProvider, homeOf, useAuth } from './auth';
import { activeNav, lastNavList, rememberNavList } from './nav';
import { Link, match, navigate, useLocation } from './router';
import { ROLE_LABELS } from './types';
import type { Role } from './types';
import { errorMessage } from './ui';
import { LoginPage } from './pages/LoginPage';
import { FormsListPage } from './pages/FormsListPage';
import { FormEditorPage } from './pages/FormEditorPage';
import { ImportPage } from './pages/ImportPage';
import { FormPage } from './pages/FormPage';
import { SelfEvaluationPage } from './pages/SelfEvaluationPage';
import { InboxPage } from './pages/InboxPage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { ReportsPage, ReportPage } from './pages/ReportPage';
import { AdminPage } from './pages/AdminPage';

interface RouteDef {
  pattern: string;
  roles?: Role[];
  render(params: Record<string, string>): ReactNode;
}

// Order matters: the first pattern that matches wins.
const ROUTES: RouteDef[] = [
  { pattern: '/forms', roles: ['unit', 'reviewer', 'admin'], render: () => <FormsListPage /> },
  { pattern: '/forms/new', roles: ['unit'], render: () => <FormEditorPage /> },
  { pattern: '/import', roles: ['unit'], render: () => <ImportPage /> },
  { pattern: '/forms/:id', render: (p) => <FormPage id={p.id} /> },
  { pattern: '/forms/:id/edit', roles: ['unit'], render: (p) => <FormEditorPage id={p.id} /> },
  { pattern: '/forms/:id/self-evaluation', render: (p) => <SelfEvaluationPage id={p.id} /> },
  { pattern: '/inbox', render: () => <InboxPage /> },
  { pattern: '/review', roles: ['reviewer', 'admin'], render: () => <ReviewQueuePage /> },
  { pattern: '/reports', roles: ['reviewer', 'admin'], render: () => <ReportsPage /> },
  { pattern: '/reports/:campaignId', roles: ['reviewer', 'admin'], render: (p) => <ReportPage campaignId={p.campaignId} /> },
  { pattern: '/admin', roles: ['admin'], render: () => <AdminPage tab="orgs" /> },
  { pattern: '/admin/:tab', roles: ['admin'], render: (p) => <AdminPage tab={p.tab} /> },
];

const NAV: Record<Role, { to: string; label: string }[]> = {
  unit: [
    { to: '/forms', label: '我的申报表' },
    { to: '/import', label: '导入申报表' },
  ],
  reviewer: [
    { to: '/review', label: '审核队列' },
    { to: '/forms', label: '全部申报表' },
    { to: '/reports', label: '批次报告' },
  ],
  admin: [
    { to: '/admin/orgs', label: '单位' },
    { to: '/admin/users', label: '用户' },
    { to: '/admin/campaigns', label: '申报批次' },
    { to: '/admin/calendar', label: '工作日历' },
    { to: '/forms', label: '申报表' },
    { to: '/reports', label: '批次报告' },
  ],
};

/** The unread count in the header, refreshed every 30 s and whenever the inbox changes it. */
function InboxLink() {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => {
      api<{ unread?: number; items: unknown[] }>('GET', '/api/notifications', { query: { unread: true, limit: 1 } }).then(
        (r) => alive && setUnread(r.unread ?? r.items.length),
        () => undefined, // the count is a hint; the inbox page shows its own errors
      );
    };
    load();
    const timer = setInterval(load, 30_000);
    window.addEventListener('jixiao:inbox-changed', load);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('jixiao:inbox-changed', load);
    };
  }, []);
  return (
    <Link to="/inbox" className="inbox-link" data-testid="inbox-link">
      消息
      {unread ? (
        <span className="count" aria-label={`${unread} 条未读`}>
          {unread}
        </span>
      ) : null}
    </Link>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { user, logout } = useAuth();
  const { path } = useLocation();
  if (!user) return null;
  const items = NAV[user.role];
  const active = activeNav(items, path, lastNavList());
  rememberNavList(items, path);
  return (
    <div className="shell">
      <header className="topbar">
        <Link to={homeOf(user.role)} className="brand">
          绩效 <small>项目支出绩效目标管理</small>
        </Link>
        <nav aria-label="主导航">
          {NAV[user.role].map((n) => (
            <Link key={n.to} to={n.to} className={n.to === active ? 'active' : undefined}>
              {n.label}
            </Link>
          ))}
          {user.role === 'admin' && (
            <a href="/admin/queues" target="_blank" rel="noreferrer" onClick={shareTokenWithQueueDashboard}>
              队列监控
            </a>
          )}
        </nav>
        <div className="who">
          <InboxLink />
          <span className="user" data-testid="current-user">
            {user.username}（{ROLE_LABELS[user.role]}）
          </span>
          <button type="button" className="link" onClick={() => logout()}>
            退出
          </button>
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}

/** A page that throws shows a sentence and a way back, never a blank screen. */
class PageBoundary extends Component<{ children: ReactNode; path: string }, { error: unknown }> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  componentDidUpdate(prev: { path: string }) {
    if (prev.path !== this.props.path && this.state.error) this.setState({ error: null });
  }
  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  render() {
    if (this.state.error) {
      return (
        <div className="alert alert-error" role="alert">
          页面出现错误：{errorMessage(this.state.error)}
          <div>
            <button type="button" onClick={() => location.reload()}>
              刷新页面
            </button>
          </div>
        </div>
      );
    }
    return this.props.children;
  }
}

function NotFound() {
  return (
    <div className="empty">
      <h1>页面不存在</h1>
      <p>您访问的地址不存在。</p>
      <Link to="/">返回首页</Link>
    </div>
  );
}

function Routes() {
  const { user } = useAuth();
  const { path } = useLocation();
  useEffect(() => {
    if (!user && path !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    else if (user && (path === '/' || path === '/login')) navigate(homeOf(user.role), { replace: true });
  }, [user, path]);
  if (!user || path === '/login') return <LoginPage />;
  const clean = path.replace(/\/+$/, '') || '/';
  for (const route of ROUTES) {
    const params = match(route.pattern, clean);
    if (!params) continue;
    const page = route.roles && !route.roles.includes(user.role) ? <NotFound /> : route.render(params);
    return (
      <Shell>
        <PageBoundary path={path}>{page}</PageBoundary>
      </Shell>
    );
  }
  return <Shell>{clean === '/' ? null : <NotFound />}</Shell>;
}

export function App() {
  return (
    <AuthProvider>
      <Routes />
    </AuthProvider>
  );
}
