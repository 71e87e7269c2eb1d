import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { binaryParser } from './support/binary';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive, sendEvent } from './support/forms';
import { startTestApi, TestApi } from './support/test-api';
import { waitFor } from './support/wait-for';
import { createWorld, World } from './support/world';

// The year-end (DESIGN §4): opened by the scheduled job or an admin, entered by the unit with a
// provisional score, submitted, scored by the worker, returned and confirmed by the reviewer.
describe('self-evaluation and scoring (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let w: World;
  // The API runs on 1 March 2024 (declaration open); the worker on the real clock, after 1 January 2025.
  const now = new Date('2024-03-01T02:00:00Z');

  const campaign = async () =>
    (
      await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send({
        year: 2024, departmentId: w.depts.A, declarationDeadline: '2024-03-15T18:00:00+08:00', reviewWorkingDays: 5,
        resubmitWorkingDays: 5, selfEvaluationOpensAt: '2025-01-01T00:00:00+08:00', selfEvaluationDeadline: '2099-04-30T18:00:00+08:00',
        reminderOffsets: ['P7D'],
      })
    ).body.id as string;
  const approvedForm = async (campaignId: string) => {
    const form = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaignId))).body;
    return drive(api, form.id, [
      [w.tokens.unitA1, 'SUBMIT'],
      [w.tokens.reviewerA, 'START_REVIEW'],
      [w.tokens.reviewerA, 'APPROVE', { approvedAmount: '1800000.00' }],
    ]);
  };
  const get = (token: string, path: string) => request(api.http).get(path).set('Authorization', token);

  beforeAll(async () => {
    api = await startTestApi({ now });
    w = await createWorld(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('an admin can open a campaign early; the unit is told and gets the deadline', async () => {
    const c = await campaign();
    const form = await approvedForm(c);
    const res = await request(api.http).post(`/api/campaigns/${c}/open-self-evaluation`).set('Authorization', w.admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ opened: 1, skipped: 0 });
    const after = (await get(w.tokens.unitA1, `/api/forms/${form.id}`)).body;
    expect(after).toMatchObject({ state: 'selfEvaluation', stateLabel: '年终自评', allowedEvents: ['SUBMIT_SELF_EVALUATION'] });
    const history = (await get(w.admin, `/api/forms/${form.id}/history`)).body;
    expect(history.events.at(-1)).toMatchObject({ type: 'OPEN_SELF_EVALUATION', actor: { username: 'admin', role: 'admin' } });
    const notes = (await get(w.tokens.unitA1, '/api/notifications')).body.items;
    expect(notes.find((n: { formId: string; kind: string }) => n.formId === form.id && n.kind === 'SELF_EVALUATION_OPENED')).toBeDefined();
    expect((await request(api.http).post(`/api/campaigns/${c}/open-self-evaluation`).set('Authorization', w.tokens.reviewerA)).status).toBe(403);
  });

  describe('from the scheduled opening to the confirmed score', () => {
    let formId: string;
    let ids: Record<string, string>;

    it('the scheduled job opens the approved forms once the opening time has passed', async () => {
      const c = await campaign();
      formId = (await approvedForm(c)).id;
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
      await worker.init();
      // The job runs at the start of every minute (Beijing time).
      await waitFor(async () => (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body.state === 'selfEvaluation', {
        timeoutMs: 75_000, intervalMs: 500, what: 'the year-end job to open the form',
      });
      const history = (await get(w.admin, `/api/forms/${formId}/history`)).body;
      expect(history.events.at(-1)).toMatchObject({ type: 'OPEN_SELF_EVALUATION', actor: { id: null, username: 'system', role: 'system' } });
      expect(history.chainValid).toBe(true);
    }, 90_000);

    it('scores the entries provisionally and refuses a unit that does not match (422)', async () => {
      const form = (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body;
      ids = Object.fromEntries(form.indicators.map((i: { name: string; id: string }) => [i.name, i.id]));
      const mismatch = await request(api.http).put(`/api/forms/${formId}/self-evaluation`).set('Authorization', w.tokens.unitA1).send({
        version: form.version, budgetExecuted: '1700000.00',
        indicators: [{ indicatorId: ids['前端诉件受理量'], actual: '31000(次)' }],
      });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.error.details[0]).toMatchObject({ rule: 'actual.unitMismatch' });

      const partial = await request(api.http).put(`/api/forms/${formId}/self-evaluation`).set('Authorization', w.tokens.unitA1).send({
        version: form.version, budgetExecuted: '1700000.00', indicators: [{ indicatorId: ids['前端诉件受理量'], actual: '31500件' }],
      });
      expect(partial.status).toBe(200);
      expect(partial.body.score).toMatchObject({ schemeVersion: 'cz2020-10.v1', execution: { budget: '1800000.00', executed: '1700000.00', rate: '0.9444', points: '9.44' } });
      expect(partial.body.score.problems.errors.length).toBeGreaterThan(0);

      const early = await sendEvent(api, w.tokens.unitA1, formId, { type: 'SUBMIT_SELF_EVALUATION', version: partial.body.version });
      expect(early.status).toBe(422);
      expect(early.body.error.details.map((d: { rule: string }) => d.rule)).toContain('actual.missing');
    });

    it('submits a complete self-evaluation; the worker stores the score', async () => {
      const form = (await get(w.tokens.unitA1, `/api/forms/${formId}`)).body;
      const actuals: Record<string, string> = {
        前端诉件受理成本: '≤77.50(万元)', 差别化先行联系成本: '57.00万元', '甄别分类、对口移送成本': '46.50万元',
        前端诉件受理量: '32000件', 差别化先行联系数量: '14000件', 差异化先行联系合格率: '95%', 热线受理值班时长: '24小时',
        有责投诉率: '1.5%', 长效管理机制健全性: '已健全', 市民满意度评分: '90%',
      };
      const res = await request(api.http).put(`/api/forms/${formId}/self-evaluation`).set('Authorization', w.tokens.unitA1).send({
        version: form.version,
        budgetExecuted: '1700000.00',
        goalAchievement: '全年完成热线前端受理与先行联系工作。',
        indicators: form.indicators.map((i: { id: string; name: string }) => ({
          indicatorId: i.id,
          actual: actuals[i.name],
          ...(i.name === '长效管理机制健全性' ? { tier: 'achieved', points: '15.00' } : {}),
          ...(i.name === '差别化先行联系数量' ? { reason: '部分诉件经甄别后无需先行联系' } : {}),
        })),
      });
      expect(res.status).toBe(200);
      expect(res.body.score.problems.errors).toEqual([]);
      const submitted = await sendEvent(api, w.tokens.unitA1, formId, { type: 'SUBMIT_SELF_EVALUATION', version: res.body.version });
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('selfEvaluationReview');

      const score = await waitFor(async () => {
        const s = (await get(w.tokens.reviewerA, `/api/forms/${formId}/score`)).body;
        return s.provisional === false ? s : null;
      }, { timeoutMs: 20_000, what: 'the worker to store the score' });
      expect(score.total).toBe(res.body.score.total);
      expect(score.grade).toBe(res.body.score.grade);
      expect(score.computedAt).toMatch(/\+08:00$/);
      const lowest = score.indicators.find((i: { name: string }) => i.name === '差别化先行联系数量');
      expect(lowest).toMatchObject({ rule: 'positive.ratio', met: false, reasonRequired: true });
      // 14000 / 14480 of its weight.
      expect(Number(lowest.points)).toBeCloseTo((14000 / 14480) * Number(lowest.weight), 1);

      // The 自评表 workbook carries the same total and grade.
      const xlsx = await request(api.http).get(`/api/forms/${formId}/self-evaluation/export.xlsx`).set('Authorization', w.tokens.unitA1)
        .buffer(true).parse(binaryParser);
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
      const values: unknown[] = [];
      wb.worksheets[0].eachRow((row) => row.eachCell((c) => values.push(c.value)));
      expect(values).toEqual(expect.arrayContaining(['项目支出绩效自评表', Number(score.total), `等级：${score.grade}`]));
    });

    it('the reviewer returns it with a comment, and confirms it after resubmission', async () => {
      let form = (await get(w.tokens.reviewerA, `/api/forms/${formId}`)).body;
      expect(form.allowedEvents).toEqual(['CONFIRM_SELF_EVALUATION', 'RETURN_SELF_EVALUATION']);
      const noComment = await sendEvent(api, w.tokens.reviewerA, formId, { type: 'RETURN_SELF_EVALUATION', version: form.version });
      expect(noComment.status).toBe(422);
      form = await drive(api, formId, [[w.tokens.reviewerA, 'RETURN_SELF_EVALUATION', { comment: '请补充满意度调查方式' }]]);
      expect(form.state).toBe('selfEvaluation');
      form = await drive(api, formId, [[w.tokens.unitA1, 'SUBMIT_SELF_EVALUATION'], [w.tokens.reviewerA, 'CONFIRM_SELF_EVALUATION']]);
      expect(form).toMatchObject({ state: 'completed', stateLabel: '已完成', allowedEvents: [] });
      const [{ n }] = await api.db.source.query(`SELECT count(*)::int AS n FROM scores WHERE form_id = $1`, [formId]);
      expect(n).toBe(1); // one score per form and scheme, re-computed, not duplicated
    });
  });
});
