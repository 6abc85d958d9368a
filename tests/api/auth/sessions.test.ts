import { SESSION_COOKIE } from '../../../api/src/contracts/auth';
import { CredentialModel, SessionModel, UserModel } from '../../../api/src/modules/users/users.model';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { useTestDatabase } from '../../support/db';
import { Client, createAccount, manualClock, TEST_PASSWORD, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T01:00:00Z');
const app = useApp(() => ({ clock, session: { idleMinutes: 30, absoluteHours: 8 }, loginLimit: { max: 3, windowMs: 60_000 } }));

beforeAll(async () => {
  await createAccount('admin1', 'admin');
  await createAccount('coord1', 'coordinator');
  await createAccount('hot1', 'hotline');
  await createAccount('limited', 'coordinator');
});

describe('login and logout', () => {
  it('when the password is right, then a httpOnly SameSite=Lax cookie is set and only its hash is stored', async () => {
    const res = await fetch(`${app.url()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'coord1', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await res.json()) as { user: unknown };
    expect(body.user).toMatchObject({ username: 'coord1', role: 'coordinator', mustChangePassword: false });
    const token = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!);
    const stored = await SessionModel.find({}).lean();
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    expect(stored.some((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('when the password is wrong or the user unknown, then 401 invalid_credentials and no session', async () => {
    const before = await SessionModel.countDocuments();
    const c = app.client();
    const wrong = await c.login('admin1', 'not-the-password1');
    const unknown = await c.login('nobody', 'whatever-12345');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.body.error.code).toBe('invalid_credentials');
    expect(await SessionModel.countDocuments()).toBe(before);
  });

  it('when signed in, then /auth/me answers the user; after logout, then 401 and the session is gone', async () => {
    const c = await app.as('hot1');
    expect((await c.get('/auth/me')).body.username).toBe('hot1');
    const sessions = await SessionModel.countDocuments();
    const cookie = c.cookie;
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect(await SessionModel.countDocuments()).toBe(sessions - 1);
    const again = new Client(app.url());
    again.cookie = cookie;
    const me = await again.get('/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
  });

  it('when a login body is malformed, then 400 validation_failed', async () => {
    const res = await app.client().post('/auth/login', { username: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('rate limit', () => {
  it('when the same IP and username fail too often, then 429 with a clear code, even with the right password', async () => {
    const c = app.client();
    for (let i = 0; i < 3; i++) expect((await c.login('limited', 'wrong-password-1')).status).toBe(401);
    const blocked = await c.login('limited', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_login_attempts');
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another username from the same IP is not blocked.
    expect((await c.login('admin1')).status).toBe(200);
  });
});

describe('session expiry', () => {
  it('when the session is idle longer than the idle limit, then 401 session_expired and the session is deleted', async () => {
    const c = await app.as('coord1');
    clock.advance(29 * 60_000);
    expect((await c.get('/auth/me')).status).toBe(200);
    clock.advance(29 * 60_000); // 58 min since login but only 29 since the last request
    expect((await c.get('/auth/me')).status).toBe(200);
    clock.advance(31 * 60_000);
    const res = await c.get('/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
  });

  it('when the absolute lifetime is over, then 401 session_expired even if active', async () => {
    const c = await app.as('coord1');
    for (let i = 0; i < 16; i++) {
      clock.advance(29 * 60_000);
      expect((await c.get('/auth/me')).status).toBe(200);
    }
    clock.advance(29 * 60_000); // 8 h 1 min after login
    const res = await c.get('/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
  });
});

describe('password change and admin reset', () => {
  it('when the current password is wrong or the new one weak, then 400 and the hash is unchanged', async () => {
    await createAccount('pw1', 'coordinator');
    const user = await UserModel.findOne({ username: 'pw1' }).lean();
    const hashBefore = (await CredentialModel.findOne({ userId: user!._id }).lean())!.hash;
    const c = await app.as('pw1');
    const wrong = await c.post('/auth/password', { currentPassword: 'nope-nope-1', newPassword: 'brand-new-pass-9' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_current_password');
    const weak = await c.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('validation_failed');
    const noDigits = await c.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'onlyletterslong' });
    expect(noDigits.status).toBe(400);
    expect((await CredentialModel.findOne({ userId: user!._id }).lean())!.hash).toBe(hashBefore);
  });

  it('when the password is changed, then the old one fails, the new one works and other sessions end', async () => {
    await createAccount('pw2', 'coordinator');
    const other = await app.as('pw2');
    const c = await app.as('pw2');
    expect((await c.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-pass-9' })).status).toBe(204);
    expect((await c.get('/auth/me')).status).toBe(200);
    expect((await other.get('/auth/me')).status).toBe(401);
    expect((await app.client().login('pw2')).status).toBe(401);
    expect((await app.client().login('pw2', 'brand-new-pass-9')).status).toBe(200);
  });

  it('when an admin resets a password, then sessions end, the temporary password works and every other route is 403 until changed', async () => {
    const target = await createAccount('pw3', 'coordinator');
    const victimSession = await app.as('pw3');
    const admin = await app.as('admin1');
    const reset = await admin.post(`/users/${target.id}/reset-password`, { temporaryPassword: 'temporary-pass-1' });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    expect(JSON.stringify(reset.body)).not.toMatch(/hash|\$argon2/);
    expect((await victimSession.get('/auth/me')).status).toBe(401);

    const c = await app.as('pw3', 'temporary-pass-1');
    expect((await c.get('/auth/me')).body.mustChangePassword).toBe(true);
    const blocked = await c.get('/posts');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await c.post('/auth/password', { currentPassword: 'temporary-pass-1', newPassword: 'my-own-pass-77' })).status).toBe(204);
    expect((await c.get('/posts')).status).toBe(200);
    expect((await UserModel.findById(target.id).lean())!.mustChangePassword).toBe(false);

    const entries = await AuditModel.find({ entityId: target.id }).lean();
    expect(entries.map((e) => e.action).sort()).toEqual(['user.password_change', 'user.password_reset']);
    expect(JSON.stringify(entries)).not.toMatch(/\$argon2/);
  });

  it('when a deactivated user tries to sign in, then 401 and their sessions are ended', async () => {
    const target = await createAccount('gone', 'hotline');
    const session = await app.as('gone');
    const admin = await app.as('admin1');
    expect((await admin.patch(`/users/${target.id}`, { active: false })).status).toBe(200);
    expect((await session.get('/auth/me')).status).toBe(401);
    expect((await app.client().login('gone')).status).toBe(401);
  });
});
