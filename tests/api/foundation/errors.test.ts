import { buildTestApp, listen, type Listening } from '../../support/app';
import { useTestDatabase } from '../../support/db';

type ApiErrorBody = { error: { code: string; message: string } };

describe('error handling at the edge', () => {
  useTestDatabase();
  let server: Listening;
  beforeAll(async () => {
    server = await listen(buildTestApp());
  });
  afterAll(() => server.close());

  it('when an API route does not exist, then 404 with a code and the full path', async () => {
    const res = await fetch(`${server.url}/api/no-such-thing?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/no-such-thing' } });
  });

  it('when the JSON body is malformed, then 400 malformed_json', async () => {
    const res = await fetch(`${server.url}/api/health`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"broken":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('malformed_json');
  });

  it('when the body is over the limit, then 413 payload_too_large', async () => {
    const res = await fetch(`${server.url}/api/health`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ big: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('payload_too_large');
  });

  it('when a page is requested, then security headers are set', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
