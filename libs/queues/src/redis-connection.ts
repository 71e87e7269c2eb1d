import type { RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';

/** Turns REDIS_URL into ioredis options (BullMQ requires maxRetriesPerRequest: null for workers). */
export function redisOptionsFromUrl(redisUrl: string, extra: RedisOptions = {}): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: db ? Number(db) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    ...extra,
  };
}

/** The same options typed for BullMQ, whose declaration of ioredis' options differs only in typing. */
export function bullConnection(redisUrl: string): ConnectionOptions {
  return { ...redisOptionsFromUrl(redisUrl) } as ConnectionOptions;
}
