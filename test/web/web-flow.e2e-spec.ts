import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { hotlineFormBody as hotlineBody } from '../fixtures/form-bodies';
import { campaignBody, PASSWORD } from '../support/world';
import { newUserContext, screenshot, signIn } from './support/browser';
import { startWebStack, WebStack } from './support/stack';
import { DEV_ADMIN_PASSWORD } from '@app/config';

// Issue 7 "Tests": the whole year in a real browser, as the people who use it would click through it —
// against the real API, worker, PostgreSQL and Redis. Each step checks what the user sees.
const SEED = path.resolve(__dirname, '../fixtures/seeds/000_e735812eb1d2a4f8.txt');
/** The third form of the seed (热线服务保障经费), as a unit would paste it. */
const HOTLINE_TEXT = readFileSync(SEED, 'utf8').split('\n').slice(73, 105).join('\n');

describe('the web page in a real browser (e2e)', () => {
  let stack: WebStack;
  let campaignId: string;
  let formId: string;
  const sessions: { context: BrowserContext; page: Page; errors: string[] }[] = [];

  /** A signed-in page for one user; each user has a browser context of their own. */
  async function as(username: string, password = PASSWORD): Promise<Page> {
    const session = await newUserContext(stack.browser, stack.baseURL);
    sessions.push(session);
    await signIn(session.page, username, password);
    return session.page;
  }
  const formState = (page: Page) => page.getByTestId('form-state');

  // The steps are one story: once one fails, the later ones fail at once instead of timing out.
  let failedStep: string | null = null;
  function step(name: string, fn: () => Promise<void>, timeout?: number) {
    it(name, async () => {
      if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
      try {
        await fn();
      } catch (error) {
        failedStep = name;
        throw error;
      }
    }, timeout);
  }

  beforeAll(async () => {
    // The API's clock is 1 March 2024 (declaration open until 15 March); the year-end opens far later,
    // so only the admin's button opens it.
    stack = await startWebStack({ now: new Date('2024-03-01T02:00:00Z') });
    const res = await request(stack.api.http)
      .post('/api/campaigns')
      .set('Authorization', stack.world.admin)
      .send(campaignBody(stack.world.depts.A, { declarationDeadline: '2024-03-15T18:00:00+08:00' }));
    expect(res.status).toBe(201);
    campaignId = res.body.id;
  }, 120_000);

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await stack?.close();
  });

  afterEach(() => {
    // No step may leave an uncaught error or console error behind in any page.
    const errors = sessions.flatMap((s) => s.errors.splice(0));
    expect(errors).toEqual([]);
  });

  step('a unit imports a seed form from text, sees the warnings, fixes one in the editor and submits', async () => {
    const page = await as('unit-a1');
    await screenshot(page, '01-unit-forms');
    await page.getByRole('link', { name: '导入申报表' }).first().click();
    await page.getByLabel('申报批次').selectOption(campaignId);
    await page.getByLabel('申报表文本').fill(HOTLINE_TEXT);
    await page.getByRole('button', { name: '预览' }).click();
    const warnings = page.getByTestId('import-warnings');
    await warnings.getByText('热线诉求处置率').first().waitFor();
    await screenshot(page, '02-import-preview');
    await page.getByRole('button', { name: '导入为草稿' }).click();
    await page.getByTestId('import-created').getByRole('link').first().click();
    await page.waitForURL(/\/forms\/[0-9a-f-]{36}\/edit$/);
    formId = /\/forms\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];

    // The warning: a percentage "≥ 100" — the editor shows it, and it goes once the target is "=100%".
    const findings = page.getByTestId('precheck-findings');
    await findings.getByText('百分比不会超过 100%').waitFor();
    // The 11th row, as the warning says ("第 11 条指标“热线诉求处置率”").
    const row = page.getByTestId('indicator-row').nth(10);
    expect(await row.getByLabel('第11行 三级指标').inputValue()).toBe('热线诉求处置率');
    await row.getByLabel('第11行 指标值').fill('=100%');
    await row.getByTestId('target-reading').getByText(/=\s*100/).waitFor();
    await findings.getByText('百分比不会超过 100%').waitFor({ state: 'detached' });
    await screenshot(page, '03-editor');
    // Leaving with unsaved changes asks first; declining keeps the edit.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.message()))));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的申报表' }).click();
    expect(await asked).toContain('未保存的修改');
    expect(page.url()).toMatch(/\/edit$/);
    expect(await page.getByLabel('第11行 指标值').inputValue()).toBe('=100%');
    await page.getByRole('button', { name: '保存', exact: true }).first().click();
    await page.waitForURL(new RegExp(`/forms/${formId}$`));
    await formState(page).getByText('草稿').waitFor();
    await page.getByTestId('lifecycle-diagram').locator('[data-current="true"][data-state="draft"]').waitFor();

    await page.getByRole('button', { name: '申报', exact: true }).click();
    await formState(page).getByText('已申报').waitFor();
    await screenshot(page, '04-form-declared');
  });

  step('the reviewer finds it in the queue and returns it with a comment', async () => {
    const page = await as('reviewer-a');
    const row = page.getByTestId('queue-row').filter({ hasText: '热线服务保障经费' });
    await row.waitFor();
    await screenshot(page, '05-review-queue');
    await row.getByRole('link', { name: '热线服务保障经费' }).click();
    // The form opened from the queue stays under 审核队列 in the main navigation.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.locator('a.active', { hasText: '审核队列' }).waitFor();
    expect(await nav.locator('a.active').allTextContents()).toEqual(['审核队列']);
    await page.getByRole('button', { name: '开始审核', exact: true }).click();
    await formState(page).getByText('审核中').waitFor();
    await page.getByRole('button', { name: '退回', exact: true }).click();
    await page.getByLabel('退回意见').fill('请补充项目总目标，写明三年内的总体安排。');
    await page.getByRole('button', { name: '确认退回' }).click();
    await formState(page).getByText('退回修改').waitFor();
  });

  step('the unit sees the comment, edits, sees what changed and resubmits', async () => {
    const page = await as('unit-a1');
    await page.goto(`/forms/${formId}`);
    await page.getByTestId('return-comments').getByText('请补充项目总目标').waitFor();
    await action(page, '编辑').click();
    await page.getByLabel('总体目标', { exact: true }).fill('三年内建成热线前端受理与先行联系的长效机制。');
    await page.getByRole('button', { name: '保存', exact: true }).first().click();
    await page.waitForURL(new RegExp(`/forms/${formId}$`));
    await page.getByTestId('revision-diff').getByText('三年内建成热线前端受理').first().waitFor();
    await screenshot(page, '06-returned-diff');
    await page.getByRole('button', { name: '申报', exact: true }).click();
    await formState(page).getByText('已申报').waitFor();
  });

  step('the reviewer approves it with an amount', async () => {
    const page = await as('reviewer-a');
    await page.goto(`/forms/${formId}`);
    await page.getByRole('button', { name: '开始审核', exact: true }).click();
    await formState(page).getByText('审核中').waitFor();
    await page.getByRole('button', { name: '批复', exact: true }).click();
    await page.getByLabel('批复金额（元）').fill('1800000.00');
    await page.getByRole('button', { name: '确认批复' }).click();
    await formState(page).getByText('已批复').waitFor();
    await screenshot(page, '07-approved');
  });

  step('the admin opens the self-evaluation', async () => {
    const page = await as('admin', DEV_ADMIN_PASSWORD);
    await page.goto('/admin/campaigns');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '开启自评' }).first().click();
    await page.getByText(/已开启\s*1\s*份/).waitFor();
    await screenshot(page, '08-admin-campaigns');
    // The other admin pages, each showing what the world created (loaded by address, as after a reload).
    const expected: Record<string, string> = { orgs: '上海市青浦区城市运行管理中心', users: 'unit-b1', calendar: '2026 年' };
    for (const [tab, text] of Object.entries(expected)) {
      await page.goto(`/admin/${tab}`);
      await page.locator('main').getByText(text, { exact: true }).first().waitFor();
      await screenshot(page, `08-admin-${tab}`);
    }
  });

  step('the unit enters actuals, sees the provisional score and submits', async () => {
    const page = await as('unit-a1');
    // The unit learns of it from the inbox (unread count in the header) and goes to the form from there.
    await page.getByTestId('inbox-link').locator('.count').waitFor();
    await page.getByTestId('inbox-link').click();
    const note = page.getByTestId('notification').filter({ hasText: '年终自评已开启：热线服务保障经费' });
    await note.waitFor();
    await screenshot(page, '09a-inbox');
    const unreadBefore = Number(await page.getByTestId('inbox-link').locator('.count').innerText());
    await note.getByRole('button', { name: '标为已读', exact: true }).click();
    await waitForCount(page, unreadBefore - 1);
    await note.getByRole('link', { name: '查看申报表' }).click();
    await page.waitForURL(new RegExp(`/forms/${formId}$`));
    await formState(page).getByText('年终自评').waitFor();
    await action(page, '填写自评').click();
    await page.waitForURL(new RegExp(`/forms/${formId}/self-evaluation$`));
    await page.getByLabel('全年执行数（元）').fill('1700000.00');
    const actuals: Record<string, string> = {
      前端诉件受理成本: '77.00万元', 差别化先行联系成本: '57.90万元', '甄别分类、对口移送成本': '46.50万元',
      前端诉件受理量: '32000件', 差别化先行联系数量: '14500件', '甄别分类、对口移送量': '31000件',
      '甄别分类、对口移送热线准确率': '95%', 差异化先行联系合格率: '95%', '12345先行联系率': '92%', 热线受理值班时长: '24小时',
      热线诉求处置率: '100%', 有责投诉率: '1.5%', 长效管理机制健全性: '已健全', 市民满意度评分: '90%',
    };
    const form = (await request(stack.api.http).get(`/api/forms/${formId}`).set('Authorization', stack.world.tokens.unitA1)).body;
    for (const [n, indicator] of (form.indicators as { name: string }[]).entries()) {
      await page.getByLabel(`第${n + 1}行 实际完成值`).fill(actuals[indicator.name]);
      if (indicator.name === '长效管理机制健全性') {
        // 定性: the tier and the points the unit gives itself within the tier's band (here the full 10.00).
        await page.getByLabel(`第${n + 1}行 达成程度`).selectOption('achieved');
        await page.getByLabel(`第${n + 1}行 自评分值`).fill('10.00');
      }
    }
    await page.getByLabel('执行偏差原因').fill('部分服务合同按实际工作量结算。').catch(() => undefined);
    await page.getByLabel('总体目标完成情况').fill('全年完成热线前端受理与先行联系工作。');
    // Every indicator met and 执行率 94.44% (9.44 of 10): 90 + 9.44 = 99.44, 优.
    const score = page.getByTestId('provisional-score');
    await score.getByText('99.44').waitFor();
    await score.getByText('优').waitFor();
    await screenshot(page, '09-self-evaluation');
    await page.getByRole('button', { name: '提交自评' }).click();
    await page.waitForURL(new RegExp(`/forms/${formId}$`));
    await formState(page).getByText('自评审核').waitFor();
  });

  step('the reviewer sees the score explained and confirms', async () => {
    const page = await as('reviewer-a');
    await page.goto(`/forms/${formId}`);
    await formState(page).getByText('自评审核').waitFor();
    // The score as the worker stored it, explained per indicator.
    await page.getByTestId('score-total').getByText('99.44').waitFor();
    await page.getByTestId('score-indicators').getByText('市民满意度评分').waitFor();
    expect(await page.getByTestId('score-indicator').count()).toBe(14);
    await page.getByRole('button', { name: '确认自评', exact: true }).click();
    await formState(page).getByText('已完成').waitFor();
    await screenshot(page, '10-completed');
  });

  step('the report page shows the charts and the workbook downloads', async () => {
    const page = await as('reviewer-a');
    await page.goto(`/reports/${campaignId}`);
    for (const chart of ['chart-grades', 'chart-histogram', 'chart-late']) await page.getByTestId(chart).locator('svg').or(page.getByTestId(chart).and(page.locator('svg'))).first().waitFor();
    await screenshot(page, '11-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载报告（xlsx）' }).click()]);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const cells = book.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells.some((c) => c.includes('热线服务保障经费'))).toBe(true);
  });

  it('a unit user cannot reach another unit’s form by its address', async () => {
    for (const username of ['unit-a2', 'unit-b1']) {
      const page = await as(username);
      await page.goto(`/forms/${formId}`);
      await page.getByRole('alert').getByText(/不存在|未找到/).waitFor();
      await expectNoText(page, '热线服务保障经费');
    }
    await screenshot(sessions.at(-1)!.page, '12-not-found');
  });

  it('shows what the API refuses in words, and a lost connection, never a blank page', async () => {
    // A draft with nothing filled in: 申报 is refused (422) and each problem is listed in Chinese.
    const blank = { ...hotlineBody(campaignId), overallGoal: '', annualGoal: '', indicators: [] };
    const draft = await request(stack.api.http).post('/api/forms').set('Authorization', stack.world.tokens.unitA2).send(blank);
    expect(draft.status).toBe(201);
    const page = await as('unit-a2');
    await page.goto(`/forms/${draft.body.id}`);
    await page.getByRole('button', { name: '申报', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '未能申报' });
    await refusal.waitFor();
    expect(await refusal.locator('li').count()).toBeGreaterThan(0);
    expect(await refusal.innerText()).toMatch(/指标/);
    await formState(page).getByText('草稿').waitFor();
    await screenshot(page, '13-refused');

    // The API unreachable: the page says so in Chinese and stays usable.
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto('/forms');
    await page.getByRole('alert').getByText('无法连接服务器').first().waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain('unit-a2');
    await page.unroute('**/api/**');
    await screenshot(page, '14-offline');
  });
});

/** Waits until the header's unread count shows `n` (no badge when 0). */
async function waitForCount(page: Page, n: number): Promise<void> {
  const badge = page.getByTestId('inbox-link').locator('.count');
  if (n === 0) await badge.waitFor({ state: 'detached' });
  else await badge.filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
}

/** A link or a button the user would click by its words. */
function action(page: Page, name: string) {
  return page.getByRole('link', { name, exact: true }).or(page.getByRole('button', { name, exact: true })).first();
}

async function expectNoText(page: Page, text: string): Promise<void> {
  expect(await page.getByText(text).count()).toBe(0);
}
