import type { Browser } from 'playwright-core';
import type { LawyerListItem } from '../../api/src/contracts/lawyers';
import type { Paginated } from '../../api/src/contracts/common';
import type { RunningServer } from '../../api/src/server';
import { launchBrowser, newPage, startE2EServer } from '../support/e2e';
import { Client, createAccount, idNumberFor, licenceFor, TEST_PASSWORD } from '../support/zhiban';

describe('importing lawyers from a sheet in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    await createAccount('coordinator1', 'coordinator');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('when a sheet has a bad row, then the preview marks it with the reason and only good rows are imported', async () => {
    const csv = [
      '姓名,性别,执业证号,律师事务所,执业时间,联系电话,身份证号,服务区域,政治审查,审查人,审查日期',
      `周敏,女,${licenceFor(101)},江苏钟山律师事务所,2016-04-01,13900000101,${idNumberFor('1986-02-03', 101)},玄武区,是,玄武区司法局,2025-12-01`,
      `吴昊,男,${licenceFor(102)},江苏钟山律师事务所,2018-07-01,13900000102,${idNumberFor('1988-09-09', 102)},秦淮区,否,,`,
      `郑坏行,男,12345,江苏钟山律师事务所,2018-07-01,13900000103,${idNumberFor('1988-09-09', 103)},秦淮区,否,,`,
    ].join('\n');

    const { context, page } = await newPage(browser);
    await page.goto(`${server.url}/login?redirect=/staff/lawyers/import`);
    await page.locator('[data-test=login-username]').fill('coordinator1');
    await page.locator('[data-test=login-password]').fill(TEST_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL('**/staff/lawyers/import');

    await page.locator('[data-test=import-upload] input[type=file]').setInputFiles({
      name: '律师名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.locator('[data-test=import-summary]').waitFor();
    await expect(page.locator('[data-test=import-summary]').textContent()).resolves.toContain('可导入 2 行，有误 1 行');
    const bad = page.locator('[data-test=import-row-errors-4]');
    await bad.waitFor();
    await expect(bad.textContent()).resolves.toContain('执业证号');
    await expect(page.locator('.bad-row').count()).resolves.toBe(1);

    await page.locator('[data-test=import-confirm]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await page.locator('[data-test=import-result]').getByText('新增律师 2 名').waitFor();
    await context.close();

    const api = new Client(server.url);
    await api.login('coordinator1');
    const list = await api.get<Paginated<LawyerListItem>>('/lawyers?status=applicant');
    expect(list.body.items.map((l) => l.name).sort()).toEqual(['吴昊', '周敏'].sort());
  });
});
