import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../api/src/server';
import { launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';

describe('the built client in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('when the home page opens, then the Chinese title and a healthy status show', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(server.url);
    await expect(page.title()).resolves.toContain('值班律师排班系统');
    await page.getByRole('heading', { name: '欢迎使用值班律师排班系统' }).waitFor();
    await page.getByText('运行正常').waitFor();
    await context.close();
  });

  it('when a deep link is reloaded on a phone, then the page still renders (history fallback)', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/no/such/page`);
    await page.getByText('页面不存在').waitFor();
    await context.close();
  });

  it('when English is chosen, then the interface switches language', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(server.url);
    await page.evaluate("localStorage.setItem('zhiban.locale', 'en')");
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to zhiban' }).waitFor();
    await context.close();
  });
});
