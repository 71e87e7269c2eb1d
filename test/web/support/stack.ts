import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser } from 'playwright-core';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { startTestApi, TestApi } from '../../support/test-api';
import { createWorld, World } from '../../support/world';
import { buildWebPage, launchBrowser } from './browser';

/** The page built from the sources, the real API on a port of its own, the worker, and Chromium. */
export interface WebStack {
  api: TestApi;
  worker: INestApplicationContext;
  world: World;
  browser: Browser;
  baseURL: string;
  close(): Promise<void>;
}

export async function startWebStack(options: { now?: Date } = {}): Promise<WebStack> {
  // Whatever has started is stopped again if a later step fails (no database or browser left behind).
  const undo: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const step of undo.reverse()) await step();
  };
  try {
    const webRoot = buildWebPage();
    undo.push(() => rmSync(webRoot, { recursive: true, force: true }));
    const api = await startTestApi({ now: options.now, overrides: { WEB_ROOT: webRoot } });
    undo.push(() => api.close());
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const world = await createWorld(api);
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
    undo.push(() => worker.close());
    await worker.init();
    const browser = await launchBrowser();
    undo.push(() => browser.close());
    return { api, worker, world, browser, baseURL: `http://127.0.0.1:${port}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
