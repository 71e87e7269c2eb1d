import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive, sendEvent } from './support/forms';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, PASSWORD, World } from './support/world';

// Optimistic concurrency (API.md VERSION_CONFLICT): two reviewers approving the same form at the
// same moment — exactly one 200, the other 409, one APPROVE row. Repeated 50 times.
describe('concurrent approvals (e2e)', () => {
  let api: TestApi;
  let w: World;
  let secondReviewer: string;
  const RACES = 50;
  const formIds: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    await request(api.http).post('/api/users').set('Authorization', w.admin).send({ username: 'reviewer-a2', password: PASSWORD, role: 'reviewer', orgId: w.depts.A });
    secondReviewer = await api.login('reviewer-a2', PASSWORD);
    const campaign = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
    for (let i = 0; i < RACES; i++) {
      const form = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaign))).body;
      await drive(api, form.id, [[w.tokens.unitA1, 'SUBMIT'], [w.tokens.reviewerA, 'START_REVIEW']]);
      formIds.push(form.id);
    }
  }, 120_000);
  afterAll(() => api.close());

  it(`has exactly one winner in each of ${RACES} races`, async () => {
    const outcomes = await Promise.all(
      formIds.map(async (id) => {
        const [a, b] = await Promise.all([
          sendEvent(api, w.tokens.reviewerA, id, { type: 'APPROVE', version: 3, approvedAmount: '1000000.00' }),
          sendEvent(api, secondReviewer, id, { type: 'APPROVE', version: 3, approvedAmount: '1200000.00' }),
        ]);
        return { id, statuses: [a.status, b.status].sort(), loser: a.status === 409 ? a.body : b.body };
      }),
    );
    for (const o of outcomes) {
      expect(o.statuses).toEqual([200, 409]);
      expect(o.loser.error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ currentVersion: 4 }] });
    }
    const rows: { form_id: string; n: number }[] = await api.db.source.query(
      `SELECT form_id, count(*)::int AS n FROM form_events WHERE type = 'APPROVE' AND form_id = ANY($1) GROUP BY form_id`,
      [formIds],
    );
    expect(rows).toHaveLength(RACES);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const revisions: { n: number }[] = await api.db.source.query(
      `SELECT count(*)::int AS n FROM form_revisions WHERE reason = 'approved' AND form_id = ANY($1)`, [formIds]);
    expect(revisions[0].n).toBe(RACES);
  });
});
