import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../../api/src/db/mongo';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../api/src/db/embedded-ferretdb';
import type { DemoProgress } from '../../../api/src/contracts/health';
import { version } from '../../../api/src/version';
import { buildTestApp, listen, type Listening } from '../../support/app';
import { useTestDatabase } from '../../support/db';

type HealthBody = { status: string; db: { ok: boolean; latencyMs?: number; error?: string }; version: string };

describe('GET /api/health with the database up', () => {
  useTestDatabase();
  let server: Listening;
  beforeAll(async () => {
    server = await listen(buildTestApp());
  });
  afterAll(() => server.close());

  it('when the database answers, then 200 with db.ok true, the version and a request id', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const body = (await res.json()) as HealthBody;
    expect(body).toMatchObject({ status: 'ok', db: { ok: true, mode: 'external' }, version });
    expect(typeof body.db.latencyMs).toBe('number');
  });

  it('when there is no demo being filled in, then the answer says nothing of it', async () => {
    const body = (await (await fetch(`${server.url}/api/health`)).json()) as HealthBody & { demo?: unknown };
    expect(body.demo).toBeUndefined();
  });

  it('when a fresh demo fills in its past months, then the answer carries its phase and progress', async () => {
    let demo: DemoProgress | null = { state: 'seeding', phase: 'attendance', percent: 61 };
    const seeding = await listen(buildTestApp({ demoProgress: () => demo }));
    try {
      expect(((await (await fetch(`${seeding.url}/api/health`)).json()) as { demo: DemoProgress }).demo).toEqual({ state: 'seeding', phase: 'attendance', percent: 61 });
      demo = { state: 'done', phase: 'records', percent: 100 };
      expect(((await (await fetch(`${seeding.url}/api/health`)).json()) as { demo: DemoProgress }).demo.state).toBe('done');
    } finally {
      await seeding.close();
    }
  });

  it('when the caller sends a request id, then the response carries it back', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});

describe('GET /api/health with the database down', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let server: Listening;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhiban-health-'));
    db = await startEmbeddedDatabase({ dataDir: dir });
    await connectDatabase(`${db.baseUri}health`);
    server = await listen(buildTestApp());
  });
  afterAll(async () => {
    await server.close();
    await disconnectDatabase().catch(() => undefined);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the database server stops, then 503 with db.ok false, promptly', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await db.stop();
    const started = Date.now();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as HealthBody;
    expect(body).toMatchObject({ status: 'degraded', db: { ok: false } });
    expect(typeof body.db.error).toBe('string');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
