import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { indicatorCatalogue, LEVEL1, LIFECYCLE_TRANSITIONS, lifecycleGraph, MACHINE_VERSION } from '@app/domain';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive } from './support/forms';
import { submittedSelfEvaluation } from './support/year-end';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, PASSWORD, World } from './support/world';

// The routes the web page needs beyond API.md (README changelog 0.5.0): organisations and users for
// pickers, the indicator catalogue, the lifecycle graph, the pre-check while typing, and each form's
// next deadline with the reviewers' queue (sort=due). The API's clock is fixed at Monday 2024-03-04
// 10:00 in Shanghai so that deadlines and working days (official 2024 calendar) are exact.
const NOW = new Date('2024-03-04T10:00:00+08:00');
const MISSING = '00000000-0000-4000-8000-000000000000';

interface OrgItem { id: string; name: string; kind: string; parentId: string | null }
interface NextDeadline { kind: string; label: string; dueAt: string; workingDaysLeft: number | null; overdue: boolean }

describe('web page support routes (e2e)', () => {
  let api: TestApi;
  let w: World;

  const get = (url: string, token: string) => request(api.http).get(url).set('Authorization', token);
  const precheck = (body: unknown, token = w.tokens.unitA1) => request(api.http).post('/api/forms/precheck').set('Authorization', token).send(body as object);
  const newCampaign = async (overrides: Record<string, unknown>, departmentId = w.depts.A) => {
    const res = await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(departmentId, overrides));
    if (res.status !== 201) throw new Error(`campaign: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const draft = async (campaignId: string) => {
    const res = await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaignId));
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const formCount = async () => (await get('/api/forms?pageSize=1', w.admin)).body.total as number;

  beforeAll(async () => {
    api = await startTestApi({ now: NOW });
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  describe('GET /api/orgs', () => {
    // Departments first, then by name in code point order (the repository sorts with COLLATE "C").
    const sorted = (items: OrgItem[]) =>
      [...items].sort((a, b) => Number(a.kind !== 'department') - Number(b.kind !== 'department') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ids = (res: request.Response) => (res.body.items as OrgItem[]).map((o) => o.id);

    it('an admin sees every organisation, departments first, then by name, as { id, name, kind, parentId }', async () => {
      const res = await get('/api/orgs', w.admin);
      expect(res.status).toBe(200);
      const items = res.body.items as OrgItem[];
      expect(new Set(items.map((o) => o.id))).toEqual(new Set([w.depts.A, w.depts.B, w.units.A1, w.units.A2, w.units.B1]));
      expect(items).toEqual(sorted(items));
      expect(items.map((o) => o.kind)).toEqual(['department', 'department', 'unit', 'unit', 'unit']);
      expect(items.find((o) => o.id === w.units.A1)).toEqual({ id: w.units.A1, name: '上海市绿化和市容管理局行政服务中心', kind: 'unit', parentId: w.depts.A });
      expect(items.find((o) => o.id === w.depts.B)).toEqual({ id: w.depts.B, name: '上海市青浦区城市运行管理委员会', kind: 'department', parentId: null });
    });

    it('a reviewer sees its department and the units under it, nothing of another department', async () => {
      const res = await get('/api/orgs', w.tokens.reviewerA);
      expect(res.status).toBe(200);
      expect(ids(res)[0]).toBe(w.depts.A);
      expect(new Set(ids(res))).toEqual(new Set([w.depts.A, w.units.A1, w.units.A2]));
      expect(res.body.items).toEqual(sorted(res.body.items as OrgItem[]));
      expect(ids(await get('/api/orgs', w.tokens.reviewerB))).toEqual([w.depts.B, w.units.B1]);
    });

    it('a unit user sees its unit and its department only (not the sibling unit)', async () => {
      expect(ids(await get('/api/orgs', w.tokens.unitA1))).toEqual([w.depts.A, w.units.A1]);
      expect(ids(await get('/api/orgs', w.tokens.unitA2))).toEqual([w.depts.A, w.units.A2]);
      expect(ids(await get('/api/orgs', w.tokens.unitB1))).toEqual([w.depts.B, w.units.B1]);
    });

    it('needs a token', async () => {
      expect((await request(api.http).get('/api/orgs')).status).toBe(401);
    });
  });

  describe('GET /api/users', () => {
    it('an admin gets every user with id, username, role, orgId, email, createdAt — never a hash or lockout data', async () => {
      const created = await request(api.http).post('/api/users').set('Authorization', w.admin)
        .send({ username: 'mail-user', password: PASSWORD, role: 'unit', orgId: w.units.A2, email: 'mail-user@example.gov.cn' });
      expect(created.status).toBe(201);
      // A failed login gives the account lockout data of its own, which must not show.
      expect((await request(api.http).post('/api/auth/login').send({ username: 'unit-a2', password: 'wrong-Passw0rd!' })).status).toBe(401);

      const res = await get('/api/users', w.admin);
      expect(res.status).toBe(200);
      const items = res.body.items as Record<string, unknown>[];
      expect(items.map((u) => u.username)).toEqual(['admin', 'mail-user', 'reviewer-a', 'reviewer-b', 'unit-a1', 'unit-a2', 'unit-b1']);
      for (const u of items) expect(Object.keys(u).sort()).toEqual(['createdAt', 'email', 'id', 'orgId', 'role', 'username']);
      expect(items.find((u) => u.username === 'mail-user')).toEqual({
        id: created.body.id, username: 'mail-user', role: 'unit', orgId: w.units.A2, email: 'mail-user@example.gov.cn',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/),
      });
      expect(items.find((u) => u.username === 'reviewer-a')).toMatchObject({ id: w.userIds.reviewerA, role: 'reviewer', orgId: w.depts.A, email: null });
      expect(items.find((u) => u.username === 'admin')).toMatchObject({ role: 'admin', orgId: null });
      expect(res.text).not.toMatch(/argon2|password|locked|failed/i);
    });

    it.each(['reviewerA', 'unitA1', 'unitB1'] as const)('is 403 for %s (no user of any organisation is shown)', async (who) => {
      const res = await get('/api/users', w.tokens[who]);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(res.body).not.toHaveProperty('items');
    });
  });

  describe('GET /api/catalogue', () => {
    it('gives any signed-in user the domain catalogue: each 一级 with its 二级, aliases and notes', async () => {
      for (const token of [w.tokens.unitA1, w.tokens.reviewerB, w.admin]) {
        const res = await get('/api/catalogue', token);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(indicatorCatalogue());
      }
      const { body } = await get('/api/catalogue', w.tokens.unitA1);
      expect(body.level1.map((l: { name: string }) => l.name)).toEqual([...LEVEL1]);
      expect(body.level1[0]).toMatchObject({ name: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'], aliases: ['产出'] });
      expect(body.level1.find((l: { name: string }) => l.name === '成本指标')).toMatchObject({ scoringCategory: '产出指标', note: expect.stringContaining('2021') });
      expect((await request(api.http).get('/api/catalogue')).status).toBe(401);
    });
  });

  describe('GET /api/lifecycle', () => {
    it('gives the machine read from its definition: version, states with labels, transitions with Chinese event labels', async () => {
      const res = await get('/api/lifecycle', w.tokens.unitB1);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(lifecycleGraph());
      expect(res.body.version).toBe(MACHINE_VERSION);
      expect(res.body.transitions).toHaveLength(LIFECYCLE_TRANSITIONS.length);
      expect(res.body.states[0]).toEqual({ id: 'draft', label: '草稿', final: false });
      const labels = Object.fromEntries((res.body.transitions as { event: string; eventLabel: string }[]).map((t) => [t.event, t.eventLabel]));
      expect(labels).toMatchObject({
        SUBMIT: '申报', WITHDRAW: '撤回', START_REVIEW: '开始审核', APPROVE: '批复', RETURN: '退回',
        SUBMIT_SELF_EVALUATION: '提交自评', CONFIRM_SELF_EVALUATION: '确认自评', RETURN_SELF_EVALUATION: '退回自评',
      });
      expect(labels.OPEN_SELF_EVALUATION).toMatch(/^开启.*自评$/);
    });

    it('draws the same edges as the committed diagram in docs/lifecycle.md', async () => {
      const doc = readFileSync(join(__dirname, '../docs/lifecycle.md'), 'utf8');
      const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(doc)![1];
      const edges = mermaid.split('\n').map((l) => l.trim()).filter((l) => l.includes(' --> ') && !l.includes('[*]'));
      const { body } = await get('/api/lifecycle', w.admin);
      expect((body.transitions as { from: string; to: string; event: string; eventLabel: string }[]).map((t) => `${t.from} --> ${t.to} : ${t.eventLabel} ${t.event}`))
        .toEqual(edges);
      expect((await request(api.http).get('/api/lifecycle')).status).toBe(401);
    });
  });

  describe('POST /api/forms/precheck', () => {
    let campaign2024: string;
    let campaign2025: string;
    beforeAll(async () => {
      campaign2024 = await newCampaign({ declarationDeadline: '2099-03-15T18:00:00+08:00' });
      campaign2025 = await newCampaign({ year: 2025, declarationDeadline: '2099-03-15T18:00:00+08:00' });
    });

    it('on a complete body gives every parsed target and the same findings as the stored form’s warnings; stores nothing', async () => {
      // A body whose content has warnings and an error: a duplicated indicator and a sum that does not add up.
      const body = hotlineFormBody(campaign2024);
      body.funds.other = '1.00';
      body.indicators.push({ ...body.indicators[3] });
      const before = await formCount();
      const res = await precheck(body);
      expect(res.status).toBe(200);
      expect(await formCount()).toBe(before);
      expect(res.body.indicators).toHaveLength(body.indicators.length);
      expect(res.body.indicators[3]).toEqual({ index: 3, parsedTarget: { kind: 'quantitative', comparator: '>=', value: '31000.00', unit: '件', direction: 'positive' } });
      expect(res.body.indicators.every((i: { parsedTarget: unknown; targetError?: string }) => i.parsedTarget !== null && i.targetError === undefined)).toBe(true);
      expect(res.body.findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['funds.sum', 'indicators.duplicate-name']));
      for (const f of res.body.findings) expect(Object.keys(f).sort()).toEqual(['message', 'path', 'rule', 'severity']);
      // The stored form shows exactly these as its warnings.
      const stored = await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(body);
      expect(stored.status).toBe(201);
      expect(res.body.findings).toEqual(stored.body.warnings.map((f: Record<string, unknown>) => ({ path: f.path, rule: f.rule, severity: f.severity, message: f.message })));
    });

    it('answers half-typed content with findings, never a 400 for a format or a 500', async () => {
      const res = await precheck({
        campaignId: campaign2024,
        projectName: '热线',
        plannedStart: '2024-0',
        funds: { total: '12.' },
        indicators: [{ level1: '产出', target: '≥' }, {}, { level1: '产出指标', level2: '数量', name: '受理量', target: '≥31000.00(件' }, { weight: '1.' }],
      });
      expect(res.status).toBe(200);
      const [typing, empty, unclosed] = res.body.indicators;
      expect(typing).toEqual({ index: 0, parsedTarget: null, targetError: expect.stringContaining('比较符“≥”后缺少数值') });
      expect(empty).toEqual({ index: 1, parsedTarget: { kind: 'none' } });
      expect(unclosed).toEqual({ index: 2, parsedTarget: null, targetError: expect.stringContaining('括号') });
      const byPath = (path: string) => res.body.findings.filter((f: { path: string }) => f.path === path).map((f: { rule: string }) => f.rule);
      expect(byPath('funds.total')).toContain('funds.format');
      expect(byPath('funds.currentYear')).toContain('funds.format');
      expect(byPath('plannedStart')).toContain('dates.format');
      expect(byPath('indicators[3].weight')).toContain('weights.format');
      expect(byPath('indicators[0].target')).toContain('target.parse');
      expect(res.body.findings.find((f: { severity: string }) => f.severity !== 'error' && f.severity !== 'warning')).toBeUndefined();
      // null stands for "not filled in yet" wherever a field is optional, the campaign included.
      const nulls = await precheck({ campaignId: null, projectName: null, funds: null, indicators: [{ level1: null, target: null, weight: null }] });
      expect(nulls.status).toBe(200);
      expect(nulls.body.indicators).toEqual([{ index: 0, parsedTarget: { kind: 'none' } }]);
    });

    it('takes an empty body and every prefix of a real body as the user types it (all 200)', async () => {
      const empty = await precheck({});
      expect(empty.status).toBe(200);
      expect(empty.body.indicators).toEqual([]);
      expect(empty.body.findings.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['projectName', 'funds.total', 'indicators']));
      const full = hotlineFormBody(campaign2024);
      const cut = (value: unknown, n: number): unknown =>
        typeof value === 'string' ? (value === campaign2024 ? value : value.slice(0, n))
        : Array.isArray(value) ? value.map((v) => cut(v, n))
        : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v, n)]))
        : value;
      for (const n of [0, 1, 2, 3, 4, 5, 6, 8, 11]) {
        const res = await precheck(cut(full, n));
        expect([n, res.status]).toEqual([n, 200]);
        expect(res.body.indicators).toHaveLength(full.indicators.length);
      }
    });

    it('checks dates against the campaign’s budget year, or the current year (2024 here) without a campaign', async () => {
      const dates = { plannedStart: '2024-01-01', plannedEnd: '2024-12-31' };
      const rules = (res: request.Response) => res.body.findings.map((f: { rule: string }) => f.rule);
      expect(rules(await precheck({ campaignId: campaign2025, ...dates }))).toContain('dates.budget-year');
      expect(rules(await precheck({ campaignId: campaign2024, ...dates }))).not.toContain('dates.budget-year');
      expect(rules(await precheck(dates))).not.toContain('dates.budget-year');
      expect(rules(await precheck({ plannedStart: '2025-01-01', plannedEnd: '2025-12-31' }))).toContain('dates.budget-year');
    });

    it('refuses wrong types, unknown fields and oversized content with 400', async () => {
      const bad: [string, unknown][] = [
        ['a number for a text', { projectName: 5 }],
        ['a number for money', { funds: { total: 12 } }],
        ['an unknown field', { projectName: '热线', colour: 'red' }],
        ['an unknown indicator field', { indicators: [{ target: '≥1(件)', unit: '件' }] }],
        ['a null indicator', { indicators: [null] }],
        ['indicators not a list', { indicators: 'none' }],
        ['funds not an object', { funds: '12' }],
        ['a malformed campaign id', { campaignId: 'abc' }],
        ['a project name over 200 characters', { projectName: '项'.repeat(201) }],
        ['more than 300 indicators', { indicators: Array.from({ length: 301 }, () => ({})) }],
      ];
      for (const [what, body] of bad) {
        const res = await precheck(body);
        expect([what, res.status, res.body.error?.code]).toEqual([what, 400, 'BAD_REQUEST']);
      }
      const malformed = await request(api.http).post('/api/forms/precheck').set('Authorization', w.tokens.unitA1)
        .set('Content-Type', 'application/json').send('{"projectName": "热');
      expect(malformed.status).toBe(400);
    });

    it('is open to every role, but a campaign outside the caller’s scope is 404 like a missing one', async () => {
      for (const token of [w.tokens.unitA2, w.tokens.reviewerA, w.admin]) expect((await precheck({ campaignId: campaign2024 }, token)).status).toBe(200);
      const outside = await precheck({ campaignId: campaign2024 }, w.tokens.unitB1);
      const missing = await precheck({ campaignId: MISSING }, w.tokens.unitB1);
      expect([outside.status, missing.status]).toEqual([404, 404]);
      expect(outside.body.error.message).toBe(missing.body.error.message);
      expect((await precheck({ campaignId: campaign2024 }, w.tokens.reviewerB)).status).toBe(404);
      expect((await request(api.http).post('/api/forms/precheck').send({})).status).toBe(401);
    });
  });

  describe('nextDeadline and the review queue', () => {
    // Campaign deadlines: 申报截止 Friday 2024-03-15 18:00; review 5 and resubmission 3 working days.
    const forms: Record<string, string> = {};
    let main: string;
    let year2027: string;
    const view = async (id: string, token = w.tokens.reviewerA) =>
      (await get(`/api/forms/${id}`, token)).body as { state: string; version: number; nextDeadline: NextDeadline | null };
    type Step = [token: string, type: string, extra?: Record<string, unknown>];
    /**
     * Sends the events in turn, checking each response's next deadline against a fresh read of the
     * form; answers [event, state, deadline kind] per step. `before(i)` runs before step i.
     */
    const eventsAgreeWithReads = async (id: string, steps: Step[], before: (i: number) => Promise<void> = async () => undefined) => {
      let version = (await view(id)).version;
      const seen: [string, string, unknown][] = [];
      for (const [i, [token, type, extra]] of steps.entries()) {
        await before(i);
        const res = await request(api.http).post(`/api/forms/${id}/events`).set('Authorization', token).send({ type, version, ...extra });
        expect([type, res.status]).toEqual([type, 200]);
        version = res.body.version;
        expect([type, res.body.nextDeadline]).toEqual([type, (await view(id)).nextDeadline]);
        seen.push([type, res.body.state, res.body.nextDeadline?.kind ?? null]);
      }
      return seen;
    };

    beforeAll(async () => {
      main = await newCampaign({ declarationDeadline: '2024-03-15T18:00:00+08:00', reviewWorkingDays: 5, resubmitWorkingDays: 3 });
      const late = await newCampaign({ declarationDeadline: '2024-02-29T18:00:00+08:00' });
      year2027 = await newCampaign({ year: 2027, declarationDeadline: '2027-03-15T18:00:00+08:00', selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00' });
      const yearEnd = await newCampaign({ declarationDeadline: '2024-03-15T18:00:00+08:00' });
      const { unitA1: unit, reviewerA: reviewer } = w.tokens;

      forms.draft = await draft(main);
      forms.overdueDraft = await draft(late);
      forms.draft2027 = await draft(year2027);
      forms.declared = await draft(main);
      await drive(api, forms.declared, [[unit, 'SUBMIT']]);
      forms.reviewing = await draft(main);
      await drive(api, forms.reviewing, [[unit, 'SUBMIT'], [reviewer, 'START_REVIEW']]);
      forms.returned = await draft(main);
      await drive(api, forms.returned, [[unit, 'SUBMIT'], [reviewer, 'START_REVIEW'], [reviewer, 'RETURN', { comment: '请细化质量指标' }]]);
      forms.withdrawn = await draft(main);
      await drive(api, forms.withdrawn, [[unit, 'SUBMIT'], [unit, 'WITHDRAW']]);
      forms.approved = await draft(main);
      await drive(api, forms.approved, [[unit, 'SUBMIT'], [reviewer, 'START_REVIEW'], [reviewer, 'APPROVE', { approvedAmount: '1819200.00' }]]);
      forms.selfEvaluation = await draft(yearEnd);
      await drive(api, forms.selfEvaluation, [[unit, 'SUBMIT'], [reviewer, 'START_REVIEW'], [reviewer, 'APPROVE', { approvedAmount: '1819200.00' }]]);
      expect((await request(api.http).post(`/api/campaigns/${yearEnd}/open-self-evaluation`).set('Authorization', w.admin)).body).toMatchObject({ opened: 1 });
      // A review that ran out at 09:00 this very morning: overdue, with 0 working days left.
      forms.overdueReview = await draft(main);
      await drive(api, forms.overdueReview, [[unit, 'SUBMIT']]);
      await api.db.source.query(`UPDATE deadlines SET due_at = '2024-03-04T09:00:00+08:00' WHERE form_id = $1 AND kind = 'review' AND status = 'active'`, [forms.overdueReview]);
    });

    it('a draft: the campaign’s 申报截止 with the working days left', async () => {
      expect((await view(forms.draft)).nextDeadline).toEqual({
        kind: 'declaration', label: '申报截止', dueAt: '2024-03-15T18:00:00+08:00', workingDaysLeft: 9, overdue: false,
      });
    });

    it('a draft after the 申报截止: overdue, minus the working days since (Fri 03-01, Mon 03-04)', async () => {
      expect((await view(forms.overdueDraft)).nextDeadline).toEqual({
        kind: 'declaration', label: '申报截止', dueAt: '2024-02-29T18:00:00+08:00', workingDaysLeft: -2, overdue: true,
      });
    });

    it('declared and under review: 审核截止 at the end of the 5th working day after 申报 (Mon 03-11 24:00)', async () => {
      const review = { kind: 'review', label: '审核截止', dueAt: '2024-03-12T00:00:00+08:00', workingDaysLeft: 5, overdue: false };
      expect(await view(forms.declared)).toMatchObject({ state: 'declared', nextDeadline: review });
      expect(await view(forms.reviewing)).toMatchObject({ state: 'reviewing', nextDeadline: review });
      // The unit sees the same deadline on its form.
      expect((await view(forms.declared, w.tokens.unitA1)).nextDeadline).toEqual(review);
    });

    it('a review that ran out earlier today: overdue with 0 working days left', async () => {
      expect((await view(forms.overdueReview)).nextDeadline).toEqual({
        kind: 'review', label: '审核截止', dueAt: '2024-03-04T09:00:00+08:00', workingDaysLeft: 0, overdue: true,
      });
    });

    it('returned: 重新申报截止 after 3 working days; the cancelled review deadline no longer counts', async () => {
      expect((await view(forms.returned)).nextDeadline).toEqual({
        kind: 'resubmission', label: '重新申报截止', dueAt: '2024-03-08T00:00:00+08:00', workingDaysLeft: 3, overdue: false,
      });
    });

    it('withdrawn back to draft: the cancelled review deadline gives way to the campaign’s 申报截止', async () => {
      expect(await view(forms.withdrawn)).toMatchObject({ state: 'draft', nextDeadline: { kind: 'declaration', dueAt: '2024-03-15T18:00:00+08:00' } });
    });

    it('approved: no deadline (null)', async () => {
      expect(await view(forms.approved)).toMatchObject({ state: 'approved', nextDeadline: null });
    });

    it('a deadline in a year without holiday data: workingDaysLeft null, never a 500', async () => {
      expect(await view(forms.selfEvaluation)).toMatchObject({
        state: 'selfEvaluation',
        nextDeadline: { kind: 'selfEvaluation', label: '自评截止', dueAt: '2100-04-30T18:00:00+08:00', workingDaysLeft: null, overdue: false },
      });
      expect((await view(forms.draft2027)).nextDeadline).toEqual({
        kind: 'declaration', label: '申报截止', dueAt: '2027-03-15T18:00:00+08:00', workingDaysLeft: null, overdue: false,
      });
      const list = await get(`/api/forms?campaignId=${year2027}`, w.tokens.reviewerA);
      expect(list.status).toBe(200);
      expect(list.body.items[0].nextDeadline.workingDaysLeft).toBeNull();
    });

    it('is on every list item, the same as on the form itself', async () => {
      const list = await get('/api/forms?pageSize=100', w.tokens.reviewerA);
      expect(list.status).toBe(200);
      for (const id of Object.values(forms)) {
        const item = (list.body.items as { id: string; nextDeadline: unknown }[]).find((f) => f.id === id);
        expect([id, item?.nextDeadline]).toEqual([id, (await view(id)).nextDeadline]);
      }
    });

    it('is on the responses of create, update and events too', async () => {
      const created = await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(main));
      expect(created.body.nextDeadline).toMatchObject({ kind: 'declaration', workingDaysLeft: 9 });
      const { campaignId: _c, ...content } = hotlineFormBody(main);
      const updated = await request(api.http).put(`/api/forms/${created.body.id}`).set('Authorization', w.tokens.unitA1).send({ ...content, version: 1 });
      expect(updated.body.nextDeadline).toMatchObject({ kind: 'declaration' });
      expect(updated.body.nextDeadline).toEqual((await view(created.body.id)).nextDeadline);
      const submitted = await request(api.http).post(`/api/forms/${created.body.id}/events`).set('Authorization', w.tokens.unitA1)
        .set('Idempotency-Key', 'web-submit-1').send({ type: 'SUBMIT', version: updated.body.version });
      expect(submitted.body).toMatchObject({ state: 'declared', nextDeadline: { kind: 'review', dueAt: '2024-03-12T00:00:00+08:00', workingDaysLeft: 5 } });
      // A repeat answers the stored response with the current deadline.
      const repeat = await request(api.http).post(`/api/forms/${created.body.id}/events`).set('Authorization', w.tokens.unitA1)
        .set('Idempotency-Key', 'web-submit-1').send({ type: 'SUBMIT', version: updated.body.version });
      expect(repeat.body.nextDeadline).toEqual(submitted.body.nextDeadline);
      await request(api.http).post(`/api/forms/${created.body.id}/events`).set('Authorization', w.tokens.unitA1)
        .send({ type: 'WITHDRAW', version: submitted.body.version });
    });

    // The event's own statement works the next deadline out (deadlines it kept, cancelled and started):
    // it must be what a fresh read of the form says, after every kind of change.
    it('on an event response is the deadline a fresh read of the form gives, at every step of the lifecycle', async () => {
      const { unitA1: unit, reviewerA: reviewer } = w.tokens;
      const id = await draft(main);
      const steps: Step[] = [
        [unit, 'SUBMIT'], // a review deadline starts
        [unit, 'WITHDRAW'], // it is cancelled: the campaign's declaration deadline again
        [unit, 'SUBMIT'],
        [reviewer, 'START_REVIEW'], // the review deadline is kept
        [reviewer, 'RETURN', { comment: '请补充成本指标' }], // review cancelled, resubmission started
        [unit, 'SUBMIT'], // resubmission and any active review cancelled, a new review started
        [reviewer, 'START_REVIEW'],
        [reviewer, 'APPROVE', { approvedAmount: '1819200.00' }], // nothing left until the year-end
      ];
      const seen = await eventsAgreeWithReads(id, steps, async (i) => {
        // Before the SUBMIT after RETURN, a stray active review deadline earlier than the one SUBMIT starts:
        // SUBMIT cancels it, and the response must not still count it.
        if (i === 5) {
          await api.db.source.query(`INSERT INTO deadlines (campaign_id, form_id, kind, due_at) VALUES ($1, $2, 'review', '2024-03-05T00:00:00+08:00')`, [main, id]);
        }
      });
      expect(seen).toEqual([
        ['SUBMIT', 'declared', 'review'],
        ['WITHDRAW', 'draft', 'declaration'],
        ['SUBMIT', 'declared', 'review'],
        ['START_REVIEW', 'reviewing', 'review'],
        ['RETURN', 'returned', 'resubmission'],
        ['SUBMIT', 'declared', 'review'],
        ['START_REVIEW', 'reviewing', 'review'],
        ['APPROVE', 'approved', null],
      ]);
    });

    it('on a year-end event response is the deadline a fresh read gives, too', async () => {
      const { unitA1: unit, reviewerA: reviewer } = w.tokens;
      const campaign = await newCampaign({ declarationDeadline: '2024-03-15T18:00:00+08:00' });
      const id = await submittedSelfEvaluation(api, w, campaign);
      const seen = await eventsAgreeWithReads(id, [
        [reviewer, 'RETURN_SELF_EVALUATION', { comment: '请补充偏差原因' }],
        [unit, 'SUBMIT_SELF_EVALUATION'],
        [reviewer, 'CONFIRM_SELF_EVALUATION'],
      ]);
      expect(seen).toEqual([
        ['RETURN_SELF_EVALUATION', 'selfEvaluation', 'selfEvaluation'],
        ['SUBMIT_SELF_EVALUATION', 'selfEvaluationReview', null],
        ['CONFIRM_SELF_EVALUATION', 'completed', null],
      ]);
    });

    it('sort=due: the review queue, soonest deadline first, forms without one last — ordered by the database, page by page', async () => {
      const mine = new Set(Object.values(forms));
      const queue = async (query: string) =>
        ((await get(`/api/forms?${query}`, w.tokens.reviewerA)).body.items as { id: string; nextDeadline: NextDeadline | null }[]).filter((f) => mine.has(f.id));
      const all = await queue('sort=due&pageSize=100');
      const due = all.map((f) => f.nextDeadline?.dueAt ?? null);
      expect(due).toEqual([
        '2024-02-29T18:00:00+08:00',
        '2024-03-04T09:00:00+08:00',
        '2024-03-08T00:00:00+08:00',
        '2024-03-12T00:00:00+08:00',
        '2024-03-12T00:00:00+08:00',
        '2024-03-15T18:00:00+08:00',
        '2024-03-15T18:00:00+08:00',
        '2027-03-15T18:00:00+08:00',
        '2100-04-30T18:00:00+08:00',
        null,
      ]);
      expect(all.map((f) => f.id).slice(0, 3)).toEqual([forms.overdueDraft, forms.overdueReview, forms.returned]);
      expect(all.at(-1)!.id).toBe(forms.approved);
      // Pages cut the sorted list (the order is the query's, not the page's).
      const unitFilter = `unitId=${w.units.A1}`;
      const everything = (await get(`/api/forms?sort=due&pageSize=100&${unitFilter}`, w.tokens.reviewerA)).body.items.map((f: { id: string }) => f.id);
      const page1 = (await get(`/api/forms?sort=due&pageSize=2&page=1&${unitFilter}`, w.tokens.reviewerA)).body;
      const page2 = (await get(`/api/forms?sort=due&pageSize=2&page=2&${unitFilter}`, w.tokens.reviewerA)).body;
      expect([...page1.items, ...page2.items].map((f: { id: string }) => f.id)).toEqual(everything.slice(0, 4));
      expect(page1.total).toBe(everything.length);
      // The default order is not the queue's.
      expect((await queue('pageSize=100')).map((f) => f.id)).not.toEqual(all.map((f) => f.id));
      expect((await get('/api/forms?sort=soon', w.tokens.reviewerA)).status).toBe(400);
    });

    it('state takes a comma-separated list (or a repeated parameter); an unknown or empty state is 400', async () => {
      const ids = async (query: string) => {
        const res = await get(`/api/forms?campaignId=${main}&pageSize=100&${query}`, w.tokens.reviewerA);
        expect(res.status).toBe(200);
        return new Set((res.body.items as { id: string }[]).map((f) => f.id));
      };
      const underReview = new Set([forms.declared, forms.reviewing, forms.overdueReview]);
      expect(await ids('state=declared,reviewing')).toEqual(underReview);
      expect(await ids('state=declared&state=reviewing')).toEqual(underReview);
      expect(await ids('state=returned')).toEqual(new Set([forms.returned]));
      expect((await ids('state=draft,returned')).has(forms.returned)).toBe(true);
      for (const query of ['state=declared,bogus', 'state=bogus', 'state=', 'state=,']) {
        const res = await get(`/api/forms?${query}`, w.tokens.reviewerA);
        expect([query, res.status, res.body.error?.code]).toEqual([query, 400, 'BAD_REQUEST']);
      }
    });

    // The machine cancels each deadline when the form moves on; these rows check the query does not rely on it.
    it('only an active deadline of a kind that matters in the form’s state counts', async () => {
      const insert = (formId: string, kind: string, dueAt: string, status: string) =>
        api.db.source.query(
          `INSERT INTO deadlines (campaign_id, form_id, kind, due_at, status) SELECT campaign_id, id, $2, $3, $4 FROM forms WHERE id = $1`,
          [formId, kind, dueAt, status],
        );
      // A stray active review deadline on an approved form, and a cancelled earlier one under review.
      await insert(forms.approved, 'review', '2024-03-05T00:00:00+08:00', 'active');
      await insert(forms.reviewing, 'review', '2024-03-05T00:00:00+08:00', 'cancelled');
      expect((await view(forms.approved)).nextDeadline).toBeNull();
      expect((await view(forms.reviewing)).nextDeadline).toMatchObject({ kind: 'review', dueAt: '2024-03-12T00:00:00+08:00' });
      // A draft's own declaration deadline, had it one, would come before the campaign's (even a later one).
      const ownDeadline = '2024-03-20T18:00:00+08:00';
      await insert(forms.draft, 'declaration', ownDeadline, 'active');
      expect((await view(forms.draft)).nextDeadline).toMatchObject({ kind: 'declaration', dueAt: ownDeadline, workingDaysLeft: 12 });
      await api.db.source.query(`UPDATE deadlines SET status = 'cancelled' WHERE form_id = $1 AND due_at = $2`, [forms.draft, ownDeadline]);
      expect((await view(forms.draft)).nextDeadline).toMatchObject({ dueAt: '2024-03-15T18:00:00+08:00' });
    });

    it('the queue stays in scope: another department’s reviewer and a sibling unit see none of these forms', async () => {
      for (const token of [w.tokens.reviewerB, w.tokens.unitA2, w.tokens.unitB1]) {
        const res = await get('/api/forms?sort=due&pageSize=100', token);
        expect(res.status).toBe(200);
        expect((res.body.items as { id: string }[]).filter((f) => Object.values(forms).includes(f.id))).toEqual([]);
      }
    });
  });
});
