import { Writable } from 'node:stream';
import { createLogger } from '../../../api/src/lib/logger';
import { useTestDatabase } from '../../support/db';
import { createAccount, TEST_PASSWORD, useApp } from '../../support/zhiban';

useTestDatabase();
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const app = useApp(() => ({ logger: createLogger('info', false, sink) }));

beforeAll(async () => {
  await createAccount('admin1', 'admin');
});

describe('the request log', () => {
  it('when someone signs in and uses the session, then neither the token, the password nor a kiosk token is in the log, while the requests are', async () => {
    const c = app.client();
    const login = await c.login('admin1');
    expect(login.status).toBe(200);
    const token = c.cookie!.slice(c.cookie!.indexOf('=') + 1);
    expect(token.length).toBeGreaterThan(20);
    await c.request('GET', '/auth/me', undefined, { authorization: 'Bearer secret-bearer-value', 'x-kiosk-token': 'kiosk-token-value-123' });
    await c.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'new-secret-pass-99' });
    await c.get('/ical/feed-capability-secret.ics');

    const log = lines.join('\n');
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/auth/me');
    expect(log).toContain('[redacted]');
    for (const secret of [token, decodeURIComponent(token), TEST_PASSWORD, 'new-secret-pass-99', 'secret-bearer-value', 'kiosk-token-value-123', 'feed-capability-secret']) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
