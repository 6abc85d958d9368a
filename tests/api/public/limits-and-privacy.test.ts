import { z } from 'zod';
import type { AnyRoute } from '../../../api/src/lib/route';
import { useTestDatabase } from '../../support/db';
import { createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({
  clock,
  proofOfWork: { maxCounter: 20, validSeconds: 600 },
  publicLimits: { lookup: { max: 3, windowMs: 60_000 }, feedback: { max: 2, windowMs: 60_000 }, challenge: { max: 2, windowMs: 60_000 }, maxBodyBytes: 1024 },
}));

/** Field names that must never appear in a public answer: contact details, ID numbers, people's addresses, feedback text. */
const PRIVATE_FIELDS = ['phone', 'mobile', 'idNumber', 'contactPhone', 'contactName', 'callerPhone', 'callerName', 'text', 'homeAddress', 'email', 'lawyerPhone', 'userId'];

function fieldNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === 'object') {
    for (const [k, v] of Object.entries(s.properties as Record<string, unknown>)) {
      out.add(k);
      fieldNames(v, out);
    }
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const v = s[key];
    if (Array.isArray(v)) v.forEach((x) => fieldNames(x, out));
    else if (v && typeof v === 'object') fieldNames(v, out);
  }
  return out;
}

describe('public answers carry no private field', () => {
  const publicRoutes = () => app.app().locals.routeRegistry!.routes.filter((r: AnyRoute) => r.access === 'public' && r.path.startsWith('/public/'));

  it('when the public routes are listed, then each declares its response schema', () => {
    const missing = publicRoutes().filter((r) => !r.schemas?.response && !r.path.endsWith('/board'));
    expect(missing.map((r) => r.path)).toEqual([]);
  });

  it('when every public response schema is walked, then none names a private field', () => {
    const duty = publicRoutes().find((r) => r.path === '/public/duty')!;
    // The walk reaches nested fields (so the check below can fail).
    expect([...fieldNames(z.toJSONSchema(duty.schemas!.response as z.ZodType, { io: 'output' }))]).toEqual(expect.arrayContaining(['licenceNo', 'checkedIn', 'localStart']));
    for (const route of publicRoutes()) {
      if (!route.schemas?.response) continue;
      const names = fieldNames(z.toJSONSchema(route.schemas.response as z.ZodType, { unrepresentable: 'any', io: 'output' }));
      expect([route.path, [...names].filter((n) => PRIVATE_FIELDS.includes(n))]).toEqual([route.path, []]);
    }
  });
});

describe('per-IP limits on the public endpoints', () => {
  beforeAll(async () => {
    await createAccount('admin', 'admin');
  });

  it('when one address looks up more often than allowed, then it is told to wait (429) with a stable code', async () => {
    const anon = app.client();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await anon.get('/public/posts')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await anon.get('/public/duty?post=X&at=2026-06-01T02:00:00Z');
    expect([limited.status, limited.body.error.code]).toEqual([429, 'too_many_requests']);
  });

  it('when challenges are asked for too often, then they are refused; oversized bodies are refused before anything else', async () => {
    const anon = app.client();
    expect((await anon.get('/public/feedback/challenge')).status).toBe(200);
    expect((await anon.get('/public/feedback/challenge')).status).toBe(200);
    expect((await anon.get('/public/feedback/challenge')).status).toBe(429);
    const big = await anon.post('/public/feedback', { text: 'x'.repeat(2000) });
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
  });
});
