import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');

/** Debian's Chromium (`apt-get install -y chromium`); a test tool's own browser download does not work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go: an artifact of the run, never committed (.gitignore). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'web');

/**
 * Builds apps/web into a directory of its own, so that the test serves the page of the sources it
 * runs against (never a stale dist/web). Returns the directory; remove it with `rmSync` afterwards.
 */
export function buildWebPage(): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'jixiao-web-'));
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', 'apps/web', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (res.status !== 0 || !existsSync(path.join(outDir, 'index.html'))) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build of apps/web failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return outDir;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A signed-out browser context on the API's origin in zh-CN and Beijing time. Every console error and
 * uncaught page error is collected: a page that logs one has a defect, and tests assert there is none.
 */
export async function newUserContext(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A failed request the page handles (a 4xx the test provokes) is reported by Chromium as a console
    // error of the network layer; those are checked through what the page shows instead.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').filter({ hasText: username }).waitFor();
}

/** Saves a full-page screenshot as a test artifact (test-artifacts/web/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
