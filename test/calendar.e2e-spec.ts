import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

// Working days of a year chinese-days does not know (2027) must be loaded by an admin; until then a
// deadline in that year is refused, never guessed (issue "Deadlines and reminders", item 1).
describe('calendar years (e2e)', () => {
  let api: TestApi;
  let w: World;
  // The API's clock: Monday 4 January 2027, 10:00 in Beijing.
  const now = new Date('2027-01-04T02:00:00Z');
  const year2027 = {
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    workdays: ['2027-02-13', '2027-02-14'],
  };

  beforeAll(async () => {
    api = await startTestApi({ now });
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  it('lists the years with data and where they come from', async () => {
    const res = await request(api.http).get('/api/calendar').set('Authorization', w.tokens.unitA1);
    expect(res.status).toBe(200);
    expect(res.body.years).toContainEqual({ year: 2026, source: 'chinese-days' });
    expect(res.body.years.find((y: { year: number }) => y.year === 2027)).toBeUndefined();
    expect((await request(api.http).get('/api/calendar/2025').set('Authorization', w.tokens.unitA1)).body.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect((await request(api.http).get('/api/calendar/2027').set('Authorization', w.tokens.unitA1)).status).toBe(404);
  });

  it('refuses a submission whose review deadline falls in a year without data (422), then accepts it once loaded', async () => {
    const campaign = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin)
      .send(campaignBody(w.depts.A, { year: 2027, declarationDeadline: '2027-03-15T18:00:00+08:00', selfEvaluationOpensAt: '2028-01-01T00:00:00+08:00', selfEvaluationDeadline: '2028-04-30T18:00:00+08:00' }))).body.id;
    const form = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1)
      .send({ ...hotlineFormBody(campaign), plannedStart: '2027-01-01', plannedEnd: '2027-12-31' })).body;
    const refused = await request(api.http).post(`/api/forms/${form.id}/events`).set('Authorization', w.tokens.unitA1).send({ type: 'SUBMIT', version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ rule: 'calendar.yearMissing', year: 2027 });
    expect(refused.body.error.message).toContain('2027 年的节假日安排尚未导入');

    expect((await request(api.http).put('/api/calendar/2027').set('Authorization', w.tokens.reviewerA).send(year2027)).status).toBe(403);
    const loaded = await request(api.http).put('/api/calendar/2027').set('Authorization', w.admin).send(year2027);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, source: 'admin', workdays: year2027.workdays });

    const accepted = await request(api.http).post(`/api/forms/${form.id}/events`).set('Authorization', w.tokens.unitA1).send({ type: 'SUBMIT', version: 1 });
    expect(accepted.status).toBe(200);
    // Monday 4 Jan + 5 working days (5 to 11 Jan; 9 and 10 are a weekend) ends at 24:00 on Monday 11 January, Beijing time.
    const [deadline] = await api.db.source.query(`SELECT due_at FROM deadlines WHERE form_id = $1 AND kind = 'review'`, [form.id]);
    expect((deadline.due_at as Date).toISOString()).toBe('2027-01-11T16:00:00.000Z');
  });

  it('refuses inconsistent year data with 422 naming each problem', async () => {
    const res = await request(api.http).put('/api/calendar/2028').set('Authorization', w.admin)
      .send({ holidays: ['2028-01-01', '2029-01-01', '2028-02-30'], workdays: ['2028-01-01'] });
    expect(res.status).toBe(422);
    const rules = res.body.error.details.map((d: { rule: string }) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['calendar.outsideYear', 'calendar.date', 'calendar.conflict']));
    expect((await request(api.http).put('/api/calendar/abc').set('Authorization', w.admin).send(year2027)).status).toBe(404);
  });
});
