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

  it('is for the department and admins only', async () => {
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.admin)).status).toBe(200);
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.tokens.unitA1)).status).toBe(403);
    expect((await request(api.http).get(`/api/reports/campaigns/${campaign}`).set('Authorization', w.tokens.reviewerB)).status).toBe(404);
    expect((await request(api.http).post(`/api/reports/campaigns/${campaign}/run`).set('Authorization', w.tokens.unitB1)).status).toBe(404);
  });
});
