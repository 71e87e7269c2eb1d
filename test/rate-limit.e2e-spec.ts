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

  it('does not believe X-Forwarded-For without TRUST_PROXY: a client cannot pick a fresh address', async () => {
    const res = await request(api.http).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.99').send({ username: 'nobody', password: 'Wrong-pass1' });
    expect(res.status).toBe(429);
  });
});

// Behind a reverse proxy every connection comes from the proxy. With TRUST_PROXY naming it, each
// client behind it has its own limit and the audit log names the client, not the proxy.
describe('login rate limiting behind a trusted proxy (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ overrides: { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => api.close());

  const attempt = (client: string) =>
    request(api.http).post('/api/auth/login').set('X-Forwarded-For', client).send({ username: 'nobody', password: 'Wrong-pass1' });

  it('counts per client the proxy names', async () => {
    expect([(await attempt('198.51.100.7')).status, (await attempt('198.51.100.7')).status, (await attempt('198.51.100.7')).status]).toEqual([401, 401, 429]);
    // Another person in the same office, through the same proxy, can still sign in.
    expect((await attempt('198.51.100.8')).status).toBe(401);
  });

  it('records the client address in the security audit log', async () => {
    const rows: { ip: string }[] = await api.db.source.query(`SELECT ip FROM security_audit_log WHERE event = 'LOGIN_FAILED' ORDER BY id`);
    expect(rows.map((r) => r.ip)).toEqual(['198.51.100.7', '198.51.100.7', '198.51.100.8']);
  });
});
