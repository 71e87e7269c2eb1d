import http from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive } from './support/forms';
import { deleteKeysWithPrefix } from './support/redis-cleanup';
import { startTestApi, TestApi } from './support/test-api';
import { testConfig } from './support/test-config';
import { waitFor } from './support/wait-for';
import { createWorld, PASSWORD, World } from './support/world';

// Deadlines and reminders end to end (DESIGN §3): the real API and worker, PostgreSQL and Redis,
// with offsets of seconds. A webhook receiver in the test fails twice before it accepts.
describe('reminders (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let w: World;
  let receiver: http.Server;
  const received: { id: string; kind: string; title: string }[] = [];
  let receiverFailures = 0;

  const inbox = async (token: string) =>
    (await request(api.http).get('/api/notifications?limit=200').set('Authorization', token)).body.items as {
      id: string; kind: string; formId: string; title: string; body: string; readAt: string | null;
    }[];
  const kindsFor = async (token: string, formId: string) =>
    (await inbox(token)).filter((n) => n.formId === formId).map((n) => n.kind).sort();
  const campaign = async (declarationInSeconds: number, offsets: string[]) =>
    (
      await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send({
        year: 2024, departmentId: w.depts.A, reviewWorkingDays: 5, resubmitWorkingDays: 5,
        declarationDeadline: new Date(Date.now() + declarationInSeconds * 1000).toISOString(),
        selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00', selfEvaluationDeadline: '2100-04-30T18:00:00+08:00',
        reminderOffsets: offsets,
      })
    ).body.id as string;
  const draft = async (campaignId: string, token = w.tokens.unitA1) =>
    (await request(api.http).post('/api/forms').set('Authorization', token).send(hotlineFormBody(campaignId))).body.id as string;
  /** Brings a form's pending reminders `seconds` from now: the review and resubmission clocks run in working days. */
  const moveRemindersOf = async (formId: string, kind: string, seconds: number) =>
    api.db.source.query(
      `UPDATE reminders r SET fire_at = now() + make_interval(secs => $3 + CASE WHEN r.step = 'overdue' THEN 2 ELSE 0 END)
         FROM deadlines d WHERE d.id = r.deadline_id AND d.form_id = $1 AND d.kind = $2 AND r.status = 'pending'`,
      [formId, kind, seconds],
    );

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        // The first two deliveries fail: the message must still arrive, once.
        if (receiverFailures < 2) {
          receiverFailures++;
          res.writeHead(503).end();
          return;
        }
        const msg = JSON.parse(body) as { id: string; kind: string; title: string };
        received.push({ id: msg.id, kind: msg.kind, title: msg.title });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const config = testConfig({
      WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      DELIVERY_BACKOFF_MS: '200',
      DELIVERY_ATTEMPTS: '5',
    });
    api = await startTestApi({ config });
    w = await createWorld(api);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await new Promise((r) => receiver.close(r));
  });

  it('reminds the unit of a draft before the deadline, then sends the overdue notice and escalates', async () => {
    const c = await campaign(5, ['PT3S', 'PT1S']);
    const formId = await draft(c);
    await waitFor(async () => (await kindsFor(w.tokens.unitA1, formId)).length === 3, { timeoutMs: 20_000, what: 'the reminders and the overdue notice' });
    expect(await kindsFor(w.tokens.unitA1, formId)).toEqual(['DECLARATION_DUE', 'DECLARATION_DUE', 'DECLARATION_OVERDUE']);
    // The overdue notice escalates to the department's reviewers; the unit next door hears nothing.
    expect(await kindsFor(w.tokens.reviewerA, formId)).toEqual(['DECLARATION_OVERDUE']);
    expect(await kindsFor(w.tokens.unitA2, formId)).toEqual([]);
    const [due] = (await inbox(w.tokens.unitA1)).filter((n) => n.formId === formId && n.kind === 'DECLARATION_DUE');
    expect(due.title).toBe('申报截止提醒：热线服务保障经费');
    expect(due.body).toMatch(/申报将于 \d{4}年\d{2}月\d{2}日 \d{2}:\d{2} 截止/);
    // Each reminder was sent once: no later sweep repeats it.
    const reminders = await api.db.source.query(
      `SELECT r.status, r.notified FROM reminders r JOIN deadlines d ON d.id = r.deadline_id WHERE d.campaign_id = $1 ORDER BY r.fire_at`, [c]);
    expect(reminders).toEqual([{ status: 'done', notified: 1 }, { status: 'done', notified: 1 }, { status: 'done', notified: 2 }]);
  });

  it('sends nothing about a form that was submitted before its reminder fired', async () => {
    const c = await campaign(4, ['PT2S']);
    const formId = await draft(c);
    await drive(api, formId, [[w.tokens.unitA1, 'SUBMIT']]);
    await waitFor(async () => {
      const [r] = await api.db.source.query(
        `SELECT count(*)::int AS n FROM reminders r JOIN deadlines d ON d.id = r.deadline_id WHERE d.campaign_id = $1 AND r.status = 'done'`, [c]);
      return r.n === 2;
    }, { timeoutMs: 15_000, what: 'both reminders to be processed' });
    expect((await kindsFor(w.tokens.unitA1, formId)).filter((k) => k.startsWith('DECLARATION'))).toEqual([]);
  });

  it('reminds the reviewers of a waiting review and escalates when it is overdue', async () => {
    const c = await campaign(3600, ['P1D']);
    const formId = await draft(c);
    await drive(api, formId, [[w.tokens.unitA1, 'SUBMIT']]);
    expect(await kindsFor(w.tokens.reviewerA, formId)).toEqual(['FORM_SUBMITTED']);
    await moveRemindersOf(formId, 'review', 1);
    await waitFor(async () => (await kindsFor(w.tokens.reviewerA, formId)).length === 3, { timeoutMs: 15_000, what: 'the review reminders' });
    expect(await kindsFor(w.tokens.reviewerA, formId)).toEqual(['FORM_SUBMITTED', 'REVIEW_DUE', 'REVIEW_OVERDUE']);
  });

  it('reminds the unit of a returned form to resubmit, with the overdue notice escalated', async () => {
    const c = await campaign(3600, ['P1D']);
    const formId = await draft(c);
    await drive(api, formId, [[w.tokens.unitA1, 'SUBMIT'], [w.tokens.reviewerA, 'START_REVIEW'], [w.tokens.reviewerA, 'RETURN', { comment: '请补充' }]]);
    await moveRemindersOf(formId, 'resubmission', 1);
    await waitFor(async () => (await kindsFor(w.tokens.unitA1, formId)).includes('RESUBMIT_OVERDUE'), { timeoutMs: 15_000, what: 'the resubmission reminders' });
    expect(await kindsFor(w.tokens.unitA1, formId)).toEqual(['FORM_RETURNED', 'RESUBMIT_DUE', 'RESUBMIT_OVERDUE']);
    expect(await kindsFor(w.tokens.reviewerA, formId)).toEqual(['FORM_SUBMITTED', 'RESUBMIT_OVERDUE']);
  });

  it('still delivers every pending reminder exactly once after Redis lost its data', async () => {
    const c = await campaign(8, ['PT6S', 'PT4S']);
    const forms = [await draft(c), await draft(c, w.tokens.unitA2)];
    // What FLUSHALL does to this instance (the other test files share the Redis server, so only our prefix goes).
    await deleteKeysWithPrefix(api.config.redisUrl, api.config.queuePrefix);
    await waitFor(
      async () => (await Promise.all(forms.map((f, i) => kindsFor(i ? w.tokens.unitA2 : w.tokens.unitA1, f)))).every((k) => k.length === 3),
      { timeoutMs: 40_000, what: 'every reminder after the flush' },
    );
    for (const [i, f] of forms.entries()) {
      expect(await kindsFor(i ? w.tokens.unitA2 : w.tokens.unitA1, f)).toEqual(['DECLARATION_DUE', 'DECLARATION_DUE', 'DECLARATION_OVERDUE']);
    }
  });

  it('delivers to the webhook although the receiver failed twice, once per notification', async () => {
    await waitFor(async () => {
      const [p] = await api.db.source.query(`SELECT count(*)::int AS n FROM deliveries WHERE status <> 'sent'`);
      return p.n === 0;
    }, { timeoutMs: 30_000, what: 'every delivery to be sent' });
    expect(receiverFailures).toBe(2);
    const ids = received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [all] = await api.db.source.query(`SELECT count(*)::int AS n FROM notifications`);
    expect(ids.length).toBe(all.n);
    const [retried] = await api.db.source.query(`SELECT max(attempts)::int AS n FROM deliveries`);
    expect(retried.n).toBeGreaterThanOrEqual(2);
    // Admins see what is not through yet: nothing now, and the counts by status.
    const admin = await request(api.http).get('/api/admin/deliveries').set('Authorization', w.admin);
    expect(admin.status).toBe(200);
    expect(admin.body.items).toEqual([]);
    expect(admin.body.counts).toEqual([{ channel: 'webhook', status: 'sent', n: all.n }]);
    expect((await request(api.http).get('/api/admin/deliveries').set('Authorization', w.tokens.reviewerA)).status).toBe(403);
  });

  it('催办 notifies the unit once per 24 hours', async () => {
    const c = await campaign(3600, ['P1D']);
    const formId = await draft(c);
    const first = await request(api.http).post(`/api/forms/${formId}/urge`).set('Authorization', w.tokens.reviewerA).send({ note: '请本周内提交' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ notified: 1 });
    const again = await request(api.http).post(`/api/forms/${formId}/urge`).set('Authorization', w.admin).send({});
    expect(again.status).toBe(429);
    expect(again.body.error.message).toContain('24 小时内已催办');
    const urge = (await inbox(w.tokens.unitA1)).find((n) => n.formId === formId && n.kind === 'URGE')!;
    expect(urge.body).toContain('请本周内提交');
    const read = await request(api.http).post(`/api/notifications/${urge.id}/read`).set('Authorization', w.tokens.unitA1);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toMatch(/\+08:00$/);
    const unread = (await request(api.http).get('/api/notifications?unread=true').set('Authorization', w.tokens.unitA1)).body;
    expect(unread.items.find((n: { id: string }) => n.id === urge.id)).toBeUndefined();
    expect(typeof unread.unread).toBe('number');
  });

  it('sends users with an e-mail address nothing by e-mail when SMTP is not configured', async () => {
    const res = await request(api.http).post('/api/users').set('Authorization', w.admin)
      .send({ username: 'unit-a1-mail', password: PASSWORD, role: 'unit', orgId: w.units.A1, email: 'a1@example.gov.cn' });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe('a1@example.gov.cn');
    const [email] = await api.db.source.query(`SELECT count(*)::int AS n FROM deliveries WHERE channel = 'email'`);
    expect(email.n).toBe(0);
  });
});
