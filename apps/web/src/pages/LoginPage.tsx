import { FormEvent, useState } from 'react';
import { ApiError } from '../api';
import { homeOf, useAuth } from '../auth';
import { navigate } from '../router';
import { ErrorBox } from '../ui';

export function LoginPage() {
  const { login, notice } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(new ApiError(400, 'BAD_REQUEST', '请输入用户名和密码。'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await login(username.trim(), password);
      const next = new URLSearchParams(location.search).get('next');
      // Only same-site paths: never follow a full URL from the query.
      navigate(next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : homeOf(user.role), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form onSubmit={(e) => void submit(e)} className="card login-card" aria-label="登录" noValidate>
        <h1>绩效</h1>
        <p className="muted">财政项目支出绩效目标申报与自评</p>
        {notice && <div className="alert alert-info">{notice}</div>}
        <ErrorBox error={error} />
        <div className="field">
          <label htmlFor="username">用户名</label>
          <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">密码</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </div>
  );
}
