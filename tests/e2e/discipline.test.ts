import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../api/src/lib/actor';
import { localDay } from '../../api/src/lib/local-day';
import { hashPassword } from '../../api/src/lib/passwords';
import { RotaModel, type SlotFields } from '../../api/src/modules/rotas/rotas.model';
import { writeDuties } from '../../api/src/modules/rotas/rotas.repository';
import { insertUser, savePasswordHash } from '../../api/src/modules/users/users.repository';
import type { RunningServer } from '../../api/src/server';
import { DESKTOP, launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';
import { Client, eligibleLawyer } from '../support/zhiban';

/**
 * 一次警告、二次清退 in the browser: the detector marks a lawyer absent, the lawyer replies on a
 * phone, staff confirm (a warning), a second confirmed violation removes the lawyer, and the
 * public board shows another lawyer for the next duty. Set E2E_SCREENSHOTS to keep screenshots.
 * The two duties lie within three hours of now; each carries its own local day, and the board is
 * opened on the next duty's day, so a run near midnight in Nanjing reads the right one.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
const PASSWORD = 'discipline-e2e-42';
jest.setTimeout(300_000);

const hhmm = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

describe('discipline in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Client;
  const lawyers: { id: string; name: string }[] = [];
  let next: SlotFields;

  async function account(username: string, role: 'lawyer' | 'coordinator', lawyerId: string | null) {
    const user = await insertUser({ username, displayName: username, role, lawyerId, active: true, mustChangePassword: false });
    await savePasswordHash(user.id, await hashPassword(PASSWORD), new Date());
  }

  beforeAll(async () => {
    server = await startE2EServer({ ZHIBAN_SEED_DEMO: 'never' });
    const s = server.services;
    const actor: Actor = { userId: '000000000000000000000000', username: 'seed', role: 'admin', lawyerId: null, requestId: null };
    const post = await s.posts.create(actor, { kind: 'detention_centre', name: '纪律测试看守所', code: 'DISC-1', district: '玄武区', address: '玄武区测试路1号', geofenceRadiusM: 200, timeZone: 'Asia/Shanghai', openingHours: [], lawyersPerShift: 1, channel: 'on_site', opensOnHolidays: true, opensOnMakeUpDays: true });
    for (let n = 1; n <= 3; n++) {
      const d = await s.lawyers.create(actor, eligibleLawyer(900 + n, { name: `纪律律师${n}`, districts: ['玄武区'], postKinds: ['detention_centre'] }));
      await s.lawyers.vet(actor, d.lawyer.id, { decision: 'approve', note: '符合条件' });
      lawyers.push({ id: d.lawyer.id, name: d.lawyer.name });
    }
    await account('disclawyer', 'lawyer', lawyers[0].id);
    await account('discstaff', 'coordinator', null);

    // The first lawyer's duty began 65 minutes ago with no check-in (absent); their next one is later today.
    const now = Date.now();
    const slot = (start: Date, end: Date, tag: string): SlotFields => ({
      id: `${post.id}:${localDay('Asia/Shanghai', start)}:${tag}`,
      postId: post.id,
      day: localDay('Asia/Shanghai', start),
      localStart: hhmm(start),
      localEnd: hhmm(end),
      start,
      end,
      lawyersNeeded: 1,
      holiday: false,
      makeUpDay: false,
      weekendOrHoliday: false,
      early: false,
      late: false,
      lawyerIds: [lawyers[0].id],
      pinnedLawyerIds: [],
    });
    const missed = slot(new Date(now - 65 * 60_000), new Date(now + 30 * 60_000), 'a');
    next = slot(new Date(now + 60 * 60_000), new Date(now + 150 * 60_000), 'b');
    const rota = await RotaModel.create({ name: 'discipline', from: missed.day, to: next.day, postIds: [post.id], status: 'published', revision: 1, seed: 1, slots: [missed, next], publishedVersion: 1, createdBy: 'seed' });
    await writeDuties(String(rota._id), 1, [missed, next]);
    browser = await launchBrowser();
    staff = new Client(server.url);
    expect((await staff.login('discstaff', PASSWORD)).status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string, landing: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(username);
    await page.locator('[data-test=login-password]').fill(PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL(landing);
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
    // Up to two minutes: the detector ticks every 30 s, and a loaded machine stretches that.
    for (let i = 0; i < 240; i++) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  async function confirmOnPage(page: Page, id: string, reason: string): Promise<void> {
    await page.goto(`${server.url}/staff/violations/${id}`);
    await page.locator('[data-test=decision-reason]').fill(reason);
    await page.locator('[data-test=decision-confirm]').click();
    await page.locator('[data-test=violation-state-confirmed]').waitFor();
  }

  it('when the detector marks a lawyer absent, the lawyer replies and staff confirm twice, then the lawyer is removed and the board shows another lawyer', async () => {
    const me = lawyers[0];
    // The detector proposes the absence (it ticks every 30 s).
    const proposed = await until(async () => {
      const res = await staff.get(`/violations?lawyerId=${me.id}&type=absent`);
      return res.body.items?.[0] as { id: string } | undefined;
    }, 'the proposed absence');

    // The lawyer replies on the phone.
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, 'disclawyer', '**/me');
    await phone.page.goto(`${server.url}/me/record`);
    const card = phone.page.locator(`[data-test=my-violation-${proposed.id}]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('缺岗');
    await card.locator('[data-test=reply-text]').fill('当天早高峰地铁故障，已电话告知中心。');
    await card.locator('[data-test=reply-send]').click();
    await card.getByText('当天早高峰地铁故障').waitFor();
    await shot(phone.page, 'my-record-phone');

    // Staff find it in the queue, open it, see the reply and confirm it: a warning.
    const desk = await newPage(browser, DESKTOP);
    await signIn(desk.page, 'discstaff', '**/staff/**');
    await desk.page.goto(`${server.url}/staff/violations`);
    await desk.page.locator(`[data-test=open-violation-${proposed.id}]`).click();
    await desk.page.locator('[data-test=violation-reply]').getByText('地铁故障').waitFor();
    await shot(desk.page, 'violation-desktop');
    await desk.page.locator('[data-test=decision-reason]').fill('未提前请假，说明理由不足');
    await desk.page.locator('[data-test=decision-confirm]').click();
    await desk.page.locator('[data-test=violation-state-confirmed]').waitFor();
    expect((await staff.get(`/lawyers/${me.id}`)).body.lawyer.status).toBe('warned');

    // A second violation, confirmed: removal, and the removal job re-covers the next duty.
    // Staff enter it on the dossier.
    await desk.page.goto(`${server.url}/staff/lawyers/${me.id}`);
    await desk.page.locator('[data-test=new-violation]').click();
    await desk.page.locator('[data-test=new-violation-description]').fill('值班期间敷衍了事，群众反映强烈');
    await desk.page.locator('[data-test=new-violation-submit]').click();
    const second = await until(async () => {
      const res = await staff.get(`/violations?lawyerId=${me.id}&type=misconduct`);
      return res.body.items?.[0] as { id: string } | undefined;
    }, 'the violation entered by staff');
    await confirmOnPage(desk.page, second.id, '经核实属实');
    expect((await staff.get(`/lawyers/${me.id}`)).body.lawyer.status).toBe('removed');
    await desk.page.goto(`${server.url}/staff/lawyers/${me.id}`);
    await desk.page.locator('[data-test=removal-done]').waitFor({ timeout: 60_000 });
    await shot(desk.page, 'dossier-removal-desktop');

    // The public board shows another lawyer for the next duty.
    const board = await newPage(browser, PHONE);
    // The board of the next duty's day (it may be tomorrow when run just before midnight in Nanjing).
    await board.page.goto(`${server.url}/board/DISC-1?day=${next.day}`);
    const shift = board.page.locator('[data-test=board-shift]').filter({ hasText: `${next.localStart}–${next.localEnd}` });
    await shift.waitFor();
    const text = (await shift.textContent())!;
    expect(text).not.toContain(me.name);
    expect(lawyers.slice(1).some((l) => text.includes(l.name))).toBe(true);
    await shot(board.page, 'board-after-removal-phone');

    // The removed lawyer still signs in and sees the record, with the removal notice.
    await phone.page.goto(`${server.url}/me/record`);
    await phone.page.locator('[data-test=removed-notice]').waitFor();
  });
});
