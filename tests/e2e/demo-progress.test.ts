import type { Browser } from 'playwright-core';
import type { DemoProgress } from '../../api/src/contracts/health';
import { DEMO_ACCOUNTS } from '../../api/src/seed/demo';
import { testDatabaseBase, uniqueDatabaseName } from '../support/db';
import { DESKTOP, launchBrowser, newPage } from '../support/e2e';
import { startServerProcess, type ServerProcess } from '../support/server-process';

jest.setTimeout(180_000);

/**
 * The first start of `npm start`: the demo's past months are filled in while the server already
 * answers. Whoever signs in meanwhile is told so, with the progress, instead of reading the past
 * as if every lawyer had been absent.
 */
describe('a first start while the demo fills in its past months', () => {
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServerProcess({ MONGODB_URI: `${testDatabaseBase()}${uniqueDatabaseName()}`, ZHIBAN_SEED_DEMO: '1' }, 120_000);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGKILL');
    await server?.exited;
  });

  it('when staff sign in during the first minutes, then a banner shows the demo being filled in with its progress', async () => {
    const health = async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { demo?: DemoProgress }).demo;
    expect(await health()).toMatchObject({ state: 'seeding' });

    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')!;
    const { page } = await newPage(browser, DESKTOP);
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(staff.username);
    await page.locator('[data-test=login-password]').fill(staff.password);
    await page.locator('[data-test=login-submit]').click();
    const banner = page.locator('[data-test=demo-seeding]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('正在生成演示数据');
    expect(await banner.locator('.el-progress').count()).toBe(1);
  });
});
