import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Post } from '../../api/src/contracts/posts';
import type { RotaSummary } from '../../api/src/contracts/rotas';
import { systemClock } from '../../api/src/lib/clock';
import { seedDemo } from '../../api/src/seed/demo';
import { seedDemoRotas } from '../../api/src/seed/demoRotas';
import type { RunningServer } from '../../api/src/server';
import { launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';
import { Client } from '../support/zhiban';
import { readFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zh = require('../../client/src/i18n/zh-CN').default as Record<string, unknown>;

/**
 * What first users hit, walked again on the seeded Nanjing demo (38 posts, a published month):
 * the leave picker on a phone, the audit log at 1440 px, the pattern editor, check-in on a
 * phone, the review grid's time to first content, and no raw message key on any page.
 * Set E2E_SCREENSHOTS to a directory to keep the screenshots.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
const WIDE = { viewport: { width: 1440, height: 900 } };
const DEMO = { admin: 'zhiban-admin', coordinator: 'zhiban-coordinator', lawyer: 'zhiban-lawyer', hotline: 'zhiban-hotline' } as const;
type DemoUser = keyof typeof DEMO;

/** The client's routes, read from its route table (which imports the browser app and cannot load here). */
function clientRoutes(): { path: string; roles: string[] | null; auth: boolean; redirect: boolean }[] {
  const text = readFileSync(path.resolve(__dirname, '../../client/src/router/routes.ts'), 'utf8');
  const body = text.slice(text.indexOf('export const routes'));
  const roleSets: Record<string, string[]> = { staff: ['admin', 'coordinator'], admin: ['admin'] };
  return body
    .split(/\n {2}\{/)
    .slice(1)
    .map((block) => {
      const rolesText = /roles: (\[[^\]]*\]|staff|admin)/.exec(block)?.[1];
      const roles = rolesText
        ? rolesText.startsWith('[')
          ? rolesText.slice(1, -1).split(',').flatMap((r) => {
              const v = r.trim().replace(/^\.\.\./, '');
              return roleSets[v] ?? [v.replace(/'/g, '')];
            }).filter(Boolean)
          : roleSets[rolesText]!
        : null;
      return { path: /path: '([^']+)'/.exec(block)![1]!, roles, auth: /auth: true/.test(block), redirect: /redirect:/.test(block) };
    });
}

/** A message key shown as text: `<namespace>.<word>[.<word>…]` for a namespace of the messages. */
const RAW_KEY = new RegExp(`(?<![\\w/.@-])(?:${Object.keys(zh).join('|')})\\.[a-zA-Z_][\\w]*(?:\\.[\\w]+)*(?![\\w/@-])`);

describe('what first users hit, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Client;
  let rota: RotaSummary;
  let post: Post;

  beforeAll(async () => {
    server = await startE2EServer();
    await seedDemo({ clock: systemClock });
    await seedDemoRotas(server.services, systemClock);
    browser = await launchBrowser();
    staff = new Client(server.url);
    expect((await staff.login('coordinator', DEMO.coordinator)).status).toBe(200);
    rota = (await staff.get<RotaSummary[]>('/rotas')).body.find((r) => r.status === 'published' && r.postIds.length === 38)!;
    post = (await staff.get<Post[]>('/posts')).body[0]!;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, user: DemoUser): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill(user);
    await page.locator('[data-test=login-password]').fill(DEMO[user]);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  it('when a lawyer picks leave dates on a phone, then each calendar fits the screen and the confirmation is readable (item 1)', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'lawyer');
    await page.goto(`${server.url}/me`);
    await page.locator('[data-test=tab-leave]').click();
    const from = page.locator('[data-test=absence-range-from] input');
    await from.click();
    const panel = page.locator('.el-picker-panel:visible').first();
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, 'leave-picker-phone');
    await page.keyboard.press('Escape');
    const day = (n: number) => {
      const d = new Date(Date.now() + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    };
    await from.fill(day(20));
    await from.press('Enter');
    const to = page.locator('[data-test=absence-range-to] input');
    await to.fill(day(22));
    await to.press('Enter');
    await page.locator('textarea[data-test=absence-reason], [data-test=absence-reason] textarea').first().fill('家中有事');
    await page.locator('[data-test=absence-submit]').click();
    const toast = page.locator('.el-message').first();
    await toast.waitFor();
    const t = (await toast.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width).toBeLessThanOrEqual(390);
    await shot(page, 'leave-sent-phone');
    await context.close();
  }, 120_000);

  it('when an admin opens the audit log at 1440 px, then its menu entry is reachable from the bar and entries read as Chinese sentences with names (item 2)', async () => {
    const { context, page } = await newPage(browser, WIDE);
    await signIn(page, 'admin');
    await page.goto(`${server.url}/staff/lawyers`);
    // The staff bar groups pages; 系统管理 is visible at 1440 px and opens on hover.
    await page.locator('[data-test=nav-group-admin]').hover();
    await page.locator('[data-test=nav-audit]').click();
    await page.waitForURL('**/admin/audit');
    const first = page.locator('[data-test=audit-sentence]').first();
    await first.waitFor();
    const texts = await page.locator('[data-test=audit-sentence]').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const s of texts) {
      expect(s).toMatch(/[\u4e00-\u9fff]/);
      expect(s).not.toMatch(/[0-9a-f]{24}/);
      expect(s).not.toMatch(/\b(rota|absence|swap|calendar|checkin)\.[a-z_]+/);
    }
    expect(texts.join('\n')).toContain(rota.name);
    // Filters reach every kind of object, and the actions follow the kind chosen.
    await page.locator('[data-test=audit-entity]').click();
    for (const label of ['排班', '请假', '调班', '节假日', '签到']) await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().waitFor();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '排班' }).first().click();
    await page.locator('[data-test=audit-action]').click();
    await page.getByRole('option', { name: '发布排班', exact: true }).waitFor();
    await shot(page, 'audit-desktop');
    await context.close();
  }, 120_000);

  it('when a shift is switched from every-few-weeks to a monthly day, then the rule saved is monthly, and a night shift shows 次日 (item 3)', async () => {
    const { context, page } = await newPage(browser, WIDE);
    await signIn(page, 'coordinator');
    await page.goto(`${server.url}/staff/posts/${post.id}/patterns`);
    const before = await page.locator('[data-test^=pattern-]').filter({ has: page.locator('[data-test=pattern-sentence]') }).count();
    await page.getByRole('button', { name: '添加班次' }).click();
    const card = page.locator(`[data-test=pattern-${before}]`);
    await card.waitFor();
    await card.getByText('每隔几周').click();
    await card.getByText('每月某日').click();
    await expect(card.locator('[data-test=pattern-sentence]').textContent()).resolves.toMatch(/每月1日/);
    await expect(card.locator('[data-test=pattern-sentence]').textContent()).resolves.not.toMatch(/两个月|INTERVAL/);
    // A night shift: 20:00 to 08:00 the next day.
    await card.locator('[data-test=pattern-start]').click();
    await page.getByRole('option', { name: '20:00', exact: true }).click();
    await card.locator('[data-test=pattern-end]').click();
    // The start's list may still be fading out: the end's list was opened last.
    await page.getByRole('option', { name: '08:00', exact: true }).last().click();
    await card.locator('[data-test=pattern-next-day]').waitFor();
    await expect(card.locator('[data-test=pattern-sentence]').textContent()).resolves.toContain('20:00–次日08:00');
    await shot(page, 'pattern-night-desktop');
    await context.close();
  }, 120_000);

  it('when a lawyer opens check-in on a phone, then the hints fit, the post code example is a real one and the page says how to check in without a camera (item 5)', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'lawyer');
    await page.goto(`${server.url}/checkin`);
    await page.locator('[data-test=checkin-short-code]').waitFor();
    // The placeholder's width in its own font against the input's width (a string: this file has no DOM types).
    const fits = await page.evaluate(`(() => {
      const el = document.querySelector('input[data-test=checkin-short-code]') ?? document.querySelector('[data-test=checkin-short-code] input');
      const cs = getComputedStyle(el, '::placeholder');
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;white-space:nowrap;font-size:' + cs.fontSize + ';letter-spacing:' + cs.letterSpacing + ';font-family:' + cs.fontFamily;
      probe.textContent = el.placeholder;
      document.body.appendChild(probe);
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      return w <= el.clientWidth;
    })()`);
    expect(fits).toBe(true);
    await expect(page.locator('input[data-test=checkin-post-code], [data-test=checkin-post-code] input').first().getAttribute('placeholder')).resolves.toMatch(/[A-Z]{2}-(KSS|JCY|FY)/);
    const camera = await page.evaluate('typeof BarcodeDetector !== "undefined"');
    if (!camera) await expect(page.locator('[data-test=checkin-no-camera]').textContent()).resolves.toContain('微信');
    await shot(page, 'checkin-phone');
    await context.close();
  }, 120_000);

  it('when a sheet has a bad row and a blank last line, then the reasons read in Chinese, the blank line is no row, and a template can be downloaded (item 4)', async () => {
    const csv = [
      '姓名,性别,执业证号,律师事务所,执业时间,联系电话,身份证号',
      '郑坏行,男,12345,江苏钟山律师事务所,2018-07-01,12345,320102198001010016',
      ',,,,,,',
      '',
    ].join('\n');
    const { context, page } = await newPage(browser, WIDE);
    await signIn(page, 'coordinator');
    await page.goto(`${server.url}/staff/lawyers/import`);
    const download = page.waitForEvent('download');
    await page.locator('[data-test=import-template]').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.locator('[data-test=import-upload] input[type=file]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('[data-test=import-summary]').waitFor();
    await expect(page.locator('[data-test=import-summary]').textContent()).resolves.toContain('有误 1 行');
    const reasons = (await page.locator('[data-test=import-row-errors-2]').textContent())!;
    expect(reasons).toContain('执业证号应为 17 位数字');
    expect(reasons).toContain('手机号');
    expect(reasons).not.toMatch(/must be|is required|digits/);
    await shot(page, 'import-errors-desktop');
    await context.close();
  }, 120_000);

  it('when the live board’s map view is opened without map tiles, then the posts are listed by district instead of piled on a blank grid (item 7)', async () => {
    const { context, page } = await newPage(browser, WIDE);
    await signIn(page, 'coordinator');
    await page.goto(`${server.url}/staff/live`);
    await page.locator('[data-test=live-view-map]').click();
    await page.locator('[data-test=live-no-tiles]').waitFor();
    const list = page.locator('[data-test=live-district-list]');
    await list.waitFor();
    await expect(list.locator('[data-test^=live-district-post-]').count()).resolves.toBe(38);
    await expect(list.locator('h3').count()).resolves.toBeGreaterThanOrEqual(11);
    await shot(page, 'live-districts-desktop');
    await context.close();
  }, 120_000);

  it('when staff open a 38-post month, then the review grid shows its first shifts quickly (item 6; the time is printed)', async () => {
    const { context, page } = await newPage(browser, WIDE);
    await signIn(page, 'coordinator');
    const res = await page.request.get(`${server.url}/api/rotas/${rota.id}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers()['content-encoding']).toBe('gzip');
    // Time to first content as the page sees it: from the start of navigation to the first
    // shift put into the grid (a MutationObserver), besides the time this test waited.
    await page.addInitScript(`(() => {
      const mo = new MutationObserver(() => {
        if (!window.__firstShift && document.querySelector('[data-test=rota-grid] .slot')) window.__firstShift = Math.round(performance.now());
      });
      document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
    })()`);
    const inPage: number[] = [];
    const waited: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await page.goto(`${server.url}/staff/rotas/${rota.id}`);
      await page.locator('[data-test=rota-grid] .slot').first().waitFor({ timeout: 30_000 });
      waited.push(Date.now() - started);
      inPage.push(Number(await page.evaluate('window.__firstShift')));
    }
    await page.locator('[data-test=rota-grid][data-complete=true]').waitFor({ timeout: 30_000 });
    await shot(page, 'rota-grid-desktop');
    expect(inPage.every((ms) => ms > 0)).toBe(true);
    process.stdout.write(`${JSON.stringify({ bench: 'review-grid-first-content', posts: 38, firstShiftMs: inPage, waitedMs: waited, medianFirstShiftMs: [...inPage].sort((a, b) => a - b)[1] })}\n`);
    await context.close();
  }, 120_000);

  it('when every page of the client is opened in Chinese by a user allowed to see it, then no raw message key shows (all routes)', async () => {
    const lawyerId = (await staff.get<{ items: { id: string }[] }>('/lawyers?pageSize=1')).body.items[0]!.id;
    const params: Record<string, string> = { id: '', code: post.code };
    const pathsFor = (p: string) => {
      if (p.includes(':pathMatch')) return ['/no/such/page'];
      if (p === '/staff/lawyers/:id') return [`/staff/lawyers/${lawyerId}`];
      if (p.startsWith('/staff/posts/:id')) return [p.replace(':id', post.id)];
      if (p === '/staff/rotas/:id') return [`/staff/rotas/${rota.id}`];
      return [p.replace(/:(\w+)/g, (_m, k: string) => params[k] ?? k)];
    };
    const byRole: Record<string, DemoUser | null> = { public: null, lawyer: 'lawyer', admin: 'admin', hotline: 'hotline' };
    const checked: string[] = [];
    for (const [who, user] of Object.entries(byRole)) {
      const { context, page } = await newPage(browser, user === 'lawyer' ? PHONE : WIDE);
      if (user) await signIn(page, user);
      for (const r of clientRoutes()) {
        if (r.redirect) continue;
        const open = !r.roles && !r.auth;
        // Public pages by the public and the admin; others by a role that may open them.
        if (who === 'public' ? !open : open ? who !== 'admin' : !(r.auth || r.roles?.includes(who))) continue;
        for (const p of pathsFor(r.path)) {
          await page.goto(`${server.url}${p}`);
          await page.waitForLoadState('networkidle').catch(() => undefined);
          const text = await page.locator('body').innerText();
          const raw = RAW_KEY.exec(text);
          expect({ page: p, who, raw: raw?.[0] ?? null }).toEqual({ page: p, who, raw: null });
          checked.push(`${who} ${p}`);
        }
      }
      await context.close();
    }
    expect(checked.length).toBeGreaterThan(25);
  }, 240_000);
});
