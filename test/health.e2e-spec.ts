import request from 'supertest';
import { startTestApi } from './support/test-api';
import { testConfig } from './support/test-config';

// GET /health checks PostgreSQL and Redis for real: 200 when both answer, 503 naming what is down.
describe('GET /health (e2e)', () => {
  it('is 200 with both services up, without a token', async () => {
    const api = await startTestApi();
    try {
      const res = await request(api.http).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    } finally {
      await api.close();
    }
  });

  it('is 503 naming PostgreSQL when the database URL points nowhere, and the API still runs', async () => {
    const config = testConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const api = await startTestApi({ config, waitForDatabase: false });
    try {
      const res = await request(api.http).get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'error', postgres: 'down', redis: 'up', message: 'PostgreSQL 不可用' });
      // Routes that need the database answer 503 too, in the error body of API.md.
      const login = await request(api.http).post('/api/auth/login').send({ username: 'admin', password: 'x' });
      expect(login.status).toBe(503);
      expect(login.body.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await api.close();
    }
  });

  it('is 503 naming Redis when the Redis URL points nowhere', async () => {
    const api = await startTestApi({ overrides: { REDIS_URL: 'redis://127.0.0.1:1' }, redisReachable: false });
    try {
      const res = await request(api.http).get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', postgres: 'up', redis: 'down', message: 'Redis 不可用' });
    } finally {
      await api.close();
    }
  });
});
