import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AppConfig } from '@app/config';
import { Database, dropDatabase } from '@app/persistence';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { Clock } from '../../apps/api/src/common/clock';
import { deleteKeysWithPrefix } from './redis-cleanup';
import { testConfig } from './test-config';

export interface TestApi {
  app: NestExpressApplication;
  http: App;
  config: AppConfig;
  db: Database;
  /** Logs in and returns the bearer header value. */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real API (same module and same configureApp as main.ts) against the real PostgreSQL and
 * Redis, in a database and queue prefix of its own; close() drops both.
 */
export async function startTestApi(
  options: {
    config?: AppConfig;
    overrides?: Record<string, string>;
    /** false when the test points the database URL at nothing on purpose. */
    waitForDatabase?: boolean;
    /** false when the test points the Redis URL at nothing on purpose. */
    redisReachable?: boolean;
    /** A fixed "now" for the API's clock (event times, deadlines); the database keeps its own. */
    now?: Date;
  } = {},
): Promise<TestApi> {
  const config = options.config ?? testConfig(options.overrides);
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (options.now) builder.overrideProvider(Clock).useValue({ now: () => new Date(options.now!.getTime()) });
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app);
  await app.init();
  const db = app.get(Database);
  if (options.waitForDatabase ?? true) await db.whenReady();
  const http = app.getHttpServer() as App;

  return {
    app,
    http,
    config,
    db,
    async login(username, password) {
      const res = await request(http).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.accessToken as string}`;
    },
    async close() {
      await app.close();
      if (options.waitForDatabase ?? true) await dropDatabase(config.databaseUrl);
      if (options.redisReachable ?? true) await deleteKeysWithPrefix(config.redisUrl, config.queuePrefix);
    },
  };
}
