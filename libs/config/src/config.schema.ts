import { isIP } from 'node:net';
import { z } from 'zod';
import { checkPasswordPolicy } from '@app/domain';
import { parseChannelConfig } from '@app/notifications';

/** Development defaults: they serve a machine with PostgreSQL and Redis on 127.0.0.1 (see README). */
export const DEV_JWT_SECRET = 'jixiao-development-secret-change-me';
export const DEV_ADMIN_PASSWORD = 'Jixiao@2026';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(1).max(65535);

/** Names Express understands for address ranges of proxies. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR range (10.0.0.0/8, fd00::/8) or a named range of a trusted proxy. */
function isProxyAddress(token: string): boolean {
  if (PROXY_RANGES.includes(token)) return true;
  const [address, prefix, ...rest] = token.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which reverse proxies may name the client in X-Forwarded-For: a number of hops (1–10) or a
 * comma-separated list of their addresses, ranges or loopback / linklocal / uniquelocal. Unset: none,
 * so a client cannot choose its own address for the login rate limit and the audit log. "true"
 * (every sender) is refused for that reason.
 */
const trustProxy = z
  .string()
  .transform((value, ctx) => {
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
    } else {
      const tokens = value.split(',').map((t) => t.trim()).filter(Boolean);
      if (tokens.length && tokens.every(isProxyAddress)) return tokens;
    }
    ctx.addIssue({ code: 'custom', message: '应为代理层数 1–10，或代理地址、网段（CIDR）及 loopback / linklocal / uniquelocal，以逗号分隔' });
    return z.NEVER;
  })
  .optional();

function urlWithProtocol(protocols: string[]) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `必须是 ${protocols.map((p) => p + '//…').join(' 或 ')} 形式的 URL` },
  );
}

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port.default(3000),
    DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/jixiao'),
    REDIS_URL: urlWithProtocol(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    // BullMQ key prefix. A prefix in braces ({jixiao}) keeps every queue in one Redis Cluster slot.
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_{}-]{1,64}$/, '只能包含字母、数字、_ - { }，长度 1–64')
      .default('jixiao'),
    JWT_SECRET: z.string().min(16, '至少 16 个字符').default(DEV_JWT_SECRET),
    JWT_EXPIRES_IN_SECONDS: z.coerce.number().int().min(60).max(86_400).default(8 * 3600),
    ADMIN_USERNAME: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,64}$/, '只能包含字母、数字、_ . -，长度 3–64')
      .default('admin'),
    ADMIN_PASSWORD: z.string().default(DEV_ADMIN_PASSWORD),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    // The built web page (npm run build:web), served at `/`; relative to the working directory.
    WEB_ROOT: z.string().max(4096).default('dist/web'),
    // Reverse proxies whose X-Forwarded-For names the client (see trustProxy above).
    TRUST_PROXY: trustProxy,
    // Login attempts per client IP per minute (brute-force protection in front of the account lockout).
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
    // Seconds an API process keeps a caller's role and organisation before reading them again (0: never cache).
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    // Optional notification channels (see README): a 政务微信/钉钉/any webhook, and SMTP e-mail.
    WEBHOOK_URL: z.string().optional(),
    WEBHOOK_FORMAT: z.string().optional(),
    WEBHOOK_SECRET: z.string().optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().optional(),
    // Attempts of one delivery job, and the first retry delay (doubling each time); then the
    // delivery waits DELIVERY_RETRY_AFTER_SECONDS and is tried again — never dropped.
    DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(2000),
    DELIVERY_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    // Forms per child job of the year-end batch flow.
    REPORT_CHUNK_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
    // When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`.
    METRICS_TOKEN: z.string().min(16, '至少 16 个字符').optional(),
    // Seconds a worker waits for the job in hand on shutdown before giving up.
    WORKER_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  })
  .superRefine((cfg, ctx) => {
    for (const problem of parseChannelConfig(cfg).problems) {
      ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.message });
    }
    for (const violation of checkPasswordPolicy(cfg.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: violation.message });
    }
    if (cfg.NODE_ENV === 'production') {
      if (cfg.JWT_SECRET === DEV_JWT_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: '生产环境不得使用开发默认值，请设置自己的密钥' });
      }
      if (cfg.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) {
        ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: '生产环境不得使用开发默认值' });
      }
    }
  });

export type RawConfig = z.infer<typeof configSchema>;
