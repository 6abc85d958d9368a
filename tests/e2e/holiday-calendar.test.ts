import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../api/src/server';
import { CHINA_HOLIDAY_YEARS } from '../../scheduler/src';
import { DESKTOP, launchBrowser, newPage, startE2EServer } from '../support/e2e';
import { buildWorld, type World } from '../support/rota-world';
import { Client, createAccount, TEST_PASSWORD } from '../support/zhiban';

/**
 * The holiday calendar page: whether a year's official schedule is loaded, and a published
 * rota flagged after the calendar changes, repaired from the page.
 * Set E2E_SCREENSHOTS to a directory to keep screenshots.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
jest.setTimeout(90_000);

describe('the holiday calendar in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let coord: Client;
  let world: World;

  beforeAll(async () => {
    server = await startE2EServer({ ZHIBAN_SEED_DEMO: 'never' });
    await createAccount('admin', 'admin');
    await createAccount('coord', 'coordinator');
    const admin = new Client(server.url);
    expect((await admin.login('admin', TEST_PASSWORD)).status).toBe(200);
    coord = new Client(server.url);
    expect((await coord.login('coord', TEST_PASSWORD)).status).toBe(200);
    world = await buildWorld(admin, 1, 4);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Plans and publishes through the API; the server's own job loop does the work. */
  async function publish(from: string, to: string): Promise<string> {
    const draft = await coord.post<{ rotaId: string }>('/rotas/drafts', { from, to, postIds: [world.posts[0]!.id], confirmMissingCalendar: true });
    expect(draft.status).toBe(202);
    const until = async (status: string) => {
      for (let i = 0; i < 120; i++) {
        const rota = (await coord.get<{ status: string; revision: number }>(`/rotas/${draft.body.rotaId}`)).body;
        if (rota.status === status) return rota;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`rota never became ${status}`);
    };
    const rota = await until('draft');
    expect((await coord.post(`/rotas/${draft.body.rotaId}/publish`, { revision: rota.revision, confirmMissingCalendar: true })).status).toBe(202);
    await until('published');
    return draft.body.rotaId;
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  }

  it('when a year without the official schedule is shown and a published day becomes a holiday, then the page says so and repairs the rota', async () => {
    const year = new Date().getFullYear() + 1;
    const from = `${year}-01-01`;
    const rotaId = await publish(from, `${year}-01-31`);
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill('coord');
    await page.locator('[data-test=login-password]').fill(TEST_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL('**/staff/**');

    await page.goto(`${server.url}/staff/calendar`);
    const input = page.locator('.el-input-number input');
    await input.fill(String(year));
    await input.press('Enter');
    const loaded = CHINA_HOLIDAY_YEARS.includes(year);
    await page.locator(loaded ? '[data-test=calendar-official-loaded]' : '[data-test=calendar-official-missing]').waitFor();

    // A working Tuesday of the published month becomes a local holiday.
    const day = `${year}-01-${String(5 + ((2 - new Date(`${year}-01-05T00:00:00Z`).getUTCDay() + 7) % 7)).padStart(2, '0')}`;
    expect((await coord.put(`/calendar/days/${day}`, { type: 'holiday', name: '地方假日' })).status).toBe(200);
    await page.reload();
    const conflicts = page.locator('[data-test=calendar-conflicts]');
    await conflicts.waitFor();
    await page.getByText(day).first().waitFor();
    await shot(page, 'holiday-calendar-conflicts-desktop');
    await page.locator('[data-test=calendar-repair]').click();
    await conflicts.waitFor({ state: 'detached' });
    const rota = (await coord.get<{ slots: { day: string }[]; publishedVersion: number }>(`/rotas/${rotaId}`)).body;
    expect(rota.slots.some((s) => s.day === day)).toBe(false);
    expect(rota.publishedVersion).toBe(2);
    await context.close();
  });
});
