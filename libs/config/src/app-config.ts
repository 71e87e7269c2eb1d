import { resolve } from 'node:path';
import { ChannelConfig, parseChannelConfig } from '@app/notifications';
import { configSchema, RawConfig } from './config.schema';

/** The one typed configuration of a Jixiao process, parsed once at boot. Nothing else reads process.env. */
export interface AppConfig {
  nodeEnv: RawConfig['NODE_ENV'];
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  jwt: { secret: string; expiresInSeconds: number };
  admin: { username: string; password: string };
  logLevel: RawConfig['LOG_LEVEL'];
  loginRateLimitPerMinute: number;
  /**
   * Reverse proxies trusted to name the client (X-Forwarded-For): hops or addresses/ranges, as
   * Express's `trust proxy`; null: none, the client is the peer of the connection.
   */
  trustProxy: number | string[] | null;
  authCacheSeconds: number;
  /** Enabled optional channels (webhook, e-mail); empty when none is configured. */
  channels: ChannelConfig[];
  /** The names of the enabled channels ('webhook', 'email'): a delivery row is written for each. */
  enabledChannels: string[];
  delivery: { attempts: number; backoffMs: number; retryAfterSeconds: number };
  metricsToken: string | null;
  reportChunkSize: number;
  workerShutdownTimeoutSeconds: number;
  /** Absolute directory of the built web page; the API serves it at `/` when it holds an index.html. */
  webRoot: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment into an AppConfig; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "not set" (docker-compose passes `FOO=` for unset values).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(config)'),
        message: issue.message,
      })),
    );
  }
  const c = parsed.data;
  return {
    nodeEnv: c.NODE_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    queuePrefix: c.QUEUE_PREFIX,
    jwt: { secret: c.JWT_SECRET, expiresInSeconds: c.JWT_EXPIRES_IN_SECONDS },
    admin: { username: c.ADMIN_USERNAME, password: c.ADMIN_PASSWORD },
    logLevel: c.LOG_LEVEL,
    loginRateLimitPerMinute: c.LOGIN_RATE_LIMIT,
    trustProxy: c.TRUST_PROXY ?? null,
    authCacheSeconds: c.AUTH_CACHE_SECONDS,
    channels: parseChannelConfig(c).channels,
    enabledChannels: parseChannelConfig(c).channels.map((ch) => ch.channel),
    metricsToken: c.METRICS_TOKEN ?? null,
    reportChunkSize: c.REPORT_CHUNK_SIZE,
    delivery: { attempts: c.DELIVERY_ATTEMPTS, backoffMs: c.DELIVERY_BACKOFF_MS, retryAfterSeconds: c.DELIVERY_RETRY_AFTER_SECONDS },
    workerShutdownTimeoutSeconds: c.WORKER_SHUTDOWN_TIMEOUT_SECONDS,
    webRoot: resolve(c.WEB_ROOT),
  };
}

/** For main.ts: parse the config or print what is wrong and exit(1). */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
