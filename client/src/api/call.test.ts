import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fakeFetch } from '@/testing/fakeFetch';
import { call, urlOf, type BodyOf } from './call';
import { ApiError, onSessionProblem, toQueryString } from './http';

describe('toQueryString', () => {
  it('When filters are left blank, then they are not sent', () => {
    expect(toQueryString({ q: '', status: undefined, district: null, page: 2 })).toBe('?page=2');
  });

  it('When a filter holds a list, then each value is sent under the same name', () => {
    expect(toQueryString({ kind: ['court', 'procuratorate'], active: true })).toBe('?kind=court&kind=procuratorate&active=true');
  });

  it('When nothing is left, then no question mark is added', () => {
    expect(toQueryString({ q: '' })).toBe('');
    expect(toQueryString()).toBe('');
  });
});

describe('the URL of an operation', () => {
  it('When an operation has path parameters, then they are filled in and encoded, and the query follows', () => {
    expect(urlOf('GET /lawyers/:id/duty-history', { params: { id: 'l1' }, query: { year: 2026 } })).toBe('/api/lawyers/l1/duty-history?year=2026');
    expect(urlOf('GET /public/feedback/:code', { params: { code: 'A B/1' } })).toBe('/api/public/feedback/A%20B%2F1');
    expect(urlOf('GET /public/feedback/challenge')).toBe('/api/public/feedback/challenge');
  });
});

describe('the typed calls through the endpoint catalogue', () => {
  let server: ReturnType<typeof fakeFetch>;
  const sessionProblems: string[] = [];
  beforeEach(() => {
    server = fakeFetch();
    sessionProblems.length = 0;
    onSessionProblem((code) => sessionProblems.push(code));
  });

  it('When the server answers JSON, then the parsed body is returned', async () => {
    server.answer('GET', '/api/posts?active=true', [{ id: 'p1' }]);
    await expect(call('GET /posts', { query: { active: 'true' } })).resolves.toEqual([{ id: 'p1' }]);
  });

  it('When a body is posted, then it is sent as JSON with the JSON content type', async () => {
    server.answer('POST', '/api/swaps', { id: 's1' }, 201);
    await call('POST /swaps', { body: { slotId: 'x' } as unknown as BodyOf<'POST /swaps'> });
    expect(server.sent[0]).toMatchObject({ method: 'POST', body: { slotId: 'x' }, headers: { 'Content-Type': 'application/json' } });
  });

  it('When a POST has no body, then an empty object is sent', async () => {
    server.answer('POST', '/api/swaps/s1/accept', { id: 's1' });
    await call('POST /swaps/:id/accept', { params: { id: 's1' } });
    expect(server.sent[0]!.body).toEqual({});
  });

  it('When the server answers with no content, then the result is undefined', async () => {
    server.answer('DELETE', '/api/lawyers/l1/assessments/2024', undefined, 204);
    await expect(call('DELETE /lawyers/:id/assessments/:year', { params: { id: 'l1', year: 2024 } })).resolves.toBeUndefined();
  });

  it('When the server answers an error, then an ApiError carries its code, message, status and details', async () => {
    server.fail('POST', '/api/lawyers', 400, 'validation_failed', 'Invalid body', [{ path: 'name', message: 'Required' }]);
    const err = await call('POST /lawyers', { body: {} as BodyOf<'POST /lawyers'> }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'validation_failed', message: 'Invalid body', status: 400, details: [{ path: 'name', message: 'Required' }] });
    expect(sessionProblems).toEqual([]);
  });

  it('When an error body is not JSON, then the code is "internal" with the status text', async () => {
    server.answerRaw('GET', '/api/rotas', 502, '<html>Bad gateway</html>');
    await expect(call('GET /rotas')).rejects.toMatchObject({ code: 'internal', status: 502, message: 'Status 502' });
  });

  it('When a 401 comes without a code, then it is "unauthenticated" and the app hears the session ended', async () => {
    server.answerRaw('GET', '/api/auth/me', 401, '');
    await expect(call('GET /auth/me')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(sessionProblems).toEqual(['unauthenticated']);
  });

  it('When a login is refused, then the app is not told the session ended', async () => {
    server.fail('POST', '/api/auth/login', 401, 'invalid_credentials');
    await expect(call('POST /auth/login', { body: { username: 'a', password: 'b' } })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(sessionProblems).toEqual([]);
  });

  it('When the server requires a new password, then the app hears it whatever the status', async () => {
    server.fail('GET', '/api/rotas', 403, 'password_change_required');
    await expect(call('GET /rotas')).rejects.toMatchObject({ code: 'password_change_required', status: 403 });
    expect(sessionProblems).toEqual(['password_change_required']);
  });

  it('When the network is down, then the error is "network" with status 0', async () => {
    server.networkDown('GET', '/api/rotas');
    await expect(call('GET /rotas')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('When a listener is registered, then it replaces the previous one', async () => {
    const first = jest.fn();
    onSessionProblem(first);
    onSessionProblem(() => undefined);
    server.answerRaw('GET', '/api/auth/me', 401, '');
    await call('GET /auth/me').catch(() => undefined);
    expect(first).not.toHaveBeenCalled();
  });
});
