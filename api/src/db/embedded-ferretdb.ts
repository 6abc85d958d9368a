import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../config';

export const FERRETDB_VERSION = 'v1.24.2';

export function defaultFerretDBBinary(): string {
  return path.join(projectRoot, 'tools', 'ferretdb', 'bin', `ferretdb-${FERRETDB_VERSION}`);
}

export interface EmbeddedDatabase {
  /** mongodb://127.0.0.1:PORT/ — append a database name. */
  baseUri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  binary?: string;
  port?: number;
  /** Called with lines the server writes on stderr. */
  onLog?: (line: string) => void;
}

export class EmbeddedDatabaseUnavailable extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts FerretDB (MongoDB wire protocol on SQLite files in `dataDir`) as a child process
 * on a free loopback port. The child watches its stdin pipe, so it exits by itself if this
 * process dies without stopping it.
 */
export async function startEmbeddedDatabase(opts: StartOptions): Promise<EmbeddedDatabase> {
  const binary = opts.binary ?? defaultFerretDBBinary();
  if (!existsSync(binary)) {
    throw new EmbeddedDatabaseUnavailable(
      `The embedded database (FerretDB) is not built: ${binary} is missing.\n` +
        'Run `npm install` (or `npm run setup`) with Go installed to build it, ' +
        'or set MONGODB_URI to a MongoDB server, e.g. MONGODB_URI=mongodb://localhost:27017/zhiban',
    );
  }
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());

  const child: ChildProcess = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--state-dir=-',
      '--debug-addr=-',
      '--exit-with-parent',
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );

  let exited = false;
  let exitInfo = '';
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitInfo = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
      resolve();
    });
  });
  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
    for (const line of chunk.split('\n')) if (line.trim()) opts.onLog?.(line);
  });
  child.on('error', () => undefined);

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`FerretDB exited during start-up (${exitInfo}):\n${stderrTail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`FerretDB did not accept connections on port ${port} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    baseUri: `mongodb://127.0.0.1:${port}/`,
    port,
    pid: child.pid ?? -1,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
