import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../api/src/db/embedded-ferretdb';

/**
 * Runs a small script in a separate Node process, optionally as another user, that tries to
 * reach the database without the server's credentials: connect to its socket and read its
 * files. Prints one JSON line: what it managed to do.
 */
function probe(socketPath: string, dataDir: string, asUser?: { uid: number; gid: number }): Promise<{ connected: boolean; connectError?: string; readFiles: string[]; readErrors: string[] }> {
  const script = `
    const net = require('node:net');
    const fs = require('node:fs');
    const path = require('node:path');
    const [socketPath, dataDir] = process.argv.slice(1);
    const out = { connected: false, readFiles: [], readErrors: [] };
    let names = [];
    try { names = fs.readdirSync(dataDir); } catch (e) { out.readErrors.push('dir:' + e.code); }
    for (const name of ['zhiban.sqlite', ...names]) {
      try { fs.readFileSync(path.join(dataDir, name)); out.readFiles.push(name); } catch (e) { out.readErrors.push(name + ':' + e.code); }
    }
    const s = net.connect({ path: socketPath });
    s.once('connect', () => { out.connected = true; s.destroy(); console.log(JSON.stringify(out)); });
    s.once('error', (e) => { out.connectError = e.code; console.log(JSON.stringify(out)); });
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, socketPath, dataDir], {
      cwd: os.tmpdir(),
      stdio: ['ignore', 'pipe', 'inherit'],
      ...(asUser ?? {}),
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(JSON.parse(stdout.trim()));
      } catch (err) {
        reject(new Error(`probe printed ${stdout}: ${String(err)}`));
      }
    });
  });
}

/** TCP sockets in LISTEN state that belong to a process (from /proc). */
function tcpListeners(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // the descriptor closed meanwhile
    }
  }
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] local address, cols[3] state (0A = LISTEN), cols[9] inode
      if (cols[3] === '0A' && inodes.has(cols[9]!)) found.push(`${table} ${cols[1]}`);
    }
  }
  return found;
}

const isRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

describe('the embedded database is closed to everyone but the server', () => {
  let dataDir: string;
  let db: EmbeddedDatabase;

  beforeAll(async () => {
    // A world-readable file from an older version, to be closed on start.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhiban-private-'));
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'older-version.log'), '', { mode: 0o644 });
    db = await startEmbeddedDatabase({ dataDir });
    const conn = await mongoose.createConnection(`${db.baseUri}zhiban`).asPromise();
    await conn.collection('lawyers').insertOne({ name: '张三', idNumber: '11010519491231002X' });
    await conn.close();
  });
  afterAll(async () => {
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the database runs, then its directory is 0700 and every file in it 0600 (the socket private too)', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const entries = readdirSync(dataDir);
    expect(entries).toEqual(expect.arrayContaining(['zhiban.sqlite', 'ferretdb.sock', 'older-version.log']));
    for (const name of entries) {
      const st = statSync(path.join(dataDir, name));
      expect({ name, mode: (st.mode & 0o777).toString(8) }).toEqual({ name, mode: st.isSocket() ? expect.stringMatching(/^[67]00$/) : '600' });
    }
  });

  it('when the database runs, then it answers on no TCP port at all, only on its socket', () => {
    expect(db.baseUri).toMatch(/^mongodb:\/\/%2F.+\.sock\/$/);
    expect(tcpListeners(db.pid)).toEqual([]);
  });

  (isRoot ? it : it.skip)(
    // Skipped when not run as root: only root can start the probe as another user.
    'when another local user tries from a separate process, then it can neither connect to the database nor read its files',
    async () => {
      const intruder = await probe(db.socketPath, dataDir, NOBODY);
      expect(intruder.connected).toBe(false);
      expect(intruder.connectError).toBe('EACCES');
      expect(intruder.readFiles).toEqual([]);
      expect(intruder.readErrors).toContain('zhiban.sqlite:EACCES');

      // The same probe as the server's own user does connect: the refusal above is the permissions' doing.
      const owner = await probe(db.socketPath, dataDir);
      expect(owner.connected).toBe(true);
      expect(owner.readFiles).toContain('zhiban.sqlite');
    },
  );
});
