import type { CheckinKind } from '../../contracts/checkins';
import { UPDATES_PER_COMMAND } from '../../db/capabilities';
import { dayCollection, markReadModelBuilt, readModelBuilt, shortKey } from '../../db/partitions';
import { dayOfDutyKey } from '../attendance/attendance.service';
import { CheckinModel, type CheckinDoc } from './checkins.model';

/**
 * When each duty was checked in and out: one small document per duty and kind
 * (`_id` = `<markKey>-<kind>`) in a collection per day (`checkin_marks_<YYYY>_<MM>_<DD>`, see
 * db/partitions.ts). The live board, the attendance detector and the public lookup read a day's
 * marks instead of the check-ins themselves, whose collection grows with every duty ever
 * attended and is read whole by any lookup on FerretDB. No two duties share a document, so
 * check-ins arriving together never overwrite each other's marks (FerretDB writes documents back
 * whole). Duties are named by a short hash of their key (`markKey`).
 *
 * The check-ins stay the record; marks follow them. A change announces itself first
 * (`pending`, wall-clock time), then changes the record, then the mark, clearing `pending`. A
 * pending mark older than PENDING_STALE_MS means the process stopped in between: the reader
 * takes the mark from the record then.
 */
export interface MarkDoc {
  _id: string;
  at?: Date;
  pending?: Date;
}

export interface Mark {
  dutyKey: string;
  kind: CheckinKind;
  at: Date;
}

export interface DutyOfDay {
  dutyKey: string;
  day: string;
}

export const MARKS = 'checkin_marks';
export { dayOfDutyKey };
/** Whether every stored check-in has its mark (false while this process backfills them). */
export const marksState = { complete: true };
export const PENDING_STALE_MS = 30_000;

/** The collection of a day's marks. */
export const dayMarks = (day: string) => dayCollection(MARKS, day);
/** A duty's name among its day's marks. */
export const markKey = shortKey;
const markId = (dutyKey: string, kind: CheckinKind) => `${markKey(dutyKey)}-${kind}`;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** An upsert of one mark; of racing upserts that both found none, the one refused at insert updates the winner's. */
async function upsertMark(day: string, _id: string, update: Record<string, Record<string, unknown>>): Promise<void> {
  try {
    await dayMarks(day).updateOne({ _id }, update, { upsert: true });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    await dayMarks(day).updateOne({ _id }, update);
  }
}

/** Announces a change of a duty's mark before the check-in record changes. */
export async function beginMarkChange(d: DutyOfDay, kind: CheckinKind): Promise<void> {
  await upsertMark(d.day, markId(d.dutyKey, kind), { $set: { pending: new Date() } });
}

/** The record changed to `at` (or is gone, `at` null): the mark follows; the announcement is cleared. */
export async function finishMarkChange(d: DutyOfDay, kind: CheckinKind, at: Date | null): Promise<void> {
  const _id = markId(d.dutyKey, kind);
  if (at) await upsertMark(d.day, _id, { $set: { at }, $unset: { pending: '' } });
  else await dayMarks(d.day).deleteOne({ _id });
}

/** The check-in record of a duty, by primary key (reads the whole collection on FerretDB: rare paths only). */
const recordOf = (dutyKey: string, kind: CheckinKind) => CheckinModel.findById(`${dutyKey}:${kind}`).lean<CheckinDoc>();

/** The mark follows whatever the record now holds (after a refused insert, or a stopped process). */
export async function markFromRecord(d: DutyOfDay, kind: CheckinKind): Promise<Date | null> {
  const at = (await recordOf(d.dutyKey, kind))?.at ?? null;
  await finishMarkChange(d, kind, at);
  return at;
}

/** Removes a mark only if it is still `at` (a later check-out made meanwhile stays), and clears its announcement. */
export async function removeMarkIf(d: DutyOfDay, kind: CheckinKind, at: Date): Promise<void> {
  const _id = markId(d.dutyKey, kind);
  await dayMarks(d.day).deleteOne({ _id, at });
  await dayMarks(d.day).updateOne({ _id }, { $unset: { pending: '' } });
}

/** Marks of many check-ins at once (seeding, backfills), 50 writes per command. */
export async function writeMarks(checkins: (Mark & { day: string })[]): Promise<void> {
  const byDay = new Map<string, (Mark & { day: string })[]>();
  for (const c of checkins) byDay.set(c.day, [...(byDay.get(c.day) ?? []), c]);
  for (const [day, items] of byDay) {
    for (let i = 0; i < items.length; i += UPDATES_PER_COMMAND) {
      await dayMarks(day).bulkWrite(
        items.slice(i, i + UPDATES_PER_COMMAND).map((c) => ({ updateOne: { filter: { _id: markId(c.dutyKey, c.kind) }, update: { $set: { at: c.at } }, upsert: true } })),
        { ordered: false },
      );
    }
  }
}

/** The marks of duties (each with its day): one read per day, whatever the history holds. */
export async function findMarks(duties: DutyOfDay[], wallNow = Date.now()): Promise<Mark[]> {
  const byDay = new Map<string, DutyOfDay[]>();
  for (const d of duties) byDay.set(d.day, [...(byDay.get(d.day) ?? []), d]);
  const docs = new Map<string, MarkDoc>();
  await Promise.all(
    [...byDay].map(async ([day, list]) => {
      const ids = list.flatMap((d) => [markId(d.dutyKey, 'in'), markId(d.dutyKey, 'out')]);
      for (const doc of (await dayMarks(day).find({ _id: { $in: ids } }).toArray()) as MarkDoc[]) docs.set(`${day}|${doc._id}`, doc);
    }),
  );
  const out: Mark[] = [];
  for (const d of duties) {
    for (const kind of ['in', 'out'] as const) {
      const doc = docs.get(`${d.day}|${markId(d.dutyKey, kind)}`);
      let at: Date | null = doc?.at ? new Date(doc.at) : null;
      if (doc?.pending && wallNow - new Date(doc.pending).getTime() > PENDING_STALE_MS) at = await markFromRecord(d, kind);
      if (at) out.push({ dutyKey: d.dutyKey, kind, at });
    }
  }
  return out;
}

/**
 * Databases whose check-ins were stored before marks existed get their marks once, from the
 * check-ins (one pass; readers use the check-ins themselves meanwhile). Remembered in
 * `read_models`, so later starts skip it.
 */
export async function backfillMarks(): Promise<number> {
  if (await readModelBuilt(MARKS)) return 0;
  marksState.complete = false;
  let written = 0;
  const batch: (Mark & { day: string })[] = [];
  const cursor = CheckinModel.collection.find({}, { projection: { dutyKey: 1, kind: 1, at: 1, day: 1 } });
  for await (const c of cursor) {
    batch.push({ dutyKey: String(c.dutyKey), kind: c.kind as CheckinKind, at: c.at as Date, day: String(c.day) });
    if (batch.length >= 2000) written += await flush(batch);
  }
  written += await flush(batch);
  await markReadModelBuilt(MARKS);
  marksState.complete = true;
  return written;
}

async function flush(batch: (Mark & { day: string })[]): Promise<number> {
  const n = batch.length;
  await writeMarks(batch.splice(0));
  return n;
}
