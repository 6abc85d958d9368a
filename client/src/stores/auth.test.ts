import { beforeEach, describe, expect, it } from '@jest/globals';
import { createPinia, setActivePinia } from 'pinia';
import type { CurrentUser } from '@/api/auth';
import { fakeFetch } from '@/testing/fakeFetch';
import { useAuthStore } from './auth';

const coordinator: CurrentUser = { id: 'u1', username: 'wang', displayName: '王协调', role: 'coordinator', lawyerId: null, mustChangePassword: false };
const lawyer: CurrentUser = { id: 'u2', username: 'li', displayName: '李律师', role: 'lawyer', lawyerId: 'l2', mustChangePassword: true };

describe('the auth store', () => {
  let server: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    setActivePinia(createPinia());
    server = fakeFetch();
    // The browser remembers that someone signed in here; without that mark /me is not asked at all.
    localStorage.setItem('zhiban.signedIn', '1');
  });

  it('When this browser never signed in, then no /me request is made and nobody is signed in', async () => {
    localStorage.removeItem('zhiban.signedIn');
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(server.sent).toHaveLength(0);
    expect(auth.user).toBeNull();
    expect(auth.ready).toBe(true);
  });

  it('When nobody is signed in, then fetchMe settles with no user and the store is ready', async () => {
    server.fail('GET', '/api/auth/me', 401, 'unauthenticated');
    const auth = useAuthStore();
    await auth.fetchMe();
    expect(auth.user).toBeNull();
    expect(auth.ready).toBe(true);
  });

  it('When /me fails for another reason, then the error reaches the caller and the store is still ready', async () => {
    server.fail('GET', '/api/auth/me', 500, 'internal');
    const auth = useAuthStore();
    await expect(auth.fetchMe()).rejects.toMatchObject({ code: 'internal' });
    expect(auth.ready).toBe(true);
  });

  it('When several guards ask for the session at once, then /me is requested once', async () => {
    server.answer('GET', '/api/auth/me', coordinator);
    const auth = useAuthStore();
    await Promise.all([auth.ensureLoaded(), auth.ensureLoaded(), auth.ensureLoaded()]);
    expect(server.sent).toHaveLength(1);
    expect(auth.user).toEqual(coordinator);
  });

  it('When loading the session failed, then the next guard tries again', async () => {
    server.fail('GET', '/api/auth/me', 503, 'internal');
    server.answer('GET', '/api/auth/me', coordinator);
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(auth.user).toBeNull();
    await auth.ensureLoaded();
    expect(auth.user).toEqual(coordinator);
  });

  it('When a coordinator is signed in, then they are staff but not admin, and role lists are checked', async () => {
    server.answer('POST', '/api/auth/login', { user: coordinator });
    const auth = useAuthStore();
    await auth.login('wang', 'secret-password');
    expect(auth.isStaff).toBe(true);
    expect(auth.isAdmin).toBe(false);
    expect(auth.hasRole(['admin'])).toBe(false);
    expect(auth.hasRole(['admin', 'coordinator'])).toBe(true);
    expect(auth.hasRole(undefined)).toBe(true);
  });

  it('When a lawyer changes the required password, then the store no longer asks for it', async () => {
    server.answer('POST', '/api/auth/login', { user: lawyer });
    server.answer('POST', '/api/auth/password', undefined, 204);
    const auth = useAuthStore();
    await auth.login('li', 'old-password');
    expect(auth.mustChangePassword).toBe(true);
    expect(auth.isStaff).toBe(false);
    await auth.changePassword('old-password', 'new-password-1');
    expect(auth.mustChangePassword).toBe(false);
    expect(server.sent[1]!.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password-1' });
  });

  it('When signing out fails on the server, then the user is still forgotten here', async () => {
    server.answer('POST', '/api/auth/login', { user: coordinator });
    server.networkDown('POST', '/api/auth/logout');
    const auth = useAuthStore();
    await auth.login('wang', 'secret-password');
    await expect(auth.logout()).rejects.toMatchObject({ code: 'network' });
    expect(auth.user).toBeNull();
  });
});
