import request from 'supertest';
import { startTestApi, TestApi } from './support/test-api';
import { createWorld, World } from './support/world';

// Operations: the queue dashboard (admins only) and Prometheus metrics.
describe('operations (e2e)', () => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  it('serves the queue dashboard to an admin, by bearer token or cookie', async () => {
    const res = await request(api.http).get('/admin/queues').set('Authorization', w.admin);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html');
    const cookie = await request(api.http).get('/admin/queues').set('Cookie', `jixiao_token=${w.admin.slice('Bearer '.length)}`);
    expect(cookie.status).toBe(200);
    const queues = await request(api.http).get('/admin/queues/api/queues').set('Authorization', w.admin);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['deliveries', 'lifecycle', 'reminders', 'reports', 'system']);
  });

  it('refuses the dashboard without a token (401) and to a unit user or reviewer (403)', async () => {
    const none = await request(api.http).get('/admin/queues');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect((await request(api.http).get('/admin/queues').set('Authorization', w.tokens.unitA1)).status).toBe(403);
    expect((await request(api.http).get('/admin/queues/api/queues').set('Authorization', w.tokens.reviewerA)).status).toBe(403);
  });

  it('exposes Prometheus metrics for queues, reminders and deliveries', async () => {
    const res = await request(api.http).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/jixiao_queue_jobs\{queue="reminders",state="waiting"\} \d+/);
    expect(res.text).toMatch(/jixiao_reminders\{status="pending"\} \d+/);
    expect(res.text).toMatch(/jixiao_reminder_lateness_seconds\{quantile="0.99"\} [\d.]+/);
  });
});
