import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { binaryParser } from './support/binary';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { hotlineFormBody } from './fixtures/form-bodies';
import { startTestApi, TestApi } from './support/test-api';
import { testConfig } from './support/test-config';
import { waitFor } from './support/wait-for';
import { createWorld, World } from './support/world';
import { submittedSelfEvaluation, yearEndCampaign } from './support/year-end';

// The department report (DESIGN §4): one BullMQ flow per campaign, a child per chunk of forms; a
// failing child is listed in the report instead of blocking it.
describe('campaign report (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let w: World;
  let campaign: string;
  const forms: Record<'good' | 'broken' | 'draft', string> = { good: '', broken: '', draft: '' };
  const score = async (id: string) => (await request(api.http).get(`/api/forms/${id}/score`).set('Authorization', w.tokens.reviewerA)).body;

  beforeAll(async () => {
    const config = testConfig({ REPORT_CHUNK_SIZE: '1' });
    api = await startTestApi({ config, now: new Date('2024-03-01T02:00:00Z') });
    w = await createWorld(api);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    campaign = await yearEndCampaign(api, w);
    forms.good = await submittedSelfEvaluation(api, w, campaign);
    forms.broken = await submittedSelfEvaluation(api, w, campaign);
    forms.draft = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA2).send(hotlineFormBody(campaign))).body.id;
    await waitFor(async () => (await score(forms.good)).provisional === false && (await score(forms.broken)).provisional === false, {
      timeoutMs: 20_000, what: 'the scoring jobs',
    });
    // Damage one form's stored self-evaluation and drop its score: the batch must score it again, and fails to.
    await api.db.source.query(`UPDATE forms SET self_evaluation = '{"damaged": true}' WHERE id = $1`, [forms.broken]);
    await api.db.source.query(`DELETE FROM scores WHERE form_id = $1`, [forms.broken]);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('runs the batch as a flow and produces the report although one child failed', async () => {
    const run = await request(api.http).post(`/api/reports/campaigns/${campaign}/run`).set('Authorization', w.tokens.reviewerA);
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({ reportId: expect.any(String), chunks: 3, forms: 3 });
    const report = await waitFor(async () => {
      const r = (await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.tokens.reviewerA)).body;
      return r.batch?.status === 'done' ? r : null;
    }, { timeoutMs: 30_000, what: 'the report' });
    const good = await score(forms.good);
    expect(report).toMatchObject({
      campaignId: campaign,
      forms: 3,
      scored: 1,
      averageScore: good.total,
      weightedAverageScore: good.total,
      gradeCounts: { [good.grade]: 1 },
      countsByState: { draft: 1, selfEvaluationReview: 2, approved: 0 },
      failures: [{ formIds: [forms.broken], message: expect.stringContaining('corrupt') }],
    });
    expect(report.batch.finishedAt).toMatch(/\+08:00$/);
    expect(report.lowestIndicators[0]).toMatchObject({ formId: forms.good, name: '差别化先行联系数量' });
  });

  it('lists the draft left after the declaration deadline as late in the stored report', async () => {
    const [{ summary }] = await api.db.source.query(`SELECT summary FROM reports WHERE campaign_id = $1 AND status = 'done'`, [campaign]);
    expect(summary.late).toEqual([expect.objectContaining({ formId: forms.draft, reason: 'declarationOverdue' })]);
  });

  it('downloads the report as a workbook', async () => {
    const res = await request(api.http).get(`/api/reports/campaigns/${campaign}/report.xlsx`).set('Authorization', w.tokens.reviewerA)
      .buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总', '逾期', '得分最低指标', '各申报表', '未能处理']));
    const failures = wb.getWorksheet('未能处理')!;
    const cells: string[] = [];
    failures.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(forms.broken);
  });

  it('rescores the campaign under another registered scheme and keeps the scores of the first', async () => {
    const scheme = {
      version: 'province-x.2025', name: '某省项目支出绩效自评（执行率 10 · 产出 40 · 效益 40 · 满意度 10）',
      executionWeight: '10', categoryWeights: { 产出指标: '40', 效益指标: '40', 满意度指标: '10' }, reverseFormula: 'linear',
      qualitativeTiers: [
        { tier: 'achieved', label: '达成年度指标', min: '0.9', max: '1', maxInclusive: true },
        { tier: 'partial', label: '部分达成年度指标并具有一定效果', min: '0.6', max: '0.9', maxInclusive: false },
        { tier: 'notAchieved', label: '未达成年度指标且效果较差', min: '0', max: '0.6', maxInclusive: false },
      ],
      grades: [{ grade: '优', min: '85' }, { grade: '良', min: '75' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }],
      explainAboveRatio: '1.5', executionReasonBelow: '0.8',
    };
    expect((await request(api.http).post('/api/scoring-schemes').set('Authorization', w.tokens.reviewerA).send(scheme)).status).toBe(403);
    const bad = await request(api.http).post('/api/scoring-schemes').set('Authorization', w.admin).send({ ...scheme, version: 'bad.1', executionWeight: '20' });
    expect(bad.status).toBe(422);
    expect((await request(api.http).post('/api/scoring-schemes').set('Authorization', w.admin).send(scheme)).status).toBe(201);
    expect((await request(api.http).post('/api/scoring-schemes').set('Authorization', w.admin).send({ ...scheme, name: '改过' })).status).toBe(409);

    const run = await request(api.http).post(`/api/reports/campaigns/${campaign}/run`).set('Authorization', w.admin).send({ schemeVersion: scheme.version });
    expect(run.status).toBe(202);
    await waitFor(async () => {
      const [r] = await api.db.source.query(`SELECT status FROM reports WHERE id = $1`, [run.body.reportId]);
      return r.status === 'done';
    }, { timeoutMs: 30_000, what: 'the rescoring' });
    const rows: { scheme_version: string; total: string }[] = await api.db.source.query(
      `SELECT scheme_version, total::text FROM scores WHERE form_id = $1 ORDER BY scheme_version`, [forms.good]);
    expect(rows.map((r) => r.scheme_version)).toEqual(['cz2020-10.v1', 'province-x.2025']);
    const other = (await request(api.http).get(`/api/reports/campaigns/${campaign}?schemeVersion=${scheme.version}`).set('Authorization', w.admin)).body;
    expect(other).toMatchObject({ schemeVersion: scheme.version, averageScore: rows[1].total });
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}?schemeVersion=nope`).set('Authorization', w.admin)).status).toBe(422);
  });

  it('a self-evaluation returned to the unit no longer counts with its earlier score', async () => {
    const c = await yearEndCampaign(api, w);
    const id = await submittedSelfEvaluation(api, w, c, '900000.00');
    await waitFor(async () => (await score(id)).provisional === false, { timeoutMs: 20_000, what: 'the scoring job' });
    const live = async () => (await request(api.http).get(`/api/reports/campaigns/${c}`).set('Authorization', w.tokens.reviewerA)).body;
    const before = await live();
    expect(before).toMatchObject({ scored: 1, averageScore: (await score(id)).total });
    expect(before.lowestIndicators.length).toBeGreaterThan(0);

    const form = (await request(api.http).get(`/api/forms/${id}`).set('Authorization', w.tokens.reviewerA)).body;
    const back = await request(api.http).post(`/api/forms/${id}/events`).set('Authorization', w.tokens.reviewerA)
      .send({ type: 'RETURN_SELF_EVALUATION', version: form.version, comment: '执行率偏低，请补充原因。' });
    expect(back.status).toBe(200);
    const after = await live();
    expect(after).toMatchObject({ scored: 0, averageScore: null, weightedAverageScore: null, countsByState: { selfEvaluation: 1 } });
    expect(after.lowestIndicators).toEqual([]);
    expect(after.scoreHistogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(0);
  });

  it('is for the department and admins only', async () => {
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.admin)).status).toBe(200);
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.tokens.unitA1)).status).toBe(403);
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.tokens.reviewerB)).status).toBe(404);
    expect((await request(api.http).post(`/api/reports/campaigns/${campaign}/run`).set('Authorization', w.tokens.unitB1)).status).toBe(404);
  });
});
