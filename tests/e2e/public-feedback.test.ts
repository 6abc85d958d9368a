import type { Browser } from 'playwright-core';
import { seedLiveWorld, WORLD_PASSWORD, type LiveWorld } from '../../api/bench/live-world';
import type { RunningServer } from '../../api/src/server';
import { hashPassword } from '../../api/src/lib/passwords';
import { insertUser, savePasswordHash } from '../../api/src/modules/users/users.repository';
import { DESKTOP, launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';

/**
 * The public half in the browser: a citizen scans the QR on a post's duty board with a phone,
 * sees who is on duty now, complains and gets a tracking code; staff accept and uphold it and the
 * dossier shows the upheld complaint. And the hotline desk: search, open the duty, log the call.
 */
jest.setTimeout(120_000);

describe('the public lookup, a complaint and the hotline desk in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let world: LiveWorld;

  beforeAll(async () => {
    server = await startE2EServer({ ZHIBAN_SEED_DEMO: 'never' });
    // One post whose shift began five minutes ago, one lawyer on duty there now.
    world = await seedLiveWorld(1, 1);
    const operator = await insertUser({ username: 'operator', displayName: '接线员', role: 'hotline', lawyerId: null, active: true, mustChangePassword: false });
    await savePasswordHash(operator.id, await hashPassword(WORLD_PASSWORD), new Date());
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: import('playwright-core').Page, username: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(username);
    await page.locator('[data-test=login-password]').fill(WORLD_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('when a citizen scans the board’s QR on a phone and complains, then staff accept and uphold it and the dossier shows the upheld complaint', async () => {
    const post = world.posts[0]!;
    const phone = await newPage(browser, PHONE);
    await phone.page.goto(`${server.url}/board/${post.code}`);
    const scanned = (await phone.page.locator('.qr-text .url').textContent())!.trim();
    expect(scanned).toBe(`${server.url}/lookup?post=${post.code}`);

    await phone.page.goto(scanned);
    const card = phone.page.locator('[data-test=lookup-lawyer]');
    await card.waitFor();
    expect(await card.count()).toBe(1);
    await phone.page.locator('[data-test=lookup-complain]').click();
    await phone.page.locator('[data-test=feedback-text]').fill('值班律师接待时态度敷衍，没有解答问题。');
    await phone.page.locator('[data-test=feedback-phone]').fill('13912345678');
    // The altcha widget solves the proof of work in the browser; the button waits for it.
    const send = phone.page.locator('[data-test=feedback-send]:not([disabled])');
    await send.waitFor({ timeout: 30_000 });
    await send.click();
    const code = (await phone.page.locator('[data-test=tracking-code]').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);

    const staff = await newPage(browser, DESKTOP);
    await signIn(staff.page, world.staffUsername);
    await staff.page.goto(`${server.url}/staff/feedback`);
    await staff.page.getByText(code).click();
    await staff.page.locator('[data-test=feedback-accept]').click();
    await staff.page.locator('[data-test=feedback-upheld]').waitFor();
    await staff.page.locator('[data-test=feedback-upheld]').click();
    await staff.page.locator('[data-test=feedback-conclusion-input]').fill('经核查，投诉属实，已作出处理。');
    await staff.page.locator('[data-test=feedback-conclude]').click();
    await staff.page.locator('[data-test=feedback-detail]').getByText('已办结').first().waitFor();

    await staff.page.goto(`${server.url}/staff/lawyers/${world.lawyers[0]!.id}`);
    await staff.page.locator('[data-test=dossier-complaints]').getByText(code).waitFor();
    // One duty history on the dossier, each duty with its attendance.
    await staff.page.locator('[data-test=duty-history] [data-test=duty-state]').first().waitFor();
    expect(await staff.page.locator('[data-test=duty-history]').count()).toBe(1);

    await phone.page.goto(`${server.url}/feedback/${code}`);
    expect(await phone.page.locator('[data-test=feedback-conclusion]').textContent()).toContain('投诉属实');
  });

  it('when a hotline operator searches by the lawyer, opens the duty and logs the call, then it takes three steps and gives a tracking code', async () => {
    const desk = await newPage(browser, DESKTOP);
    await signIn(desk.page, 'operator');
    await desk.page.goto(`${server.url}/hotline`);
    const duty = (await (await fetch(`${server.url}/api/public/duty?post=${world.posts[0]!.code}`)).json()) as { lawyers: { name: string }[] };
    const name = duty.lawyers[0]!.name;
    // 1: search
    await desk.page.locator('[data-test=hotline-lawyer]').fill(name);
    await desk.page.locator('[data-test=hotline-lawyer]').press('Enter');
    // 2: open the duty
    await desk.page.locator('[data-test=hotline-open]').first().click();
    await desk.page.locator('[data-test=hotline-detail]').waitFor();
    expect(await desk.page.locator('[data-test=hotline-phone]').textContent()).toMatch(/^1\d{10}$/);
    // 3: log the call
    await desk.page.locator('[data-test=hotline-call-text]').fill('来电表扬该律师耐心解答');
    await desk.page.locator('[data-test=hotline-log]').click();
    expect(await desk.page.locator('[data-test=hotline-logged]').textContent()).toMatch(/查询码：[A-Z2-9]{10}/);
  });
});
