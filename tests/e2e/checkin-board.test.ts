import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedLiveWorld, WORLD_PASSWORD, type LiveWorld } from '../../api/bench/live-world';
import type { RunningServer } from '../../api/src/server';
import { DESKTOP, launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';
import { Client } from '../support/zhiban';

/**
 * Check-in at a post in the browser: the post's kiosk screen shows the rotating code, a lawyer
 * on a phone checks in with it, and a coordinator's live board changes without a reload.
 * Set E2E_SCREENSHOTS to a directory to keep desktop and phone screenshots.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
jest.setTimeout(90_000);

describe('check-in and the live board in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let world: LiveWorld;
  let staff: Client;

  beforeAll(async () => {
    server = await startE2EServer({ ZHIBAN_SEED_DEMO: 'never' });
    // Three posts whose shift began five minutes ago, four lawyers on duty there now.
    world = await seedLiveWorld(3, 4);
    browser = await launchBrowser();
    staff = new Client(server.url);
    expect((await staff.login(world.staffUsername, WORLD_PASSWORD)).status).toBe(200);
    for (const [i, p] of world.posts.entries()) {
      const res = await staff.patch(`/posts/${p.id}`, { location: { lat: 32.04 + i * 0.02, lng: 118.76 + i * 0.03 } });
      expect(res.status).toBe(200);
    }
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
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  }

  it('when a lawyer checks in on a phone with the kiosk’s code, then the staff board shows it without a reload and a second check-in is refused in Chinese', async () => {
    const post = world.posts[0]!;
    const lawyer = world.lawyers.find((l) => l.postIndex === 0)!;

    // The coordinator creates the post's kiosk link in the post editor.
    const board = await newPage(browser, DESKTOP);
    await signIn(board.page, world.staffUsername, '**/staff/**');
    await board.page.goto(`${server.url}/staff/posts/${post.id}`);
    await board.page.locator('[data-test=kiosk-token-issue]').click();
    const kioskLink = (await board.page.locator('[data-test=kiosk-link] code').textContent())!.trim();
    expect(kioskLink).toContain(`/kiosk/${post.code}#token=`);
    const kioskToken = kioskLink.split('#token=')[1]!;
    await shot(board.page, 'post-checkin-setup-desktop');

    // The post's screen, opened once with that link; the token leaves the address bar.
    const kiosk = await newPage(browser, DESKTOP);
    await kiosk.page.goto(kioskLink);
    const shortCode = kiosk.page.locator('[data-test=kiosk-short-code]');
    await shortCode.waitFor();
    expect(kiosk.page.url()).not.toContain(kioskToken);
    expect(await shortCode.getAttribute('data-code')).toMatch(/^\d{6}$/);
    await kiosk.page.locator('[data-test=kiosk-lawyer-due]').first().waitFor();
    await shot(kiosk.page, 'kiosk-desktop');
    const qrUrl = (await kiosk.page.locator('[data-test=kiosk-qr]').getAttribute('data-url'))!;
    expect(qrUrl).toContain('/checkin?c=');

    // The coordinator's board, watching over Socket.IO.
    await board.page.goto(`${server.url}/staff/live`);
    await board.page.locator('[data-test=live-connection][data-connected=true]').waitFor();
    const row = board.page.locator(`[data-test=live-lawyer-${lawyer.id}]`);
    await expect(row.getAttribute('data-state')).resolves.toBe('due');
    const checkedInBefore = Number(await board.page.locator('[data-test=live-count-checked_in]').getAttribute('data-count'));
    await board.page.evaluate('window.stillHere = true');
    await shot(board.page, 'live-board-desktop');

    // The lawyer's phone opens the QR code's link (as the phone camera would) and checks in.
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, lawyer.username, '**/me');
    await phone.page.locator('[data-test=me-checkin]').waitFor();
    await phone.page.goto(qrUrl);
    await phone.page.locator('[data-test=checkin-scanned]').waitFor();
    await phone.page.locator(`[data-test=checkin-duty-${post.code}]`).waitFor();
    await shot(phone.page, 'checkin-phone');
    await phone.page.locator('[data-test=checkin-in]').click();
    await phone.page.locator('[data-test=checkin-success]').waitFor();
    await expect(phone.page.locator('[data-test=checkin-success]').textContent()).resolves.toContain('签到成功');
    await shot(phone.page, 'checkin-done-phone');

    // The board changes within a second or two, in the same page.
    await board.page.locator(`[data-test=live-lawyer-${lawyer.id}][data-state=checked_in]`).waitFor({ timeout: 5_000 });
    await board.page.locator(`[data-test=live-count-checked_in][data-count="${checkedInBefore + 1}"]`).waitFor();
    await expect(board.page.evaluate('window.stillHere === true')).resolves.toBe(true);
    await shot(board.page, 'live-board-after-desktop');
    // The kiosk is told too (it would otherwise only refetch with its next code, up to 15 s on).
    await kiosk.page.locator('[data-test=kiosk-lawyer-checked_in]').first().waitFor({ timeout: 3_000 });

    // Typing the kiosk's digits again is refused with a reason in Chinese.
    await phone.page.locator('[data-test=checkin-scanned] button').click();
    await phone.page.locator('[data-test=checkin-post-code]').fill(post.code);
    await phone.page.locator('[data-test=checkin-short-code]').fill((await shortCode.getAttribute('data-code'))!);
    await phone.page.locator('[data-test=checkin-in]').click();
    const refusal = phone.page.locator('[data-test=checkin-error]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toMatch(/^(already_checked_in|code_expired)$/);
    expect(await refusal.textContent()).toMatch(/已经签到|已过期/);
    await shot(phone.page, 'checkin-refused-phone');

    // Without map tiles (none configured here) the map view lists every post by district.
    await board.page.locator('[data-test=live-view-map]').click();
    await board.page.locator('[data-test=live-view-map].is-active').waitFor();
    await board.page.locator('[data-test^=live-district-post-]').nth(2).waitFor();
    await expect(board.page.locator('[data-test^=live-district-post-]').count()).resolves.toBe(3);
    await shot(board.page, 'live-map-desktop');

    // A screen opened with a wrong or replaced token says so instead of showing a code.
    const wrong = await newPage(browser, DESKTOP);
    await wrong.page.goto(`${server.url}/kiosk/${world.posts[1]!.code}#token=${kioskToken}`);
    await wrong.page.locator('[data-test=kiosk-token-invalid]').waitFor();
    await shot(wrong.page, 'kiosk-token-invalid-desktop');
    await wrong.context.close();

    // Phone-sized views of the kiosk and the board, for the eye.
    if (SHOTS) {
      const small = await newPage(browser, PHONE);
      await small.page.goto(`${server.url}/kiosk/${post.code}?token=${kioskToken}`);
      await small.page.locator('[data-test=kiosk-short-code]').waitFor();
      await shot(small.page, 'kiosk-phone');
      await signIn(small.page, world.staffUsername, '**/staff/**');
      await small.page.goto(`${server.url}/staff/live`);
      await small.page.locator('[data-test=live-posts]').waitFor();
      await shot(small.page, 'live-board-phone');
      await small.context.close();
    }
    await Promise.all([kiosk.context.close(), board.context.close(), phone.context.close()]);
  });
});
