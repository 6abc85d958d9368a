import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fakeFetch } from '@/testing/fakeFetch';
import { ApiError, http, onSessionProblem, toQueryString } from './http';

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

describe('the HTTP client', () => {
  let server: ReturnType<typeof fakeFetch>;
  const sessionProblems: string[] = [];
  beforeEach(() => {
    server = fakeFetch();
    sessionProblems.length = 0;
    onSessionProblem((code) => sessionProblems.push(code));
  });

  it('When the server answers JSON, then the parsed body is returned', async () => {
    server.answer('GET', '/api/posts?active=true', [{ id: 'p1' }]);
    await expect(http.get('/api/posts', { active: true })).resolves.toEqual([{ id: 'p1' }]);
  });

  it('When a body is posted, then it is sent as JSON with the JSON content type', async () => {
    server.answer('POST', '/api/swaps', { id: 's1' }, 201);
    await http.post('/api/swaps', { slotId: 'x' });
    expect(server.sent[0]).toMatchObject({ method: 'POST', body: { slotId: 'x' }, headers: { 'Content-Type': 'application/json' } });
  });

  it('When a POST has no body, then an empty object is sent', async () => {
    server.answer('POST', '/api/swaps/s1/accept', { id: 's1' });
    await http.post('/api/swaps/s1/accept');
    expect(server.sent[0]!.body).toEqual({});
  });

  it('When the server answers with no content, then the result is undefined', async () => {
    server.answer('DELETE', '/api/lawyers/l1/assessments/2024', undefined, 204);
    await expect(http.delete('/api/lawyers/l1/assessments/2024')).resolves.toBeUndefined();
  });

  it('When the server answers an error, then an ApiError carries its code, message, status and details', async () => {
    server.fail('POST', '/api/lawyers', 400, 'validation_failed', 'Invalid body', [{ path: 'name', message: 'Required' }]);
    const err = await http.post('/api/lawyers', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'validation_failed', message: 'Invalid body', status: 400, details: [{ path: 'name', message: 'Required' }] });
    expect(sessionProblems).toEqual([]);
  });

  it('When an error body is not JSON, then the code is "internal" with the status text', async () => {
    server.answerRaw('GET', '/api/rotas', 502, '<html>Bad gateway</html>');
    await expect(http.get('/api/rotas')).rejects.toMatchObject({ code: 'internal', status: 502, message: 'Status 502' });
  });

  it('When a 401 comes without a code, then it is "unauthenticated" and the app hears the session ended', async () => {
    server.answerRaw('GET', '/api/auth/me', 401, '');
    await expect(http.get('/api/auth/me')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(sessionProblems).toEqual(['unauthenticated']);
  });

  it('When a login is refused, then the app is not told the session ended', async () => {
    server.fail('POST', '/api/auth/login', 401, 'invalid_credentials');
    await expect(http.post('/api/auth/login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(sessionProblems).toEqual([]);
  });

  it('When the server requires a new password, then the app hears it whatever the status', async () => {
    server.fail('GET', '/api/rotas', 403, 'password_change_required');
    await expect(http.get('/api/rotas')).rejects.toMatchObject({ code: 'password_change_required', status: 403 });
    expect(sessionProblems).toEqual(['password_change_required']);
  });

  it('When the network is down, then the error is "network" with status 0', async () => {
    server.networkDown('GET', '/api/rotas');
    await expect(http.get('/api/rotas')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('When a listener is registered, then it replaces the previous one', async () => {
    const first = jest.fn();
    onSessionProblem(first);
    onSessionProblem(() => undefined);
    server.answerRaw('GET', '/api/auth/me', 401, '');
    await http.get('/api/auth/me').catch(() => undefined);
    expect(first).not.toHaveBeenCalled();
  });
});
