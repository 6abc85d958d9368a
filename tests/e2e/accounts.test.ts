import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../api/src/server';
import { launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';
import { createAccount, TEST_PASSWORD } from '../support/zhiban';

describe('accounts in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    await createAccount('admin1', 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(username);
    await page.locator('[data-test=login-password]').fill(password);
    await page.locator('[data-test=login-submit]').click();
  }

  it('when the password is wrong, then the sign-in page says so in Chinese', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'admin1', 'not-the-password-1');
    await expect(page.locator('[data-test=login-error]').textContent()).resolves.toContain('用户名或密码错误');
    await context.close();
  });

  it('when an admin creates a coordinator, then the temporary password works once and must be changed', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin1', TEST_PASSWORD);
    await page.waitForURL('**/staff/lawyers**');
    await page.goto(`${server.url}/admin/users`);
    await page.locator('[data-test=user-new]').click();
    await page.locator('[data-test=user-username]').fill('chen.zr');
    await page.locator('[data-test=user-display-name]').fill('陈主任');
    await page.locator('[data-test=user-role-coordinator]').click();
    await page.locator('[data-test=user-save]').click();
    const temporary = (await page.locator('[data-test=temp-password]').textContent())!.trim();
    expect(temporary).toMatch(/^[A-Za-z0-9]{12}$/);
    await page.locator('[data-test=temp-password-close]').click();
    await page.locator('[data-test=users-table]').getByText('陈主任').waitFor();
    await context.close();

    const second = await newPage(browser, PHONE);
    await signIn(second.page, 'chen.zr', temporary);
    await second.page.waitForURL('**/account/password**');
    await second.page.locator('[data-test=password-current]').fill(temporary);
    await second.page.locator('[data-test=password-next]').fill('Jinling2026-duty');
    await second.page.locator('[data-test=password-repeat]').fill('Jinling2026-duty');
    await second.page.locator('[data-test=password-submit]').click();
    await second.page.waitForURL('**/staff/lawyers**');
    await second.page.locator('[data-test=nav-toggle]').click();
    await second.page.locator('.el-drawer').getByText('律师档案').waitFor();
    await expect(second.page.locator('.el-drawer').getByText('用户管理').count()).resolves.toBe(0);
    await second.context.close();
  });

  it('when a coordinator opens an admin page, then access is refused', async () => {
    await createAccount('coordinator9', 'coordinator');
    const { context, page } = await newPage(browser);
    await signIn(page, 'coordinator9', TEST_PASSWORD);
    await page.waitForURL('**/staff/lawyers**');
    await page.goto(`${server.url}/admin/audit`);
    await page.locator('[data-test=forbidden]').waitFor();
    await context.close();
  });
});
