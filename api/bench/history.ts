/**
 * npm run bench:history — three years of history on a fresh database, then the reads that must
 * stay fast however much history there is. Prints one JSON line:
 *   lookups, lookupP50Ms, lookupP99Ms   1,000 random post + instant public lookups over HTTP
 *   hotlineSearchP99Ms                  200 hotline searches (by post and time, by licence number)
 *   boardLoadMs                         the live board's first load
 *   docs                                documents written
 * Targets on the embedded database: lookup p99 < 50 ms, hotline p99 < 100 ms, board < 300 ms.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { createApp } from '../src/app';
import { createServices, defaultSessionPolicy } from '../src/modules/services';
import { loadConfig } from '../src/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded-ferretdb';
import { checkDatabase, connectDatabase, disconnectDatabase } from '../src/db/mongo';
import { systemClock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import { localDay } from '../src/lib/local-day';
import { addDays, isoWeekday, slotId, wallTimeToInstant } from '../../scheduler/src/index';
import { dutyKeyOf } from '../src/modules/attendance/attendance.service';
import { writeMarks } from '../src/modules/checkins/checkin-marks.repository';
import { CheckinModel, type CheckinDoc } from '../src/modules/checkins/checkins.model';
import { rebuildDutyCopies } from '../src/modules/feedback/feedback-duties.repository';
import { FeedbackModel, type FeedbackDoc } from '../src/modules/feedback/feedback.model';
import { LawyerModel } from '../src/modules/lawyers/lawyers.model';
import { PostModel } from '../src/modules/posts/posts.model';
import { RotaModel, type SlotFields } from '../src/modules/rotas/rotas.model';
import { writeDuties } from '../src/modules/rotas/rotas.repository';
import { seedDemo } from '../src/seed/demo';
import { seededRandom } from '../src/seed/random';
import { version } from '../src/version';
import { Client } from '../../tests/support/zhiban';

const MONTHS = Number(process.env.BENCH_MONTHS ?? 36);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1000);
const HOTLINE_SEARCHES = 200;
/** BENCH_TRACE=1: the database commands of the measured reads, slowest shapes first, on stderr. */
const TRACE = process.env.BENCH_TRACE === '1';
const SHIFTS = [
  ['09:00', '11:30'],
  ['14:30', '17:30'],
] as const;
const ZONE = 'Asia/Shanghai';
const MIN = 60_000;
/** Documents with string primary keys, as the driver's insertMany takes them. */
type RawDocs = mongoose.mongo.OptionalId<mongoose.mongo.Document>[];

