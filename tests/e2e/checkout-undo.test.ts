import path from 'node:path';
import type { Browser } from 'playwright-core';
import { seedLiveWorld, WORLD_PASSWORD, type LiveWorld } from '../../api/bench/live-world';
import type { RunningServer } from '../../api/src/server';
import { launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';
import { Client } from '../support/zhiban';

/**
 * 签退 on a phone (item 5 of the first-users walk): leaving before the end asks first, and a
 * check-out tapped by mistake can be undone for two minutes. Set E2E_SCREENSHOTS to keep shots.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
jest.setTimeout(120_000);

describe('checking out early on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let world: LiveWorld;
  let staff: Client;
  let kioskToken = '';

  beforeAll(async () => {
    server = await startE2EServer({ ZHIBAN_SEED_DEMO: 'never' });
    // One post whose shift began a few minutes ago and runs for hours: checking out now is early.
    world = await seedLiveWorld(1, 1);
    browser = await launchBrowser();
    staff = new Client(server.url);
    expect((await staff.login(world.staffUsername, WORLD_PASSWORD)).status).toBe(200);
    kioskToken = (await staff.post<{ token: string }>(`/posts/${world.posts[0]!.id}/kiosk-token`)).body.token;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function currentCode(): Promise<string> {
    const res = await new Client(server.url).request('GET', `/kiosk/${world.posts[0]!.code}`, undefined, { 'x-kiosk-token': kioskToken });
    return (res.body as { code: { payload: string } }).code.payload;
  }
  async function stateOfDuty(): Promise<string> {
    const board = (await staff.get<{ posts: { postId: string; current: { lawyers: { lawyerId: string; state: string }[] } | null }[] }>('/liveboard')).body;
    return board.posts.find((p) => p.postId === world.posts[0]!.id)!.current!.lawyers.find((l) => l.lawyerId === world.lawyers[0]!.id)!.state;
  }

  it('when a lawyer taps 签退 during the duty, then it asks first; once confirmed the check-out can be undone within two minutes', async () => {
    const lawyer = world.lawyers[0]!;
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(lawyer.username);
    await page.locator('[data-test=login-password]').fill(WORLD_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL('**/me');

    await page.goto(`${server.url}/checkin?c=${encodeURIComponent(await currentCode())}`);
    await page.locator('[data-test=checkin-scanned]').waitFor();
    await page.locator('[data-test=checkin-in]').click();
    await page.locator('[data-test=checkin-success]').waitFor();
    expect(await stateOfDuty()).toMatch(/checked_in|late/);

    // 签退 now would leave early: a question, and "继续值班" records nothing.
    await page.goto(`${server.url}/checkin?c=${encodeURIComponent(await currentCode())}`);
    await page.locator('[data-test=checkin-scanned]').waitFor();
    await page.locator('[data-test=checkin-out]').click();
    const box = page.locator('.checkout-confirm');
    await box.waitFor();
    await expect(box.textContent()).resolves.toMatch(/早退 \d+ 分钟/);
    const b = (await box.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'checkout-confirm-phone.png') });
    await box.getByRole('button', { name: '继续值班' }).click();
    await box.waitFor({ state: 'hidden' });
    expect(await stateOfDuty()).toMatch(/checked_in|late/);

    // Confirmed: checked out early, with an undo offered.
    await page.locator('[data-test=checkin-out]').click();
    await page.locator('.checkout-confirm').getByRole('button', { name: '确认签退' }).click();
    await page.locator('[data-test=checkin-success]').waitFor();
    expect(await stateOfDuty()).toBe('left_early');
    const undo = page.locator('[data-test=checkout-undo]');
    await expect(undo.textContent()).resolves.toMatch(/撤销签退（剩余 1?\d{1,2} 秒）/);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'checkout-undo-phone.png') });
    await undo.click();
    await page.locator('.el-message', { hasText: '已撤销签退' }).waitFor();
    expect(await stateOfDuty()).toMatch(/checked_in|late/);
    await context.close();
  });
});
