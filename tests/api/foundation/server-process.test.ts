import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { socketUri, startEmbeddedDatabase } from '../../../api/src/db/embedded-ferretdb';
import { isAlive, startServerProcess, waitUntil, type ServerProcess } from '../../support/server-process';

jest.setTimeout(120_000);

function embeddedInfo(server: ServerProcess): { socket: string; pid: number } {
  const entry = server.logs.find((l) => l.msg === 'embedded database started');
  if (!entry) throw new Error('no embedded database log line');
  return { socket: String(entry.socket), pid: Number(entry.ferretdbPid) };
}

async function health(url: string): Promise<{ status: number; body: { db: { ok: boolean; mode: string; name?: string } } }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as { db: { ok: boolean; mode: string; name?: string } } };
}

describe('the server process with the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhiban-embedded-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when started without MONGODB_URI, then it runs FerretDB, keeps data across restarts and leaves no database process behind', async () => {
    const env = { ZHIBAN_DATA_DIR: dataDir, ZHIBAN_SEED_DEMO: '0' };
    const first = await startServerProcess(env);
    expect(await health(first.url)).toMatchObject({ status: 200, body: { db: { ok: true, mode: 'embedded' } } });
    const db1 = embeddedInfo(first);
    const conn = await mongoose.createConnection(`${socketUri(db1.socket)}zhiban`).asPromise();
    await conn.collection('persistence_probe').insertOne({ note: '重启后仍在', at: new Date() });
    await conn.close();

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await waitUntil(() => !isAlive(db1.pid), 5000)).toBe(true);

    const second = await startServerProcess(env);
    const db2 = embeddedInfo(second);
    const conn2 = await mongoose.createConnection(`${socketUri(db2.socket)}zhiban`).asPromise();
    expect(await conn2.collection('persistence_probe').findOne({})).toMatchObject({ note: '重启后仍在' });
    await conn2.close();

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(await waitUntil(() => !isAlive(db2.pid), 5000)).toBe(true);
  });

  it('when the server is killed outright, then the database process exits by itself', async () => {
    const server = await startServerProcess({ ZHIBAN_DATA_DIR: dataDir, ZHIBAN_SEED_DEMO: '0' });
    const db = embeddedInfo(server);
    expect(isAlive(db.pid)).toBe(true);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await waitUntil(() => !isAlive(db.pid), 5000)).toBe(true);
  });
});

describe('the server process with MONGODB_URI', () => {
  it('when MONGODB_URI names a separately started server, then that server is used and no embedded one starts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhiban-external-'));
    const external = await startEmbeddedDatabase({ dataDir: dir });
    try {
      const server = await startServerProcess({ MONGODB_URI: `${external.baseUri}external_db`, ZHIBAN_DATA_DIR: path.join(dir, 'unused') });
      try {
        expect(server.logs.some((l) => l.msg === 'embedded database started')).toBe(false);
        expect(await health(server.url)).toMatchObject({ status: 200, body: { db: { ok: true, mode: 'external', name: 'external_db' } } });
        // Stopping the external server takes the app's database away: proof it was the one in use.
        await external.stop();
        expect((await health(server.url)).status).toBe(503);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      await external.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
