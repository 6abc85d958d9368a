import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../config';

export const FERRETDB_VERSION = 'v1.24.2';
/** The wrapper's revision (tools/ferretdb/main.go): bump it when the wrapper changes, so the install step rebuilds. */
export const FERRETDB_WRAPPER_REVISION = 'r2';

export function defaultFerretDBBinary(): string {
  return path.join(projectRoot, 'tools', 'ferretdb', 'bin', `ferretdb-${FERRETDB_VERSION}-${FERRETDB_WRAPPER_REVISION}`);
}

/** The socket file inside the data directory; the MongoDB driver wants a host ending in `.sock`. */
export const SOCKET_NAME = 'ferretdb.sock';
/** Unix socket paths are limited to 107 bytes on Linux. */
const MAX_SOCKET_PATH = 107;

export interface EmbeddedDatabase {
  /** mongodb://<url-encoded socket path>/ — append a database name. */
  baseUri: string;
  /** The Unix socket, inside the private data directory. */
  socketPath: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  binary?: string;
  /** Called with lines the server writes on stderr. */
  onLog?: (line: string) => void;
}

export class EmbeddedDatabaseUnavailable extends Error {}

/** The connection string of a FerretDB (or mongod) listening on a Unix socket. */
export function socketUri(socketPath: string): string {
  return `mongodb://${encodeURIComponent(socketPath)}/`;
}

function canConnect(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: socketPath });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Makes the data directory private: 0700 for it and its subdirectories, 0600 for its files
 * (also for files an older version left world-readable).
 */
export function makePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(full);
    else if (entry.isFile()) chmodSync(full, 0o600);
  }
}

/**
 * Starts FerretDB (MongoDB wire protocol on SQLite files in `dataDir`) as a child process.
 * FerretDB 1.x has no login on SQLite, so the database is closed by the file system: it
 * listens only on a Unix socket inside `dataDir`, which is 0700 with 0600 files, so only
 * this user (and root) can connect or read the files; there is no TCP listener. The child
 * watches its stdin pipe, so it exits by itself if this process dies without stopping it.
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
  makePrivate(dataDir);
  const socketPath = path.join(dataDir, SOCKET_NAME);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new Error(`The data directory path is too long for the database socket (${socketPath}); choose a shorter ZHIBAN_DATA_DIR`);
  }
  if (existsSync(socketPath)) {
    if (await canConnect(socketPath)) throw new Error(`Another database server is already running on ${dataDir}`);
    // Left behind by a server that was killed outright.
    if (statSync(socketPath).isSocket()) rmSync(socketPath);
  }

  const child: ChildProcess = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-unix=${socketPath}`,
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
  while (!(await canConnect(socketPath))) {
    if (exited) throw new Error(`FerretDB exited during start-up (${exitInfo}):\n${stderrTail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`FerretDB did not accept connections on ${socketPath} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    baseUri: socketUri(socketPath),
    socketPath,
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
