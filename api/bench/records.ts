/**
 * Duty-records benchmark (`npm run bench:records`): three years of Nanjing-sized records (about
 * 12,000 a year: 5,992 cases and 4,808 plea statements in its year) with their day counters, duty
 * marks and settled day sheets, then times the reads staff and lawyers make: the statistics of a
 * month and of a year, a duty's records (the hotline desk), and — for comparison — the same month
 * counted by filtering the records collection, which on FerretDB reads every record ever made.
 * Uses MONGODB_URI (a fresh database on it) or an embedded FerretDB in a temp directory. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded-ferretdb';
import { connectDatabase, disconnectDatabase } from '../src/db/mongo';
import { RECORD_KINDS } from '../src/contracts/records';
import { counterKey } from '../src/modules/records/records.counters';
import { DutyDaySheetModel, DutyRecordMarkModel, DutyRecordModel, RecordDayCountsModel, RecordMonthCountsModel, type DutyRecordDoc } from '../src/modules/records/records.model';
import { createServices, defaultSessionPolicy } from '../src/modules/services';
import { addDays, daysBetween } from '../src/modules/records/records.time';
import { seededRandom } from '../src/seed/random';

const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const POSTS = 38;
const LAWYERS = 340;
const FIRST_DAY = '2024-01-01';
const log = (msg: string) => process.stderr.write(`[bench:records] ${msg}\n`);
const hex = (n: number, prefix: string) => (prefix + n.toString(16)).padStart(24, '0');

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ p50Ms: number; maxMs: number; result: T }> {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10, maxMs: Math.round(ms.at(-1)! * 10) / 10, result };
}

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  try {
    let base = config.mongodbUri ? config.mongodbUri.replace(/\/[^/]*$/, '/') : '';
    if (!base) {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'zhiban-bench-'));
      embedded = await startEmbeddedDatabase({ dataDir: tmp, binary: config.ferretdbBin });
      base = embedded.baseUri;
    }
    await connectDatabase(`${base}bench_records_${Date.now().toString(36)}`);
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));

    const r = seededRandom(14);
    // Ends on 31 December, so the last year and month are whole (the statistics page asks for whole months).
    const last = `${Number(FIRST_DAY.slice(0, 4)) + YEARS - 1}-12-31`;
    const days = daysBetween(FIRST_DAY, last).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    log(`writing ${YEARS} years: ${days.length} working days`);
    let records = 0;
    let sampleDuty = '';
    const monthly = new Map<string, Record<string, number>>();
    for (const day of days) {
      const docs: DutyRecordDoc[] = [];
      const counts: Record<string, number> = {};
      const marks = new Map<string, { lawyerId: string; ids: string[]; items: { id: string; kind: string; title: string; at: Date }[] }>();
      const rows = [];
      for (let slot = 0; slot < POSTS * 2; slot++) {
        const postId = hex(slot % POSTS, 'a');
        const lawyerId = hex(r.int(0, LAWYERS - 1), 'b');
        const dutyKey = `${hex(Number(day.slice(0, 4)), 'c')}:${postId}:${day}:${slot < POSTS ? '0900' : '1430'}:${lawyerId}`;
        rows.push({ postId, lawyerId, hours: slot < POSTS ? 2.5 : 3, attended: r.chance(0.97), late: r.chance(0.03), absent: false, leftEarly: false });
        // About 12,000 records a year over ~19,000 duties.
        for (let k = r.chance(0.6) ? r.int(1, 2) : 0; k > 0; k--) {
          const kind = r.pick(RECORD_KINDS);
          const _id = hex(records++, 'd');
          docs.push({ _id, kind, dutyKey, lawyerId, postId, rotaId: 'r', slotId: 's', day, month: day.slice(0, 7), year: Number(day.slice(0, 4)), createdAt: new Date(`${day}T03:00:00Z`), createdBy: 'bench', title: kind, caseNumber: null, data: { note: '基准测试' }, document: null, counted: true });
          const key = counterKey(kind, postId, lawyerId);
          counts[key] = (counts[key] ?? 0) + 1;
          const m = marks.get(dutyKey) ?? { lawyerId, ids: [], items: [] };
          m.ids.push(_id);
          m.items.push({ id: _id, kind, title: kind, at: new Date(`${day}T03:00:00Z`) });
          const mc = monthly.get(day.slice(0, 7)) ?? {};
          mc[key] = (mc[key] ?? 0) + 1;
          monthly.set(day.slice(0, 7), mc);
          marks.set(dutyKey, m);
          sampleDuty = dutyKey;
        }
      }
      await DutyRecordModel.insertMany(docs, { ordered: false });
      await RecordDayCountsModel.create({ _id: day, counts });
      await DutyRecordMarkModel.insertMany([...marks].map(([k, m]) => ({ _id: k, lawyerId: m.lawyerId, day, recordIds: m.ids, items: m.items, kinds: {}, toldAt: null, proposedAt: null })));
      await DutyDaySheetModel.create({ _id: day, computedAt: new Date(), slots: POSTS * 2, filledSlots: POSTS * 2, rows });
    }
    await RecordMonthCountsModel.insertMany([...monthly].map(([_id, counts]) => ({ _id, counts })));
    log(`${records} records written`);

    const services = createServices({ clock: { now: () => new Date(`${addDays(last, 10)}T04:00:00Z`) }, session: defaultSessionPolicy, planInWorker: false });
    const { stats, records: recordsService } = services.recordsArea;
    const lastMonth = last.slice(0, 7);
    const yearFrom = `${last.slice(0, 4)}-01-01`;
    const month = await timed(5, () => stats.summary(`${lastMonth}-01`, last));
    const year = await timed(3, () => stats.summary(yearFrom, last));
    const ninetyDays = await timed(3, () => stats.summary(addDays(last, -89), last));
    const breakdown = await timed(3, () => stats.breakdown(yearFrom, last));
    const forDuty = await timed(20, () => recordsService.forDuty(sampleDuty));
    const scan = await timed(3, () => DutyRecordModel.countDocuments({ month: lastMonth }));
    const result = {
      bench: 'records',
      years: YEARS,
      records,
      summaryMonth: { p50Ms: month.p50Ms, maxMs: month.maxMs, records: month.result.records },
      summaryYear: { p50Ms: year.p50Ms, maxMs: year.maxMs, records: year.result.records },
      summary90Days: { p50Ms: ninetyDays.p50Ms, maxMs: ninetyDays.maxMs },
      breakdownYear: { p50Ms: breakdown.p50Ms, maxMs: breakdown.maxMs },
      dutyRecords: { p50Ms: forDuty.p50Ms, maxMs: forDuty.maxMs },
      monthCountByFilter: { p50Ms: scan.p50Ms, maxMs: scan.maxMs, records: scan.result },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(String((err as Error).stack ?? err));
    process.exit(1);
  },
);
