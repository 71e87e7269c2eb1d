import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, clearSession, forgetQueueDashboardToken, SessionUser, setUnauthenticatedHandler, storedSession, storeSession } from './api';
import { navigate } from './router';

interface AuthState {
  user: SessionUser | null;
  /** Set when the session ended on its own (token expired), shown on the sign-in page. */
  notice: string | null;
  login(username: string, password: string): Promise<SessionUser>;
  logout(notice?: string): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => storedSession()?.user ?? null);
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback((message?: string) => {
    clearSession();
    forgetQueueDashboardToken();
    setUser(null);
    setNotice(message ?? null);
    // After an expired session, signing in again returns to the page the user was on.
    const here = location.pathname + location.search;
    const next = message && here !== '/login' && !here.startsWith('/login?') ? `?next=${encodeURIComponent(here)}` : '';
    navigate(`/login${next}`, { replace: true, force: true });
  }, []);

  useEffect(() => setUnauthenticatedHandler(() => logout('登录已过期，请重新登录。')), [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api<{ accessToken: string; user: SessionUser }>('POST', '/api/auth/login', { body: { username, password } });
    storeSession(res.accessToken, res.user);
    setNotice(null);
    setUser(res.user);
    return res.user;
  }, []);

  const value = useMemo(() => ({ user, notice, login, logout }), [user, notice, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered behind the sign-in check. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** Where each role starts. */
export function homeOf(role: SessionUser['role']): string {
  return role === 'unit' ? '/forms' : role === 'reviewer' ? '/review' : '/admin/orgs';
}