const log = (msg: string) => process.stderr.write(`[bench:history] ${msg}\n`);
const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Three years of monthly rotas for every post, each with two amendments, written as published versions. */
async function writeHistory(now: Date): Promise<{ duties: number; checkins: number; feedback: number; first: string; last: string }> {
  const rnd = seededRandom(7);
  const posts = await PostModel.find({ active: true }).lean();
  const lawyers = (await LawyerModel.find({ status: { $in: ['active', 'warned'] } }).select({ _id: 1, licenceNumber: 1, name: 1 }).lean()).map((l) => ({ id: String(l._id), licenceNumber: l.licenceNumber, name: l.name }));
  const thisMonth = localDay(ZONE, now).slice(0, 7);
  let month = thisMonth;
  for (let i = 0; i < MONTHS - 1; i++) month = addDays(`${month}-01`, -1).slice(0, 7);
  const first = `${month}-01`;
  let duties = 0;
  let checkins = 0;
  const started = performance.now();
  const feedback: FeedbackDoc[] = [];
  for (let m = 0; m < MONTHS + 1; m++) {
    const from = `${month}-01`;
    const next = addDays(from, 32).slice(0, 7);
    const to = addDays(`${next}-01`, -1);
    const slots: SlotFields[] = [];
    let k = rnd.int(0, lawyers.length - 1);
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (isoWeekday(day) >= 6) continue;
      for (const p of posts) {
        for (const [localStart, localEnd] of SHIFTS) {
          const l = lawyers[k++ % lawyers.length]!;
          slots.push({ id: slotId(String(p._id), day, localStart, localEnd), postId: String(p._id), day, localStart, localEnd, start: new Date(wallTimeToInstant(day, localStart, ZONE)), end: new Date(wallTimeToInstant(day, localEnd, ZONE)), lawyersNeeded: 1, holiday: false, makeUpDay: false, weekendOrHoliday: false, early: false, late: false, lawyerIds: [l.id], pinnedLawyerIds: [] });
        }
      }
    }
    // The rota document itself is not read by lookups: its slots live in the published versions.
    const rota = await RotaModel.create({ name: `${month} 值班表`, from, to, postIds: posts.map((p) => String(p._id)), status: 'published', revision: 1, seed: 1, slots: [], publishedVersion: null, createdBy: 'bench' });
    const rotaId = String(rota._id);
    const publishedAt = new Date(wallTimeToInstant(addDays(from, -10), '10:00', ZONE));
    await writeDuties(rotaId, 1, slots, { from, to }, { publishedAt });
    let current = slots;
    for (const [v, offset] of [[2, 8], [3, 19]] as const) {
      current = current.map((s) => ({ ...s, lawyerIds: [...s.lawyerIds] }));
      const changed = current.filter((s) => s.day === addDays(from, offset) || s.day === addDays(from, offset + 1));
      for (const s of changed.slice(0, 6)) s.lawyerIds = [lawyers[rnd.int(0, lawyers.length - 1)]!.id];
      await writeDuties(rotaId, v, current, { from, to }, { publishedAt: new Date(wallTimeToInstant(addDays(from, offset), '08:00', ZONE)), reason: '替班' });
    }
    const docs: CheckinDoc[] = [];
    for (const s of current) {
      if (s.end >= now) continue;
      duties++;
      if (rnd.next() < 0.03) continue;
      const key = dutyKeyOf({ rotaId, slotId: s.id, lawyerId: s.lawyerIds[0]! });
      const at = new Date(s.start.getTime() + (rnd.next() < 0.1 ? rnd.int(11, 40) : -rnd.int(3, 25)) * MIN);
      docs.push({ _id: `${key}:in`, dutyKey: key, kind: 'in', lawyerId: s.lawyerIds[0]!, userId: 'bench', idempotencyKey: `bench-${key}`, postId: s.postId, rotaId, slotId: s.id, day: s.day, at, location: null, distanceM: null, countersigned: false, codeWindow: 0 });
      if (rnd.next() < 0.015) {
        const l = lawyers.find((x) => x.id === s.lawyerIds[0])!;
        const kind = rnd.next() < 0.6 ? 'praise' : 'complaint';
        const received = new Date(s.end.getTime() + 86_400_000);
        feedback.push({
          _id: `BENCH${String(feedback.length).padStart(5, '0')}`,
          kind,
          channel: 'web',
          status: 'concluded',
          outcome: kind === 'complaint' ? 'not_upheld' : null,
          text: '基准测试',
          contactName: null,
          contactPhone: kind === 'complaint' ? '13900000000' : null,
          duty: { rotaId, slotId: s.id, dutyKey: key, lawyerId: l.id, lawyerName: l.name, licenceNo: l.licenceNumber, postId: s.postId, postName: '', day: s.day, localStart: s.localStart, localEnd: s.localEnd, start: s.start, end: s.end },
          receivedAt: received,
          receivedDay: localDay(ZONE, received),
          acceptBy: received,
          concludeBy: received,
          conclusion: '已处理',
          history: [],
          revision: 0,
          effectsDone: [],
        });
      }
    }
    // Straight to the driver: tens of thousands of known-good documents need no casting.
    for (let i = 0; i < docs.length; i += 2000) await CheckinModel.collection.insertMany(docs.slice(i, i + 2000) as unknown as RawDocs, { ordered: false });
    await writeMarks(docs);
    checkins += docs.length;
    log(`${month}: ${slots.length} slots, ${docs.length} check-ins (${Math.round((performance.now() - started) / 1000)} s)`);
    month = next;
  }
  for (let i = 0; i < feedback.length; i += 1000) await FeedbackModel.collection.insertMany(feedback.slice(i, i + 1000) as unknown as RawDocs, { ordered: false });
  await rebuildDutyCopies();
  return { duties, checkins, feedback: feedback.length, first, last: localDay(ZONE, now) };
}

