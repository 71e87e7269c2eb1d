import request from 'supertest';
import { startTestApi, TestApi } from './support/test-api';

// Login is rate limited per client address (LOGIN_RATE_LIMIT per minute), with counters in Redis.
describe('login rate limiting (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ overrides: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => api.close());

  it('answers 429 RATE_LIMITED after LOGIN_RATE_LIMIT attempts in a minute', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await request(api.http).post('/api/auth/login').send({ username: 'nobody', password: 'Wrong-pass1' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last!.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('频繁') });
    expect(Number(last!.headers['retry-after-login'] ?? last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('shares its counters through Redis, so a second API process sees the same limit', async () => {
    const second = await startTestApi({ config: api.config });
    try {
      const res = await request(second.http).post('/api/auth/login').send({ username: 'nobody', password: 'Wrong-pass1' });
      expect(res.status).toBe(429);
    } finally {
      await second.app.close(); // the database and prefix belong to the first instance
    }
  });

  it('does not limit other routes', async () => {
    for (let i = 0; i < 5; i++) expect((await request(api.http).get('/health')).status).toBe(200);
  });
});
