import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LawyerDossier } from '../../api/src/contracts/lawyers';
import type { RunningServer } from '../../api/src/server';
import { DESKTOP, launchBrowser, newPage, PHONE, startE2EServer } from '../support/e2e';
import { Client, createAccount, eligibleLawyer, TEST_PASSWORD } from '../support/zhiban';

/**
 * A coordinator vets an applicant in the browser. Set E2E_SCREENSHOTS to a directory to also
 * keep desktop and phone screenshots of the lawyer list and the dossier.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;

describe('vetting an applicant in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Client;
  let applicant: LawyerDossier;
  let ineligible: LawyerDossier;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    await createAccount('coordinator1', 'coordinator');
    api = new Client(server.url);
    expect((await api.login('coordinator1')).status).toBe(200);
    const create = async (n: number, over: Parameters<typeof eligibleLawyer>[1]) => {
      const res = await api.post<LawyerDossier>('/lawyers', eligibleLawyer(n, over));
      if (res.status !== 201) throw new Error(`create lawyer ${n}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    applicant = await create(1, { name: '张晓明', firm: '江苏金陵律师事务所', districts: ['玄武区', '秦淮区'] });
    ineligible = await create(2, { name: '李文静', gender: 'female', firm: '南京长江律师事务所', attestation: undefined, licensedSince: '2024-09-01' });
    await create(3, { name: '王建国', firm: '江苏金陵律师事务所', districts: ['鼓楼区'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('[data-test=login-username]').fill('coordinator1');
    await page.locator('[data-test=login-password]').fill(TEST_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL('**/staff/lawyers**');
  }

  it('when a coordinator finds an eligible applicant and approves, then the dossier shows the lawyer active', async () => {
    expect(applicant.lawyer.status).toBe('applicant');
    expect(applicant.eligibility.eligible).toBe(true);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page);

    await page.locator('[data-test=lawyers-search]').fill('张晓明');
    await page.locator('[data-test=filter-search]').click();
    const row = page.locator(`[data-test=lawyer-row-${applicant.lawyer.licenceNumber}]`);
    await row.waitFor();
    await expect(page.locator('[data-test^=lawyer-row-]').count()).resolves.toBe(1);
    await row.click();

    await page.waitForURL(`**/staff/lawyers/${applicant.lawyer.id}`);
    await expect(page.locator('[data-test=dossier-name]').textContent()).resolves.toBe('张晓明');
    await expect(page.locator('[data-test=dossier-licence]').textContent()).resolves.toBe(applicant.lawyer.licenceNumber);
    await page.locator('[data-test=dossier-header] [data-test=status-applicant]').waitFor();
    await expect(page.locator('[data-test=dossier-eligible]').textContent()).resolves.toContain('符合条件');
    await page.locator('[data-test=dossier-contacts]').getByText(applicant.lawyer.phone!).waitFor();

    await page.locator('[data-test=action-vet]').click();
    const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=vet-submit]') });
    await dialog.waitFor();
    await dialog.locator('[data-test=vet-approve]').click();
    await dialog.locator('[data-test=vet-note]').fill('材料齐全，符合遴选条件');
    await dialog.locator('[data-test=vet-submit]').click();

    await page.locator('[data-test=dossier-header] [data-test=status-active]').waitFor();
    await page.locator('[data-test=dossier-history]').getByText('材料齐全，符合遴选条件').waitFor();
    await expect(page.locator('[data-test=action-vet]').count()).resolves.toBe(0);

    const stored = await api.get<LawyerDossier>(`/lawyers/${applicant.lawyer.id}`);
    expect(stored.body.lawyer.status).toBe('active');
    expect(stored.body.vetting.latest?.decision).toBe('approve');
    await context.close();
  });

  it('when an applicant is not eligible, then approval is blocked with the reasons shown', async () => {
    expect(ineligible.eligibility.eligible).toBe(false);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page);
    await page.goto(`${server.url}/staff/vetting`);
    await page.locator(`[data-test=queue-${ineligible.lawyer.licenceNumber}]`).click();
    await page.waitForURL(`**/staff/lawyers/${ineligible.lawyer.id}`);
    await page.locator('[data-test=rule-political_attestation].fail').waitFor();

    await page.locator('[data-test=action-vet]').click();
    await page.locator('[data-test=vet-approve]').click();
    await page.locator('[data-test=vet-blocked]').waitFor();
    await expect(page.locator('[data-test=vet-submit]').isDisabled()).resolves.toBe(true);
    await context.close();

    const stored = await api.get<LawyerDossier>(`/lawyers/${ineligible.lawyer.id}`);
    expect(stored.body.lawyer.status).toBe('applicant');
  });

  // Skipped unless E2E_SCREENSHOTS is set: it only saves pictures for people to look at and asserts nothing new.
  (SHOTS ? it : it.skip)('screenshots of the list and the dossier on desktop and phone (E2E_SCREENSHOTS set)', async () => {
    for (const [name, opts] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, opts);
      await signIn(page);
      await page.locator('[data-test^=lawyer-row-], [data-test^=lawyer-card-]').first().waitFor();
      await page.locator('.el-loading-mask').waitFor({ state: 'detached' });
      await page.screenshot({ path: path.join(SHOTS!, `lawyers-${name}.png`), fullPage: true });
      await page.goto(`${server.url}/staff/lawyers/${ineligible.lawyer.id}`);
      await page.locator('[data-test=dossier-eligibility]').waitFor();
      await page.locator('.el-loading-mask').waitFor({ state: 'detached' });
      await page.screenshot({ path: path.join(SHOTS!, `dossier-${name}.png`), fullPage: true });
      await context.close();
    }
  });
});
