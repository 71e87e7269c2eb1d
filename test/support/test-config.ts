import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@app/config';

/**
 * A config for one test file: its own database on the local PostgreSQL and its own BullMQ prefix on
 * the local Redis. The servers come from DATABASE_URL / REDIS_URL when set (CI on other machines).
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL });
  const db = new URL(base.databaseUrl);
  db.pathname = `/jixiao_test_${suffix}`;
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.toString(),
    REDIS_URL: base.redisUrl,
    QUEUE_PREFIX: `jixiao-test-${suffix}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '10000',
    ...overrides,
  });
}
