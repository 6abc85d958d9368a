import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../api/src/config';
import { startServer, type RunningServer } from '../../api/src/server';
import { testDatabaseBase, uniqueDatabaseName } from './db';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The real server (built client included) on a free port, against a fresh database on the
 * test FerretDB. Stop it in afterAll.
 */
export async function startE2EServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGODB_URI: `${testDatabaseBase()}${uniqueDatabaseName()}`,
    ...env,
  });
  const server = await startServer(config);
  return { ...server, url: server.url.replace('localhost', '127.0.0.1') };
}

/** Debian's Chromium, headless, driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 900 } };

export async function newPage(browser: Browser, opts: Parameters<Browser['newContext']>[0] = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts });
  const page = await context.newPage();
  return { context, page };
}
