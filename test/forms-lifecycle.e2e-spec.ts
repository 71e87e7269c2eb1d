import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive, sendEvent } from './support/forms';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

// The lifecycle over HTTP (DESIGN §2, API.md "Forms"): drafts, events, history, revisions, outbox.
describe('forms lifecycle (e2e)', () => {
  let api: TestApi;
  let w: World;
  let campaignA: string;
  let campaignB: string;

  const get = (token: string, path: string) => request(api.http).get(path).set('Authorization', token);
  const createDraft = async (token: string, campaignId: string, overrides: Record<string, unknown> = {}) => {
    const res = await request(api.http).post('/api/forms').set('Authorization', token).send({ ...hotlineFormBody(campaignId), ...overrides });
    if (res.status !== 201) throw new Error(`create → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    campaignA = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
    campaignB = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.B))).body.id;
  });
  afterAll(() => api.close());

  describe('the full path draft → … → approved, with the 退回 → 重新申报 loop', () => {
    let formId: string;

    it('creates a draft in the caller unit with parsed targets and allowed events', async () => {
      const form = await createDraft(w.tokens.unitA1, campaignA);
      formId = form.id;
      expect(form).toMatchObject({
        campaignId: campaignA, unitId: w.units.A1, departmentId: w.depts.A, year: 2024,
        state: 'draft', stateLabel: '草稿', version: 1, allowedEvents: ['SUBMIT'], approvedAmount: null,
        funds: { total: '1819200.00', currentYear: '1819200.00', carryOver: '0.00', other: '0.00' },
      });
      expect(form.indicators[3]).toMatchObject({
        id: expect.any(String), name: '前端诉件受理量', target: '≥31000.00(件)',
        parsedTarget: { kind: 'quantitative', comparator: '>=', value: '31000.00', unit: '件' },
      });
      expect(form.indicators[8].parsedTarget).toEqual({ kind: 'qualitative', text: '健全' });
      expect(form.warnings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
      expect(form.createdAt).toMatch(/\+08:00$/);
    });

    it('shows the caller what it may do: nothing yet for the reviewer of the department', async () => {
      const res = await get(w.tokens.reviewerA, `/api/forms/${formId}`);
      expect(res.status).toBe(200);
      expect(res.body.allowedEvents).toEqual([]);
    });

    it('updates the draft with the current version, keeps indicator ids, and refuses a stale version', async () => {
      const current = (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body;
      const body = { ...hotlineFormBody(campaignA), indicators: current.indicators.map((i: Record<string, unknown>) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target })), version: 1 };
      delete (body as Record<string, unknown>).campaignId;
      body.projectName = '热线服务保障经费（2024）';
      const ok = await request(api.http).put(`/api/forms/${formId}`).set('Authorization', w.tokens.unitA1).send(body);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ version: 2, projectName: '热线服务保障经费（2024）' });
      expect(ok.body.indicators.map((i: { id: string }) => i.id)).toEqual(current.indicators.map((i: { id: string }) => i.id));

      const stale = await request(api.http).put(`/api/forms/${formId}`).set('Authorization', w.tokens.unitA1).send(body);
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ currentVersion: 2 }] });
      expect((await get(w.tokens.unitA1, `/api/forms/${formId}`)).body.version).toBe(2);
    });

    it('submits, withdraws and submits again', async () => {
      const submitted = await sendEvent(api, w.tokens.unitA1, formId, { type: 'SUBMIT', version: 2 });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ state: 'declared', stateLabel: '已申报', version: 3, allowedEvents: ['WITHDRAW'] });
      const form = await drive(api, formId, [[w.tokens.unitA1, 'WITHDRAW'], [w.tokens.unitA1, 'SUBMIT']]);
      expect(form).toMatchObject({ state: 'declared', version: 5 });
    });

    it('a RETURN needs a comment (422); with one the form goes back to the unit', async () => {
      const reviewing = await drive(api, formId, [[w.tokens.reviewerA, 'START_REVIEW']]);
      expect(reviewing).toMatchObject({ state: 'reviewing', allowedEvents: ['APPROVE', 'RETURN'] });
      const bare = await sendEvent(api, w.tokens.reviewerA, formId, { type: 'RETURN', version: reviewing.version });
      expect(bare.status).toBe(422);
      expect(bare.body.error.details).toEqual([expect.objectContaining({ path: 'comment', message: expect.stringContaining('退回意见') })]);
      const returned = await sendEvent(api, w.tokens.reviewerA, formId, { type: 'RETURN', version: reviewing.version, comment: '请细化质量指标' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ state: 'returned', stateLabel: '退回修改' });
    });

    it('the unit edits the returned form and resubmits; the loop runs a second time', async () => {
      let form = (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body;
      const { campaignId: _c, ...content } = hotlineFormBody(campaignA);
      const edited = await request(api.http).put(`/api/forms/${formId}`).set('Authorization', w.tokens.unitA1).send({ ...content, version: form.version });
      expect(edited.status).toBe(200);
      form = await drive(api, formId, [
        [w.tokens.unitA1, 'SUBMIT'],
        [w.tokens.reviewerA, 'START_REVIEW'],
        [w.tokens.reviewerA, 'RETURN', { comment: '满意度指标请写明调查方式' }],
        [w.tokens.unitA1, 'SUBMIT'],
        [w.tokens.reviewerA, 'START_REVIEW'],
      ]);
      expect(form.state).toBe('reviewing');
    });

    it('APPROVE needs an amount ≤ the requested total (422), then approves', async () => {
      const form = (await get(w.tokens.reviewerA, `/api/forms/${formId}`)).body;
      const tooMuch = await sendEvent(api, w.tokens.reviewerA, formId, { type: 'APPROVE', version: form.version, approvedAmount: '1819200.01' });
      expect(tooMuch.status).toBe(422);
      const missing = await sendEvent(api, w.tokens.reviewerA, formId, { type: 'APPROVE', version: form.version });
      expect(missing.status).toBe(422);
      const approved = await sendEvent(api, w.tokens.reviewerA, formId, { type: 'APPROVE', version: form.version, approvedAmount: '1800000' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ state: 'approved', stateLabel: '已批复', approvedAmount: '1800000.00', allowedEvents: [] });
    });

    it('refuses an event the state does not accept with 409 listing the allowed events', async () => {
      const form = (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body;
      const res = await sendEvent(api, w.tokens.unitA1, formId, { type: 'SUBMIT', version: form.version });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentState: 'approved', allowedEvents: [] }] });
      const admin = await sendEvent(api, w.admin, formId, { type: 'WITHDRAW', version: form.version });
      expect(admin.body.error.details[0].allowedEvents).toEqual(['OPEN_SELF_EVALUATION']);
    });

    it('refuses content edits outside draft and returned (409 NOT_EDITABLE)', async () => {
      const form = (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body;
      const { campaignId: _c, ...content } = hotlineFormBody(campaignA);
      const res = await request(api.http).put(`/api/forms/${formId}`).set('Authorization', w.tokens.unitA1).send({ ...content, version: form.version });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('NOT_EDITABLE');
    });

    it('keeps the whole history with actors, comments and a valid hash chain', async () => {
      const res = await get(w.tokens.reviewerA, `/api/forms/${formId}/history`);
      expect(res.status).toBe(200);
      expect(res.body.chainValid).toBe(true);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
        'CREATE', 'UPDATE', 'SUBMIT', 'WITHDRAW', 'SUBMIT', 'START_REVIEW', 'RETURN', 'UPDATE',
        'SUBMIT', 'START_REVIEW', 'RETURN', 'SUBMIT', 'START_REVIEW', 'APPROVE',
      ]);
      expect(res.body.events.map((e: { seq: number }) => e.seq)).toEqual([...Array(14).keys()].map((i) => i + 1));
      const ret = res.body.events[6];
      expect(ret).toMatchObject({ from: 'reviewing', to: 'returned', comment: '请细化质量指标', actor: { id: w.userIds.reviewerA, username: 'reviewer-a', role: 'reviewer' } });
      expect(res.body.events.at(-1).payload).toEqual({ approvedAmount: '1800000.00' });
    });

    it('froze a revision at every SUBMIT and at APPROVE; the approved one is the baseline', async () => {
      const res = await get(w.tokens.unitA1, `/api/forms/${formId}/revisions`);
      expect(res.status).toBe(200);
      expect(res.body.revisions.map((r: { reason: string; baseline: boolean }) => [r.reason, r.baseline])).toEqual([
        ['submitted', false], ['submitted', false], ['submitted', false], ['submitted', false], ['approved', true],
      ]);
      expect(res.body.revisions[0].content.projectName).toBe('热线服务保障经费（2024）');
      expect(res.body.revisions[4]).toMatchObject({ approvedAmount: '1800000.00', content: { projectName: '热线服务保障经费' } });
    });

    it('wrote deadlines and notifications with the events, and nothing is left pending once approved', async () => {
      const deadlines: { kind: string; status: string }[] = await api.db.source.query(
        `SELECT kind, status FROM deadlines WHERE form_id = $1 ORDER BY id`, [formId]);
      // Four submissions started a review clock each (ended by WITHDRAW, RETURN, RETURN, APPROVE);
      // two returns started a resubmission clock each (ended by the next SUBMIT).
      expect(deadlines.map((d) => d.kind)).toEqual(['review', 'review', 'resubmission', 'review', 'resubmission', 'review']);
      expect(deadlines.every((d) => d.status === 'cancelled')).toBe(true);
      const pending = await api.db.source.query(
        `SELECT count(*)::int AS n FROM reminders r JOIN deadlines d ON d.id = r.deadline_id WHERE d.form_id = $1 AND r.status = 'pending'`, [formId]);
      expect(pending[0].n).toBe(0);

      const notes: { kind: string; username: string; body: string }[] = await api.db.source.query(
        `SELECT n.kind, u.username, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.form_id = $1 ORDER BY n.created_at, n.kind`, [formId]);
      expect(notes.map((n) => `${n.kind}→${n.username}`)).toEqual([
        'FORM_SUBMITTED→reviewer-a', 'FORM_SUBMITTED→reviewer-a', 'FORM_RETURNED→unit-a1', 'FORM_SUBMITTED→reviewer-a',
        'FORM_RETURNED→unit-a1', 'FORM_SUBMITTED→reviewer-a', 'FORM_APPROVED→unit-a1',
      ]);
      expect(notes[2].body).toContain('退回意见：请细化质量指标');
      expect(notes.at(-1)!.body).toContain('批复金额 1,800,000.00 元');
      const outbox = await api.db.source.query(`SELECT type FROM outbox WHERE form_id = $1`, [formId]);
      expect(outbox).toEqual([]);
    });
  });

  it('a second department runs its own forms through to approval', async () => {
    const form = await createDraft(w.tokens.unitB1, campaignB);
    const done = await drive(api, form.id, [
      [w.tokens.unitB1, 'SUBMIT'],
      [w.tokens.reviewerB, 'START_REVIEW'],
      [w.tokens.reviewerB, 'APPROVE', { approvedAmount: '1819200.00' }],
    ]);
    expect(done).toMatchObject({ state: 'approved', departmentId: w.depts.B, unitId: w.units.B1 });
    // The other department's reviewer cannot even see it.
    expect((await get(w.tokens.reviewerA, `/api/forms/${form.id}`)).status).toBe(404);
  });

  it('a unit cannot approve its own form under review (403)', async () => {
    const form = await createDraft(w.tokens.unitA2, campaignA);
    const reviewing = await drive(api, form.id, [[w.tokens.unitA2, 'SUBMIT'], [w.tokens.reviewerA, 'START_REVIEW']]);
    const res = await sendEvent(api, w.tokens.unitA2, form.id, { type: 'APPROVE', version: reviewing.version, approvedAmount: '1.00' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  describe('submission guards', () => {
    it('refuses SUBMIT with 422 listing every failed pre-check with its path', async () => {
      const form = await createDraft(w.tokens.unitA1, campaignA, {
        plannedEnd: '2023-12-31',
        funds: { total: '100.00', currentYear: '50.00', carryOver: '0.00', other: '0.00' },
      });
      expect(form.warnings.filter((f: { severity: string }) => f.severity === 'error').length).toBeGreaterThan(0);
      const res = await sendEvent(api, w.tokens.unitA1, form.id, { type: 'SUBMIT', version: 1 });
      expect(res.status).toBe(422);
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['plannedEnd', 'funds.total']));
      expect((await get(w.tokens.unitA1, `/api/forms/${form.id}`)).body.state).toBe('draft');
    });

    it('refuses a first submission after the declaration deadline (resubmissions: see the machine spec)', async () => {
      const late = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin)
        .send(campaignBody(w.depts.A, { declarationDeadline: '2024-01-01T00:00:00+08:00', selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00' }))).body.id;
      const form = await createDraft(w.tokens.unitA1, late);
      const res = await sendEvent(api, w.tokens.unitA1, form.id, { type: 'SUBMIT', version: 1 });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].message).toContain('截止');
    });

    it('refuses a target that cannot be parsed at creation (422)', async () => {
      const body = hotlineFormBody(campaignA);
      body.indicators[3].target = '≥31000.00(件';
      const res = await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(body);
      expect(res.status).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ path: 'indicators[3].target' });
    });
  });

  describe('integrity in the database', () => {
    let formId: string;
    beforeAll(async () => {
      formId = (await createDraft(w.tokens.unitA1, campaignA)).id;
      await drive(api, formId, [[w.tokens.unitA1, 'SUBMIT']]);
    });

    it.each([
      ['UPDATE', `UPDATE form_events SET comment = 'x' WHERE form_id = $1`],
      ['DELETE', `DELETE FROM form_events WHERE form_id = $1`],
    ])('refuses %s of an event row', async (_op, sql) => {
      await expect(api.db.source.query(sql, [formId])).rejects.toThrow(/append-only/);
    });

    it('refuses a state change without an event row', async () => {
      await expect(api.db.source.query(`UPDATE forms SET state = 'approved' WHERE id = $1`, [formId])).rejects.toThrow(/without a form_events row/);
      expect((await get(w.tokens.unitA1, `/api/forms/${formId}`)).body.state).toBe('declared');
    });

    it('reports a tampered event row as chainValid = false', async () => {
      // Tampering needs the trigger out of the way: what an attacker with table-owner rights could do.
      await api.db.source.transaction(async (m) => {
        await m.query(`ALTER TABLE form_events DISABLE TRIGGER form_events_append_only`);
        await m.query(`UPDATE form_events SET actor_username = 'someone-else' WHERE form_id = $1 AND seq = 2`, [formId]);
        await m.query(`ALTER TABLE form_events ENABLE TRIGGER form_events_append_only`);
      });
      const res = await get(w.admin, `/api/forms/${formId}/history`);
      expect(res.body).toMatchObject({ chainValid: false, brokenAtSeq: 2 });
    });
  });

  describe('idempotency', () => {
    it('replays the first response for a repeated Idempotency-Key, with one event row', async () => {
      const form = await createDraft(w.tokens.unitA1, campaignA);
      const first = await sendEvent(api, w.tokens.unitA1, form.id, { type: 'SUBMIT', version: 1 }, 'submit-once-1');
      const again = await sendEvent(api, w.tokens.unitA1, form.id, { type: 'SUBMIT', version: 1 }, 'submit-once-1');
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const [{ n }] = await api.db.source.query(`SELECT count(*)::int AS n FROM form_events WHERE form_id = $1 AND type = 'SUBMIT'`, [form.id]);
      expect(n).toBe(1);
      const other = await sendEvent(api, w.tokens.unitA1, form.id, { type: 'WITHDRAW', version: 2 }, 'submit-once-1');
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('lists', () => {
    it('filters and pages, within the caller scope only', async () => {
      const page = await get(w.tokens.reviewerA, `/api/forms?campaignId=${campaignA}&pageSize=2&page=1`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(2);
      const all = await get(w.tokens.reviewerA, `/api/forms?pageSize=100`);
      expect(all.body.items.every((f: { departmentId: string }) => f.departmentId === w.depts.A)).toBe(true);
      const unitA2 = await get(w.tokens.unitA2, `/api/forms?pageSize=100`);
      expect(unitA2.body.items.every((f: { unitId: string }) => f.unitId === w.units.A2)).toBe(true);
      const approved = await get(w.admin, `/api/forms?state=approved&pageSize=100`);
      expect(approved.body.items.map((f: { state: string }) => f.state)).toEqual(approved.body.items.map(() => 'approved'));
      expect((await get(w.tokens.unitB1, `/api/forms?unitId=${w.units.A1}`)).body).toMatchObject({ items: [], total: 0 });
    });
  });
});
