import request from 'supertest';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

// Campaigns (年度申报批次) per API.md, with organisation scoping.
describe('campaigns (e2e)', () => {
  let api: TestApi;
  let w: World;
  let campaignA: string;

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  it('a reviewer creates a campaign for its own department; instants come back in +08:00', async () => {
    const res = await request(api.http).post('/api/campaigns').set('Authorization', w.tokens.reviewerA)
      .send(campaignBody(w.depts.A, { declarationDeadline: '2099-03-15T10:00:00Z' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      year: 2024,
      departmentId: w.depts.A,
      declarationDeadline: '2099-03-15T18:00:00+08:00',
      reviewWorkingDays: 5,
      resubmitWorkingDays: 5,
      selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00',
      selfEvaluationDeadline: '2100-04-30T18:00:00+08:00',
      reminderOffsets: ['P7D', 'P3D', 'P1D'],
      schemeVersion: null,
      createdAt: expect.stringMatching(/\+08:00$/),
    });
    campaignA = res.body.id;
  });

  it('defaults the self-evaluation opening to 1 January of the next year and the offsets to P7D/P3D/P1D', async () => {
    const body: Record<string, unknown> = campaignBody(w.depts.B, { year: 2025, selfEvaluationDeadline: '2026-04-30T18:00:00+08:00', declarationDeadline: '2025-03-15T18:00:00+08:00' });
    delete body.selfEvaluationOpensAt;
    delete body.reminderOffsets;
    const res = await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ selfEvaluationOpensAt: '2026-01-01T00:00:00+08:00', reminderOffsets: ['P7D', 'P3D', 'P1D'] });
  });

  it('refuses a reviewer creating a campaign for another department (403) and a unit user (403)', async () => {
    expect((await request(api.http).post('/api/campaigns').set('Authorization', w.tokens.reviewerB).send(campaignBody(w.depts.A))).status).toBe(403);
    expect((await request(api.http).post('/api/campaigns').set('Authorization', w.tokens.unitA1).send(campaignBody(w.depts.A))).status).toBe(403);
  });

  it('refuses inconsistent deadlines and bad offsets with 422 listing each problem', async () => {
    const res = await request(api.http).post('/api/campaigns').set('Authorization', w.admin)
      .send(campaignBody(w.depts.A, { selfEvaluationDeadline: '2099-01-01T00:00:00+08:00', reminderOffsets: ['P7D', 'one week'] }));
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['reminderOffsets[1]', 'selfEvaluationDeadline']);
  });

  it('refuses an unknown department id with 422 and a malformed body with 400', async () => {
    const unknown = await request(api.http).post('/api/campaigns').set('Authorization', w.admin)
      .send(campaignBody(w.units.A1));
    expect(unknown.status).toBe(422);
    const malformed = await request(api.http).post('/api/campaigns').set('Authorization', w.admin)
      .send({ ...campaignBody(w.depts.A), year: '2024', extra: true });
    expect(malformed.status).toBe(400);
  });

  it('scopes lists and reads: department A people see A, not B; admin sees both', async () => {
    const list = async (token: string, query = '') => (await request(api.http).get(`/api/campaigns${query}`).set('Authorization', token)).body.items.map((c: { departmentId: string }) => c.departmentId);
    expect(await list(w.tokens.reviewerA)).toEqual([w.depts.A]);
    expect(await list(w.tokens.unitA2)).toEqual([w.depts.A]);
    expect(await list(w.tokens.unitB1)).toEqual([w.depts.B]);
    expect((await list(w.admin)).sort()).toEqual([w.depts.A, w.depts.B].sort());
    expect(await list(w.admin, '?year=2025')).toEqual([w.depts.B]);
    expect(await list(w.tokens.reviewerB, `?departmentId=${w.depts.A}`)).toEqual([]);

    expect((await request(api.http).get(`/api/campaigns/${campaignA}`).set('Authorization', w.tokens.unitA1)).status).toBe(200);
    const hidden = await request(api.http).get(`/api/campaigns/${campaignA}`).set('Authorization', w.tokens.unitB1);
    const missing = await request(api.http).get(`/api/campaigns/00000000-0000-4000-8000-000000000000`).set('Authorization', w.tokens.unitB1);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
    expect((await request(api.http).get(`/api/campaigns/not-a-uuid`).set('Authorization', w.admin)).status).toBe(404);
  });
});
