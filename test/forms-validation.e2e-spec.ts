import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

// Malformed bodies are the client's fault: 400 (shape) or 422 (rules), never 500, and nothing is stored.
describe('form body validation (e2e)', () => {
  let api: TestApi;
  let w: World;
  let campaign: string;

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    campaign = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
  });
  afterAll(() => api.close());

  const post = (body: unknown) => request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(body as object);
  const withFunds = (funds: Record<string, unknown>) => ({ ...hotlineFormBody(campaign), funds: { ...hotlineFormBody(campaign).funds, ...funds } });

  it.each([
    ['money as a number', () => withFunds({ total: 1819200 }), 'funds.total'],
    ['money with 3 decimals', () => withFunds({ total: '1819200.001' }), 'funds.total'],
    ['a negative amount', () => withFunds({ carryOver: '-5.00' }), 'funds.carryOver'],
    ['money in scientific notation', () => withFunds({ other: '1e3' }), 'funds.other'],
    ['an unknown field', () => ({ ...hotlineFormBody(campaign), colour: 'red' }), 'colour'],
    ['an unknown nested field', () => withFunds({ bonus: '1.00' }), 'funds.bonus'],
    ['a wrong type', () => ({ ...hotlineFormBody(campaign), projectName: 42 }), 'projectName'],
    ['indicators not an array', () => ({ ...hotlineFormBody(campaign), indicators: 'none' }), 'indicators'],
    ['a bad date', () => ({ ...hotlineFormBody(campaign), plannedStart: '2024/01/01' }), 'plannedStart'],
    ['a missing field', () => { const b: Record<string, unknown> = hotlineFormBody(campaign); delete b.annualGoal; return b; }, 'annualGoal'],
    ['a 10 MB string', () => ({ ...hotlineFormBody(campaign), overallGoal: '绩'.repeat(10 * 1024 * 1024 / 3) }), 'overallGoal'],
  ])('%s → 400 naming %s', async (_what, body, path) => {
    const res = await post(body());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('a weight with too many decimals → 400 at its indicator', async () => {
    const body = hotlineFormBody(campaign);
    (body.indicators[0] as Record<string, unknown>).weight = '10.005';
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('indicators[0].weight');
  });

  it('an unparseable target → 422 naming the indicator', async () => {
    const body = hotlineFormBody(campaign);
    body.indicators[5].target = '>=<=5';
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'indicators[5].target' })]);
  });

  it('an event with a bad amount → 400; an unknown event type → 400', async () => {
    const form = (await post(hotlineFormBody(campaign))).body;
    const amount = await request(api.http).post(`/api/forms/${form.id}/events`).set('Authorization', w.tokens.unitA1).send({ type: 'APPROVE', version: 1, approvedAmount: 900000 });
    expect(amount.status).toBe(400);
    const type = await request(api.http).post(`/api/forms/${form.id}/events`).set('Authorization', w.tokens.unitA1).send({ type: 'PUBLISH', version: 1 });
    expect(type.status).toBe(400);
    const version = await request(api.http).post(`/api/forms/${form.id}/events`).set('Authorization', w.tokens.unitA1).send({ type: 'SUBMIT', version: '1' });
    expect(version.status).toBe(400);
  });

  it('stored nothing for any refused body', async () => {
    const [{ n }] = await api.db.source.query(`SELECT count(*)::int AS n FROM forms`);
    expect(n).toBe(1); // the one created by the event test above
  });
});
