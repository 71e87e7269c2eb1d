import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApi, TestApi } from '../support/test-api';
import { buildWebPage } from './support/browser';

// The API serves the built web page at `/` (README "Web page"): its files, index.html for the page's
// own addresses, never in place of an API route or a missing asset, with a same-origin-only CSP.
describe('serving the web page (e2e)', () => {
  let api: TestApi;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = buildWebPage();
    api = await startTestApi({ overrides: { WEB_ROOT: webRoot } });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers / and the page addresses with index.html, not cached, under a same-origin CSP', async () => {
    for (const address of ['/', '/forms/3f1c6d2e-0000-4000-8000-000000000000', '/review?campaignId=x', '/login', '/admin/orgs']) {
      const res = await request(api.http).get(address);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<html lang="zh-CN">');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('serves the hashed assets as immutable, and a missing asset is a 404, not the page', async () => {
    const js = readdirSync(path.join(webRoot, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await request(api.http).get(`/assets/${js}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    const missing = await request(api.http).get('/assets/nothing-here.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<html');
  });

  it('leaves the API, health and operations routes to the API', async () => {
    const unknown = await request(api.http).get('/api/no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND' });
    const health = await request(api.http).get('/health');
    expect(health.headers['content-type']).toMatch(/json/);
    // The queue dashboard is the API's (admins only), not a page address.
    const queues = await request(api.http).get('/admin/queues');
    expect(queues.status).toBe(401);
    expect(queues.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    const me = await request(api.http).get('/api/auth/me');
    expect(me.status).toBe(401);
    // A write to a page address is not the page.
    const post = await request(api.http).post('/forms').send({});
    expect(post.status).toBe(404);
    expect(post.text).not.toContain('<html');
  });
});
