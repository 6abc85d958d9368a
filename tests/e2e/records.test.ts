import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedLiveWorld, WORLD_PASSWORD, type LiveWorld } from '../../api/bench/live-world';
import type { RunningServer } from '../../api/src/server';
import { DESKTOP, launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';

/**
 * Duty records in the browser: a lawyer on a phone records a consultation (the draft survives a
 * reload) and a plea witnessing; the coordinator's statistics and chart move.
 * Set E2E_SCREENSHOTS to a directory to keep screenshots.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
jest.setTimeout(90_000);

describe('duty records and statistics in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let world: LiveWorld;

  beforeAll(async () => {
    server = await startE2EServer({ ZHIBAN_SEED_DEMO: 'never' });
    // Two posts whose shift began five minutes ago, two lawyers on duty there now.
    world = await seedLiveWorld(2, 2);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string, landing: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(username);
    await page.locator('[data-test=login-password]').fill(WORLD_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL(landing);
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  const stat = (page: Page, key: string) => page.locator(`[data-test=stat-${key}] [data-test=stat-value]`);
  const monthlyTotal = async (page: Page) => Number(await page.locator('[data-chart=monthly]').getAttribute('data-total'));

  it('when a lawyer records a consultation and a plea witnessing on a phone, then the staff figures and the monthly chart move', async () => {
    const staff = await newPage(browser, DESKTOP);
    await signIn(staff.page, world.staffUsername, '**/staff/**');
    await staff.page.goto(`${server.url}/staff/stats`);
    await stat(staff.page, 'consultations').waitFor();
    expect(await stat(staff.page, 'consultations').textContent()).toBe('0');
    expect(await stat(staff.page, 'pleaStatements').textContent()).toBe('0');
    const chartBefore = await monthlyTotal(staff.page);

    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, world.lawyers[0]!.username, '**/me');
    await phone.page.goto(`${server.url}/me/records`);
    await phone.page.locator('[data-test=record-kind-consultation]').waitFor();
    expect(await phone.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // A consultation: the draft is kept on the phone across a reload, then sent.
    await phone.page.locator('[data-test=field-personName]').fill('王某');
    await phone.page.locator('[data-test=field-caseType]').fill('盗窃');
    await phone.page.reload();
    await expect(phone.page.locator('[data-test=field-personName]').inputValue()).resolves.toBe('王某');
    await phone.page.locator('[data-test=field-question]').fill('家属询问取保候审的条件');
    await phone.page.locator('[data-test=field-advice]').fill('告知取保候审的法定条件及申请方式');
    await shot(phone.page, 'record-consultation-phone');
    await phone.page.locator('[data-test=record-send]').click();
    await phone.page.locator('[data-test=record-sent]').first().waitFor();

    // A plea statement witnessed.
    await phone.page.locator('[data-test=record-kind-plea_witness]').click();
    await phone.page.locator('[data-test=field-caseNumber]').fill('玄检刑诉〔2026〕88号');
    await phone.page.locator('[data-test=field-personName]').fill('孙某');
    await phone.page.locator('[data-test=field-charge]').fill('危险驾驶罪');
    await phone.page.locator('[data-test=field-sentencingProposal]').fill('拘役一个月，缓刑二个月');
    await phone.page.locator('[data-test=field-opinion]').fill('同意量刑建议，程序合法');
    await phone.page.locator('[data-test=record-send]').click();
    await phone.page.locator('[data-test=record-sent]').nth(1).waitFor();
    await expect(phone.page.locator('[data-test=record-sent]').count()).resolves.toBe(2);
    await expect(phone.page.locator('[data-test=draft-queue]').count()).resolves.toBe(0);
    await shot(phone.page, 'records-sent-phone');

    // The coordinator refreshes: one consultation, one plea statement, two cases more; the chart too.
    await staff.page.locator('[data-test=stats-refresh]').click();
    await staff.page.locator('[data-test=stat-pleaStatements] [data-test=stat-value]', { hasText: /^1$/ }).waitFor();
    expect(await stat(staff.page, 'consultations').textContent()).toBe('1');
    expect(await stat(staff.page, 'cases').textContent()).toBe('2');
    await staff.page.locator(`[data-chart=monthly][data-total="${chartBefore + 4}"]`).waitFor();
    await shot(staff.page, 'stats-desktop');
  });
});