/** The shape of a command: its name, collection and filter keys (values left out). */
function shapeOf(cmd: Record<string, unknown>): string {
  const name = Object.keys(cmd)[0]!;
  const keys = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v as { _bsontype?: string })._bsontype
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, k.startsWith('$') && Array.isArray(x) ? `[${x.length}]` : keys(x)]))
      : '?';
  const filter = cmd.filter ?? cmd.query ?? (cmd.updates as { q?: unknown }[] | undefined)?.[0]?.q ?? (cmd.deletes as { q?: unknown }[] | undefined)?.[0]?.q;
  return `${name} ${String(cmd[name])} ${filter ? JSON.stringify(keys(filter)) : ''}`;
}

function traceCommands() {
  const client = mongoose.connection.getClient();
  const started = new Map<number, { shape: string; at: number }>();
  const shapes = new Map<string, { n: number; totalMs: number; maxMs: number }>();
  let on = false;
  // The commands of one request, in order (the board's first load).
  let detail: { label: string; since: number; lines: string[] } | null = null;
  client.on('commandStarted', (e) => on && started.set(e.requestId, { shape: shapeOf(e.command as Record<string, unknown>), at: performance.now() }));
  client.on('commandSucceeded', (e) => {
    const s = started.get(e.requestId);
    if (!s) return;
    started.delete(e.requestId);
    const ms = performance.now() - s.at;
    const agg = shapes.get(s.shape) ?? { n: 0, totalMs: 0, maxMs: 0 };
    agg.n++;
    agg.totalMs += ms;
    agg.maxMs = Math.max(agg.maxMs, ms);
    shapes.set(s.shape, agg);
    if (detail) detail.lines.push(`+${Math.round(s.at - detail.since)} ms ${Math.round(ms)} ms: ${s.shape}`);
  });
  return {
    start: () => void (on = true),
    async detailed<T>(label: string, fn: () => Promise<T>): Promise<T> {
      detail = { label, since: performance.now(), lines: [] };
      try {
        return await fn();
      } finally {
        for (const line of detail.lines) log(`trace ${detail.label} ${line}`);
        detail = null;
      }
    },
    report() {
      on = false;
      for (const [shape, a] of [...shapes].sort((x, y) => y[1].totalMs - x[1].totalMs).slice(0, 25)) {
        log(`trace ${a.n}× total ${Math.round(a.totalMs)} ms, max ${Math.round(a.maxMs)} ms: ${shape}`);
      }
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let server: http.Server | undefined;
  try {
    let base = config.mongodbUri ? config.mongodbUri.replace(/\/[^/]*$/, '/') : '';
    if (!base) {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'zhiban-bench-'));
      embedded = await startEmbeddedDatabase({ dataDir: tmp, binary: config.ferretdbBin });
      base = embedded.baseUri;
    }
    await connectDatabase(`${base}bench_history_${Date.now().toString(36)}${TRACE ? '?monitorCommands=true' : ''}`);
    const trace = TRACE ? traceCommands() : null;
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
    const now = new Date();
    log('seeding 38 posts, 340 lawyers and the accounts');
    await seedDemo({ clock: systemClock });
    const written = await writeHistory(now);
    const collections = await mongoose.connection.db!.listCollections().toArray();
    let docs = 0;
    for (const c of collections) docs += await mongoose.connection.db!.collection(c.name).estimatedDocumentCount();
    log(`history written: ${JSON.stringify(written)}, ${docs} documents`);

    const logger = createLogger('silent');
    const app = createApp({
      logger,
      services: createServices({ clock: systemClock, session: defaultSessionPolicy, logger }),
      clientDist: path.join(__dirname, 'no-client'),
      checkDatabase: () => checkDatabase(),
      databaseMode: embedded ? 'embedded' : 'external',
      version,
      publicLimits: { lookup: { max: 1e9, windowMs: 60_000 }, feedback: { max: 1e9, windowMs: 60_000 }, challenge: { max: 1e9, windowMs: 60_000 }, maxBodyBytes: 16_384 },
    });
    server = http.createServer(app);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    trace?.start();
    const coordinator = new Client(url);
    await coordinator.login('coordinator', 'zhiban-coordinator');
    const loadBoard = () => coordinator.get('/liveboard');
    const boardLoadMs = Math.round(await timed(() => (trace ? trace.detailed('board', loadBoard) : loadBoard())));

    const anon = new Client(url);
    const posts = (await anon.get('/public/posts')).body as { code: string }[];
    const rnd = seededRandom(11);
    const span = now.getTime() - new Date(`${written.first}T00:00:00+08:00`).getTime();
    const randomInstant = () => {
      // Mostly office hours on a past day, as people ask; sometimes any moment.
      const t = new Date(now.getTime() - Math.floor(rnd.next() * span));
      if (rnd.next() < 0.2) return t;
      const day = localDay(ZONE, t);
      return new Date(wallTimeToInstant(day, `${String(rnd.int(9, 16)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`, ZONE));
    };
    for (let i = 0; i < 20; i++) await anon.get(`/public/duty?post=${posts[i % posts.length]!.code}&at=${randomInstant().toISOString()}`);
    const lookupTimes: number[] = [];
    let answered = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      const q = `/public/duty?post=${posts[rnd.int(0, posts.length - 1)]!.code}&at=${randomInstant().toISOString()}`;
      let status = 0;
      lookupTimes.push(await timed(async () => void (status = (await anon.get(q)).status)));
      if (status === 200) answered++;
    }
    lookupTimes.sort((a, b) => a - b);

    const hotline = new Client(url);
    await hotline.login('hotline', 'zhiban-hotline');
    const licences = (await LawyerModel.find({ status: 'active' }).select({ licenceNumber: 1 }).limit(100).lean()).map((l) => l.licenceNumber);
    const hotlineTimes: number[] = [];
    for (let i = 0; i < HOTLINE_SEARCHES; i++) {
      const q = i % 2 === 0 ? `/hotline/search?post=${posts[rnd.int(0, posts.length - 1)]!.code}&at=${randomInstant().toISOString()}` : `/hotline/search?lawyer=${licences[rnd.int(0, licences.length - 1)]}`;
      hotlineTimes.push(await timed(() => hotline.get(q)));
    }
    hotlineTimes.sort((a, b) => a - b);
    if (trace) {
      // Not part of the line: the desk's next steps, a duty's details and a search by tracking code.
      const details: number[] = [];
      const byCode: number[] = [];
      for (let i = 0; i < 40; i++) {
        const found = (await hotline.get(`/hotline/search?post=${posts[rnd.int(0, posts.length - 1)]!.code}&at=${randomInstant().toISOString()}`)).body as { duties: { rotaId: string; slotId: string; lawyerId: string; day: string }[] };
        const row = found.duties[0];
        if (row) details.push(await timed(() => hotline.get(`/hotline/duty?rotaId=${row.rotaId}&slotId=${encodeURIComponent(row.slotId)}&lawyerId=${row.lawyerId}&day=${row.day}`)));
        byCode.push(await timed(() => hotline.get(`/hotline/search?code=BENCH${String(rnd.int(0, written.feedback - 1)).padStart(5, '0')}`)));
      }
      const worst = (t: number[]) => Math.round(Math.max(...t));
      log(`trace hotline duty details: ${details.length}, worst ${worst(details)} ms; searches by tracking code: ${byCode.length}, worst ${worst(byCode)} ms`);
    }
    trace?.report();
    if (answered !== LOOKUPS) log(`${LOOKUPS - answered} lookups did not answer 200`);
    process.stdout.write(
      `${JSON.stringify({
        lookups: LOOKUPS,
        lookupP50Ms: percentile(lookupTimes, 50),
        lookupP99Ms: percentile(lookupTimes, 99),
        hotlineSearchP99Ms: percentile(hotlineTimes, 99),
        boardLoadMs,
        docs,
      })}\n`,
    );
  } finally {
    server?.closeAllConnections();
    server?.close();
    await disconnectDatabase();
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
