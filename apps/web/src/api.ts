// The only way the page talks to Jixiao: the HTTP API of shared/API.md, with the caller's bearer token.
// Every failure becomes an ApiError carrying the API's own Chinese message, so pages can show it as is.

const TOKEN_KEY = 'jixiao.token';
const USER_KEY = 'jixiao.user';

export interface SessionUser {
  id: string;
  username: string;
  role: 'admin' | 'reviewer' | 'unit';
  orgId: string | null;
}

export interface ApiErrorDetail {
  path?: string;
  rule?: string;
  message?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Messages for failures that never reached the API or came back without an error body. */
function fallbackMessage(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络后重试。';
  if (status === 401) return '登录已过期，请重新登录。';
  if (status === 403) return '您没有执行此操作的权限。';
  if (status === 404) return '未找到该内容，或您无权查看。';
  if (status === 413) return '提交的内容过大。';
  if (status === 429) return '操作过于频繁，请稍后再试。';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试。';
  return `请求失败（${status}）。`;
}

let onUnauthenticated: (() => void) | null = null;
/** Called when the API answers 401 to a signed-in request (token expired): the app signs out. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function storedSession(): { token: string; user: SessionUser } | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const user = sessionStorage.getItem(USER_KEY);
  if (!token || !user) return null;
  try {
    return { token, user: JSON.parse(user) as SessionUser };
  } catch {
    return null;
  }
}

export function storeSession(token: string, user: SessionUser): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is (text/plain or a file) instead of JSON. */
  raw?: Blob | string;
  contentType?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
}

function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const session = storedSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['Content-Type'] = options.contentType ?? 'text/plain; charset=utf-8';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(url(path, options.query), { method, headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', fallbackMessage(0));
  }
  if (res.ok) return res;
  let code = 'HTTP_' + res.status;
  let message = fallbackMessage(res.status);
  let details: ApiErrorDetail[] = [];
  try {
    const parsed = (await res.json()) as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } };
    if (parsed.error) {
      code = parsed.error.code ?? code;
      message = parsed.error.message || message;
      details = Array.isArray(parsed.error.details) ? parsed.error.details : [];
    }
  } catch {
    /* not a JSON error body: keep the fallback message */
  }
  if (res.status === 401 && session && onUnauthenticated) onUnauthenticated();
  throw new ApiError(res.status, code, message, details);
}

/** A JSON request; resolves to the parsed body (undefined for 204). */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a file the API produces (an .xlsx) under the name the API gives, or `fallbackName`. */
export async function download(path: string, fallbackName: string, query?: RequestOptions['query']): Promise<void> {
  const res = await send('GET', path, { query, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A fresh Idempotency-Key for a POST the user might repeat by double-clicking. */
export function idempotencyKey(): string {
  // crypto.randomUUID needs a secure context; an intranet address on plain http is not one.
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * The queue dashboard (/admin/queues) is a plain page of the API that cannot send the bearer header: it
 * also accepts the token as the `jixiao_token` cookie, scoped to its own path, never sent cross-site,
 * gone with the browser session (and on sign-out).
 */
export function shareTokenWithQueueDashboard(): void {
  const token = storedSession()?.token;
  if (!token) return;
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `jixiao_token=${encodeURIComponent(token)}; path=/admin/queues; SameSite=Strict${secure}`;
}

export function forgetQueueDashboardToken(): void {
  document.cookie = 'jixiao_token=; path=/admin/queues; SameSite=Strict; max-age=0';
}
