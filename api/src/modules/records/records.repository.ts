import { createHash, randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import { changeByVersion, claimStep, isStale } from '../../db/claims';
import {
  DeadlineModel,
  DutyRecordModel,
  FastTrackCaseModel,
  LawyerYearCountsModel,
  RecordCaseModel,
  RecordDayCountsModel,
  RecordDocumentModel,
  RecordMonthCountsModel,
  RecordsSettingModel,
  SubsidyMonthModel,
  type DeadlineDoc,
  type DutyRecordDoc,
  type FastTrackCaseDoc,
  type RecordDocumentDoc,
  type RecordDayCountsDoc,
  type RecordsSettingDoc,
  type SubsidyMonthDoc,
} from './records.model';

export type { DeadlineDoc, DutyRecordDoc, FastTrackCaseDoc, SubsidyMonthDoc };

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** A 24-hex id from a caller and their request key: the same request always gets the same id. */
export function keyedId(owner: string, clientKey: string): string {
  return createHash('sha256').update(`${owner}|${clientKey}`).digest('hex').slice(0, 24);
}

/** Inserts a record; false when its id exists (a retry). */
export async function insertRecord(doc: DutyRecordDoc): Promise<boolean> {
  try {
    await DutyRecordModel.create(doc);
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

export const findRecord = (id: string) => DutyRecordModel.findById(id).lean<DutyRecordDoc>();

export const findRecords = (ids: string[]) => byIds(DutyRecordModel as unknown as mongoose.Model<DutyRecordDoc>, ids, 20);

export async function setRecordFields(id: string, set: Partial<DutyRecordDoc>): Promise<void> {
  await DutyRecordModel.updateOne({ _id: id }, { $set: set });
}

export { addToMark, findMark, findMarks, setMarkFlag } from './record-marks.repository';

/**
 * Documents by primary key, many at once. FerretDB on SQLite answers an `_id` lookup by reading
 * the table without decoding it, and an `$in` by decoding all of it: a few ids are read one by
 * one, many in one `$in` per chunk (on MongoDB both use the primary index).
 */
async function byIds<T extends { _id: string }>(model: mongoose.Model<T>, ids: string[], oneByOneUpTo: number): Promise<T[]> {
  if (ids.length === 0) return [];
  if (ids.length <= oneByOneUpTo) return (await Promise.all(ids.map((id) => model.findById(id).lean()))).filter((d) => d !== null) as unknown as T[];
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 1000) out.push(...((await model.find({ _id: { $in: ids.slice(i, i + 1000) } }).lean<T[]>()) as T[]));
  return out;
}

/** Adds to one day's counters and a lawyer's year. */
export async function incrementCounts(day: string, lawyerYear: string, counts: Record<string, number>, yearCounts: Record<string, number>): Promise<void> {
  // Read, add, claim the version, write (db/claims.ts): racing `$inc`s of one document lose counts on FerretDB.
  const add = (c: Record<string, number>) => (doc: RecordDayCountsDoc | null) => {
    const next = { ...(doc?.counts ?? {}) };
    for (const [k, v] of Object.entries(c)) next[k] = (next[k] ?? 0) + v;
    return { counts: next };
  };
  if (Object.keys(counts).length) {
    await changeByVersion(RecordDayCountsModel, 'day-counts', day, add(counts));
    await changeByVersion(RecordMonthCountsModel, 'month-counts', day.slice(0, 7), add(counts));
  }
  if (Object.keys(yearCounts).length) await changeByVersion(LawyerYearCountsModel, 'year-counts', lawyerYear, add(yearCounts));
}

export async function dayCounts(days: string[]): Promise<Map<string, Record<string, number>>> {
  const docs = await byIds(RecordDayCountsModel as unknown as mongoose.Model<RecordDayCountsDoc>, days, 3);
  return new Map(docs.map((d) => [d._id, d.counts ?? {}]));
}

export async function monthCounts(months: string[]): Promise<Map<string, Record<string, number>>> {
  const docs = await byIds(RecordMonthCountsModel as unknown as mongoose.Model<RecordDayCountsDoc>, months, 3);
  return new Map(docs.map((d) => [d._id, d.counts ?? {}]));
}

export async function lawyerYearCounts(lawyerId: string, year: number): Promise<Record<string, number>> {
  return (await LawyerYearCountsModel.findById(`${lawyerId}:${year}`).lean())?.counts ?? {};
}

/** Whether this case number is new (first record of the case). */
export async function claimCase(caseNumber: string, day: string): Promise<boolean> {
  try {
    await RecordCaseModel.create({ _id: createHash('sha256').update(caseNumber.toUpperCase()).digest('hex'), day });
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

/**
 * Claims the counting of `key` (a record) for this caller: racing requests for one record (a
 * retry while the first is still counting) count it once. A claim whose counter died before
 * marking the record counted may be taken over once it is stale (db/claims.ts).
 */
export async function claimCounting(key: string, at: Date): Promise<boolean> {
  const claim = await claimStep(`count:${key}`, randomUUID(), true, at);
  return claim.won || isStale(claim);
}

export async function saveDocument(doc: RecordDocumentDoc): Promise<void> {
  await RecordDocumentModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

/** A record's document; lean reads give the bytes as BSON Binary, answered here as a Buffer. */
export async function findDocument(id: string): Promise<RecordDocumentDoc | null> {
  const doc = await RecordDocumentModel.findById(id).lean<RecordDocumentDoc>();
  if (!doc) return null;
  const data = doc.data as unknown as Buffer | { buffer: Uint8Array };
  return { ...doc, data: Buffer.isBuffer(data) ? data : Buffer.from(data.buffer) };
}

export async function insertDeadline(doc: DeadlineDoc): Promise<void> {
  await DeadlineModel.create(doc).catch((err: unknown) => {
    if (!isDuplicate(err)) throw err;
  });
}

/** `_ver` numbers a clock's changes (db/claims.ts); it is no part of the clock. */
const withoutVersion = ({ _ver: _v, ...d }: DeadlineDoc & { _ver?: number }): DeadlineDoc => d;
export const findDeadline = async (id: string) => {
  const d = await DeadlineModel.findById(id).lean<DeadlineDoc>();
  return d ? withoutVersion(d) : null;
};

/** Open clocks only: done ones leave the `open` set, so this stays as small as the work in hand. */
export const findOpenDeadlines = async () => (await DeadlineModel.find({ open: true }).lean<DeadlineDoc[]>()).map(withoutVersion);

/**
 * Marks a clock done; `met` when it was done in time and had no outcome yet. Each of a clock's
 * changes is claimed by version (db/claims.ts): the watch marking it missed and the lawyer
 * finishing it at once cannot both set its outcome.
 */
export async function completeDeadline(id: string, at: Date): Promise<{ done: boolean; met: boolean }> {
  let met = false;
  const done = await changeByVersion(DeadlineModel, 'deadline', id, (doc) => {
    if (!doc || !doc.open) return null;
    met = doc.outcome === null && doc.dueAt.getTime() >= at.getTime();
    return { doneAt: at, open: false, ...(met ? { outcome: 'met' } : {}) };
  });
  return { done, met: done && met };
}

/** Sets `missed` once the due time passed; true when this call set it. */
export async function markMissed(id: string): Promise<boolean> {
  return changeByVersion(DeadlineModel, 'deadline', id, (doc) => (doc && doc.outcome === null ? { outcome: 'missed' } : null));
}

export async function markReminded(id: string, field: 'remindedSoonAt' | 'remindedOverdueAt', at: Date): Promise<boolean> {
  return changeByVersion(DeadlineModel, 'deadline', id, (doc) => (doc && !doc[field] ? { [field]: at } : null));
}

export async function insertCase(doc: FastTrackCaseDoc): Promise<boolean> {
  try {
    await FastTrackCaseModel.create(doc);
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

export const findCase = (id: string) => FastTrackCaseModel.findById(id).lean<FastTrackCaseDoc>();

/** Open cases (bounded by the work in hand), or a lawyer's. */
export function findCases(filter: { lawyerId?: string; open?: boolean }): Promise<FastTrackCaseDoc[]> {
  const q: Record<string, unknown> = {};
  if (filter.lawyerId) q.lawyerId = filter.lawyerId;
  if (filter.open !== undefined) q.open = filter.open;
  return FastTrackCaseModel.find(q).sort({ receivedAt: -1 }).limit(500).lean<FastTrackCaseDoc[]>();
}

export async function setCaseFields(id: string, set: Partial<FastTrackCaseDoc>): Promise<void> {
  await FastTrackCaseModel.updateOne({ _id: id }, { $set: set });
}

export const findSetting = (id: string) => RecordsSettingModel.findById(id).lean<RecordsSettingDoc>();

export async function saveSetting(doc: RecordsSettingDoc): Promise<void> {
  await RecordsSettingModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

export const findLockedMonth = (month: string) => SubsidyMonthModel.findById(month).lean<SubsidyMonthDoc>();

/** Locks a month; false when it was locked already (the primary key decides between racing staff). */
export async function insertLockedMonth(doc: SubsidyMonthDoc): Promise<boolean> {
  try {
    await SubsidyMonthModel.create(doc);
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}
