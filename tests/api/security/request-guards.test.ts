import { SessionModel } from '../../../api/src/modules/users/users.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, TEST_PASSWORD, useApp } from '../../support/zhiban';

useTestDatabase();
const app = useApp();
const secureApp = useApp(() => ({ secureCookies: true }));

beforeAll(async () => {
  await createAccount('coord1', 'coordinator');
  await createAccount('coord2', 'coordinator');
});

function login(headers: Record<string, string>, body: string) {
  return fetch(`${app.url()}/api/auth/login`, { method: 'POST', headers, body });
}

describe('cross-site requests', () => {
  it('when a state-changing request names another site as its Origin, then 403 origin_refused and no session is made', async () => {
    const before = await SessionModel.countDocuments();
    const res = await login({ 'content-type': 'application/json', origin: 'https://evil.example' }, JSON.stringify({ username: 'coord1', password: TEST_PASSWORD }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('origin_refused');
    expect(await SessionModel.countDocuments()).toBe(before);
    const same = await login({ 'content-type': 'application/json', origin: app.url() }, JSON.stringify({ username: 'coord1', password: TEST_PASSWORD }));
    expect(same.status).toBe(200);
  });

  it('when the body is an HTML form, then it is not read: 400 and no session', async () => {
    const before = await SessionModel.countDocuments();
    const res = await login({ 'content-type': 'application/x-www-form-urlencoded' }, `username=coord1&password=${TEST_PASSWORD}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await SessionModel.countDocuments()).toBe(before);
  });
});

describe('answers with private data', () => {
  it('when a dossier list or an export is fetched, then Cache-Control is no-store', async () => {
    const c = await app.as('coord1');
    for (const path of ['/lawyers', '/lawyers/export', '/auth/me']) {
      const res = await c.get(path);
      expect({ path, status: res.status, cache: res.headers.get('cache-control') }).toEqual({ path, status: 200, cache: 'no-store' });
    }
  });
});

describe('password changes', () => {
  it('when the current password is guessed wrongly five times, then further attempts get 429 even with the right one', async () => {
    const c = await app.as('coord2');
    for (let i = 0; i < 5; i++) {
      const wrong = await c.post('/auth/password', { currentPassword: `wrong-guess-${i}`, newPassword: 'brand-new-pass-1' });
      expect(wrong.status).toBe(400);
    }
    const blocked = await c.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-pass-1' });
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'too_many_attempts']);
    expect((await app.client().login('coord2')).status).toBe(200);
  });
});

describe('the Secure flag of the session cookie', () => {
  it('when ZHIBAN_SECURE_COOKIES is on, then the cookie is Secure even on a plain-http hop; by default only over https', async () => {
    const body = JSON.stringify({ username: 'coord1', password: TEST_PASSWORD });
    const headers = { 'content-type': 'application/json' };
    const configured = await fetch(`${secureApp.url()}/api/auth/login`, { method: 'POST', headers, body });
    expect(configured.status).toBe(200);
    expect(configured.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const plain = await fetch(`${app.url()}/api/auth/login`, { method: 'POST', headers, body });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});
