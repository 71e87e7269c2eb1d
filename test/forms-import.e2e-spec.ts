import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { binaryParser } from './support/binary';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

const seed = (name: string) => readFileSync(path.join(__dirname, 'fixtures/seeds', name), 'utf8');
const SEED_000 = seed('000_e735812eb1d2a4f8.txt');
const SEED_001 = seed('001_541cf2738fe0fece.txt');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// POST /api/forms/import (API.md): the text of published 申报表 → form bodies, warnings, drafts.
describe('import (e2e)', () => {
  let api: TestApi;
  let w: World;
  let campaign: string;

  const importText = (token: string, text: string, query: string) =>
    request(api.http).post(`/api/forms/import${query}`).set('Authorization', token).set('Content-Type', 'text/plain; charset=utf-8').send(text);
  const formCount = async () => (await api.db.source.query(`SELECT count(*)::int AS n FROM forms`))[0].n as number;

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    campaign = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
  });
  afterAll(() => api.close());

  it('dry run: returns the parsed forms with what they printed, and warnings, creating nothing', async () => {
    const res = await importText(w.tokens.reviewerA, SEED_000, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual([]);
    expect(res.body.forms).toHaveLength(4);
    expect(res.body.forms[2]).toMatchObject({
      year: 2024, departmentName: '上海市绿化和市容管理局', unitName: '上海市绿化和市容管理局行政服务中心',
      projectName: '热线服务保障经费', plannedStart: '2024-01-01', plannedEnd: '2024-12-31',
      funds: { total: '1819200.00' },
    });
    expect(res.body.forms[2].indicators[0]).toMatchObject({
      level1: '成本指标', level2: '经济成本指标', name: '前端诉件受理成本', target: '≤77.50(万元)',
      parsedTarget: { kind: 'quantitative', comparator: '<=', value: '77.50', unit: '万元' },
    });
    const sources = new Set(res.body.warnings.map((x: { source: string }) => x.source));
    expect(sources).toEqual(new Set(['import', 'precheck']));
    expect(res.body.warnings.find((x: { path?: string; form: number }) => x.form === 3 && x.path === 'indicators[14].target')).toBeDefined();
    expect(await formCount()).toBe(0);
  });

  it('creates drafts in the caller unit, all at once', async () => {
    const res = await importText(w.tokens.unitA1, SEED_000, `?campaignId=${campaign}&dryRun=false`);
    expect(res.status).toBe(201);
    expect(res.body.created).toHaveLength(4);
    const form = (await request(api.http).get(`/api/forms/${res.body.created[2]}`).set('Authorization', w.tokens.unitA1)).body;
    expect(form).toMatchObject({ state: 'draft', unitId: w.units.A1, projectName: '热线服务保障经费', funds: { total: '1819200.00' } });
    expect(form.indicators).toHaveLength(res.body.forms[2].indicators.length);
  });

  it('imports forms whose amounts are blank as drafts that cannot be submitted until filled in', async () => {
    const res = await importText(w.tokens.unitA1, SEED_001, `?campaignId=${campaign}&dryRun=false`);
    expect(res.status).toBe(201);
    expect(res.body.created).toHaveLength(7);
    const form = (await request(api.http).get(`/api/forms/${res.body.created[0]}`).set('Authorization', w.tokens.unitA1)).body;
    expect(form.funds).toMatchObject({ total: '1559500.00', currentYear: '' });
    expect(form.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'funds.currentYear', severity: 'error' })]));
    // The 2022 text in a 2024 campaign is flagged.
    expect(res.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ form: 0, source: 'campaign', path: 'year' })]));
  });

  it('creates nothing when one form has a target that cannot be read (422 naming it)', async () => {
    const before = await formCount();
    const broken = SEED_000.replace('=29.00(次)', '=29.0.0(次)');
    const res = await importText(w.tokens.unitA1, broken, `?campaignId=${campaign}&dryRun=false`);
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toMatch(/^forms\[0\]\.indicators\[\d+\]\.target$/);
    expect(await formCount()).toBe(before);
  });

  it('refuses to create drafts for a reviewer (403), without a campaign (422), or in another department (404)', async () => {
    expect((await importText(w.tokens.reviewerA, SEED_000, `?campaignId=${campaign}&dryRun=false`)).status).toBe(403);
    expect((await importText(w.tokens.unitA1, SEED_000, '?dryRun=false')).status).toBe(422);
    expect((await importText(w.tokens.unitB1, SEED_000, `?campaignId=${campaign}&dryRun=false`)).status).toBe(404);
  });

  it('refuses an empty body (400), JSON (415) and a bad dryRun value (400)', async () => {
    expect((await importText(w.tokens.unitA1, '   ', '?dryRun=true')).status).toBe(400);
    const json = await request(api.http).post('/api/forms/import').set('Authorization', w.tokens.unitA1).send({ text: SEED_000 });
    expect(json.status).toBe(415);
    expect((await importText(w.tokens.unitA1, SEED_000, '?dryRun=maybe')).status).toBe(400);
  });

  it('reads an .xlsx upload: a form exported by Jixiao imports back to the same content', async () => {
    const created = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaign))).body;
    const xlsx = await request(api.http).get(`/api/forms/${created.id}/export.xlsx`).set('Authorization', w.tokens.unitA1).buffer(true).parse(binaryParser);
    const res = await request(api.http).post('/api/forms/import?dryRun=true').set('Authorization', w.tokens.unitA1).set('Content-Type', XLSX).send(xlsx.body as Buffer);
    expect(res.status).toBe(200);
    expect(res.body.forms).toHaveLength(1);
    const form = res.body.forms[0];
    const body = hotlineFormBody(campaign);
    expect(form).toMatchObject({ year: 2024, projectName: body.projectName, nature: body.nature, category: body.category, plannedStart: '2024-01-01', plannedEnd: '2024-12-31', funds: body.funds });
    // The export prints one goal per row (label beside its text): each comes back to its own field.
    expect(form).toMatchObject({ overallGoal: body.overallGoal, annualGoal: body.annualGoal });
    expect(form.indicators.map((i: Record<string, string>) => [i.level1, i.level2, i.name, i.target])).toEqual(
      body.indicators.map((i) => [i.level1, i.level2, i.name, i.target]),
    );
  });
});
