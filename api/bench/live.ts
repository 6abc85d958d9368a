/**
 * Live-board benchmark (`npm run bench:live`): a real API process, 340 lawyers on duty now,
 * 1,000 staff board sockets, 340 check-ins through HTTP within ~10 s (after 10 warm-up ones).
 * Prints one JSON line: latency is from sending a check-in request to each socket receiving it
 * in a `liveboard:updates` message; `checkinAnswer…` is the HTTP answer alone. The sockets live
 * in a worker thread (board-watchers.ts) and speak the Socket.IO protocol leanly (board-socket.ts).
 * Uses MONGODB_URI (a fresh database on it) or an embedded FerretDB in a temp directory.
 * Loopback only; stops by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded-ferretdb';
import { connectDatabase, disconnectDatabase } from '../src/db/mongo';
import { startServerProcess, type ServerProcess } from '../../tests/support/server-process';
import { Client } from '../../tests/support/zhiban';
import { seedLiveWorld, WORLD_PASSWORD } from './live-world';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const LAWYERS = Number(process.env.BENCH_LAWYERS ?? 340);
/** Lawyers who check in before the measurement, so it starts on a warm server (as in service). */
const WARMUP = 10;
const POSTS = 38;
const SPREAD_MS = 8_500;
/** Time left after the last check-in for its updates to arrive before counting what was lost. */
const SETTLE_MS = 2_000;
/** Threads holding the board sockets (see board-watchers.ts); this one only sends check-ins. */
const WATCHER_THREADS = Number(process.env.BENCH_WATCHER_THREADS ?? 1);

const log = (msg: string) => process.stderr.write(`[bench:live] ${msg}\n`);

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)))));
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let server: ServerProcess | undefined;
  const workers: Worker[] = [];
  const watchdog = setTimeout(() => {
    log('took too long; giving up');
    process.exit(2);
  }, 240_000);
  try {
    let base = config.mongodbUri ? config.mongodbUri.replace(/\/[^/]*$/, '/') : '';
    if (!base) {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'zhiban-bench-'));
      embedded = await startEmbeddedDatabase({ dataDir: tmp, binary: config.ferretdbBin });
      base = embedded.baseUri;
    }
    const uri = `${base}bench_live_${Date.now().toString(36)}`;
    await connectDatabase(uri);
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
    log(`seeding ${POSTS} posts and ${LAWYERS} + ${WARMUP} lawyers`);
    const seeded = await seedLiveWorld(POSTS, LAWYERS + WARMUP);
    const world = { ...seeded, lawyers: seeded.lawyers.slice(WARMUP) };
    const warmup = seeded.lawyers.slice(0, WARMUP);

    server = await startServerProcess({ MONGODB_URI: uri, ZHIBAN_SEED_DEMO: 'never', REDIS_URL: '' });
    log(`server ${server.url} (pid ${server.pid})`);
    const staff = new Client(server.url);
    await staff.login(world.staffUsername, WORLD_PASSWORD);
    const lawyers = await inBatches(world.lawyers, 8, async (l) => {
      const c = new Client(server!.url);
      const r = await c.login(l.username, WORLD_PASSWORD);
      if (r.status !== 200) throw new Error(`login ${l.username}: ${r.status}`);
      return c;
    });
    const tokens = await inBatches(world.posts, 8, async (p) => (await staff.post(`/posts/${p.id}/kiosk-token`)).body.token as string);

    log(`connecting ${SOCKETS} board sockets in ${WATCHER_THREADS} threads`);
    const sentAt = new Map<string, number>();
    const watchers = await Promise.all(
      Array.from({ length: WATCHER_THREADS }, (_, i) => {
        const share = Math.floor(SOCKETS / WATCHER_THREADS) + (i < SOCKETS % WATCHER_THREADS ? 1 : 0);
        const worker = new Worker(path.join(__dirname, 'boot-worker.cjs'), { workerData: { entry: path.join(__dirname, 'board-watchers.ts'), url: server!.url, cookie: staff.cookie!, sockets: share } });
        workers.push(worker);
        return new Promise<{ worker: Worker; ready: number }>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('message', (m: { ready?: number; error?: string }) => (m.error ? reject(new Error(m.error)) : resolve({ worker, ready: m.ready! })));
        });
      }),
    );
    const socketCount = watchers.reduce((n, w) => n + w.ready, 0);

    const codes = await inBatches(world.posts, 8, async (p, i) => {
      const r = await new Client(server!.url).request('GET', `/kiosk/${p.code}`, undefined, { 'x-kiosk-token': tokens[i]! });
      return r.body.code.payload as string;
    });

    for (const l of warmup) {
      const c = new Client(server.url);
      await c.login(l.username, WORLD_PASSWORD);
      const res = await c.post('/checkins', { code: codes[l.postIndex], kind: 'in', idempotencyKey: `warm-${l.id}` });
      if (res.status !== 201) throw new Error(`warm-up check-in: ${res.status}`);
    }
    await new Promise((r) => setTimeout(r, 500));

    log(`${world.lawyers.length} check-ins over ${SPREAD_MS} ms`);
    const started = performance.now();
    let ok = 0;
    const answered: number[] = [];
    const refused: Record<string, number> = {};
    await Promise.all(
      world.lawyers.map(async (l, i) => {
        const due = started + (i * SPREAD_MS) / world.lawyers.length;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const t0 = performance.now();
        sentAt.set(l.id, performance.timeOrigin + t0);
        const res = await lawyers[i]!.post('/checkins', { code: codes[l.postIndex], kind: 'in', idempotencyKey: `bench-${l.id}` });
        answered.push(performance.now() - t0);
        if (res.status === 201) ok++;
        else refused[res.body?.error?.code ?? res.status] = (refused[res.body?.error?.code ?? res.status] ?? 0) + 1;
      }),
    );
    const checkinSpanMs = Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const latencies: number[] = [];
    let messages = 0;
    for (const { worker } of watchers) {
      const report = await new Promise<{ receipts: [string, number[]][]; messages: number }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage({ report: true });
      });
      messages += report.messages;
      for (const [lawyerId, times] of report.receipts) {
        const t0 = sentAt.get(lawyerId);
        if (t0 !== undefined) for (const t of times) latencies.push(t - t0);
      }
    }
    const delivered = latencies.length;
    const expected = ok * socketCount;
    latencies.sort((a, b) => a - b);
    answered.sort((a, b) => a - b);
    const result = {
      sockets: socketCount,
      checkins: world.lawyers.length,
      checkinsOk: ok,
      refused,
      checkinSpanMs,
      events: ok,
      messagesPerSocket: Math.round((messages / Math.max(1, socketCount)) * 10) / 10,
      expected,
      delivered,
      lost: expected - delivered,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: percentile(latencies, 100),
      checkinAnswerP50Ms: percentile(answered, 50),
      checkinAnswerP95Ms: percentile(answered, 95),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase().catch(() => undefined);
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(String((err as Error).stack ?? err));
    process.exit(1);
  },
);
