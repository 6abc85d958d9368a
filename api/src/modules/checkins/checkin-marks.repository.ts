import type { CheckinKind } from '../../contracts/checkins';
import { markReadModelBuilt, monthCollection, readModelBuilt, shortKey } from '../../db/partitions';
import { dayOfDutyKey } from '../attendance/attendance.service';
import { CheckinModel, type CheckinDoc } from './checkins.model';

/**
 * When each duty was checked in and out, one document per day (`_id` = the duty's day) in a
 * collection per month (`checkin_marks_<YYYY>_<MM>`, see db/partitions.ts). The live board, the
 * attendance detector and the public lookup read a day's marks by primary key instead of the
 * check-ins themselves, whose collection grows with every duty ever attended. Duties are named
 * by a short hash of their key (`markKey`): FerretDB parses the whole month on each lookup, and
 * duty keys are long.
 *
 * The check-ins stay the record; marks follow them. A change announces itself first in
 * `pending` (wall-clock time), then changes the record, then the mark, clearing `pending`. A
 * pending entry older than PENDING_STALE_MS means the process stopped in between: the reader
 * takes the mark from the record then.
 */
export interface DayMarksDoc {
  _id: string;
  in?: Record<string, Date>;
  out?: Record<string, Date>;
  /** `<markKey>-<kind>` → when the change began. */
  pending?: Record<string, Date>;
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

const dayMarks = (day: string) => monthCollection(MARKS, day.slice(0, 7));
/** A duty's name inside its day's document. */
export const markKey = shortKey;
const markPath = (dutyKey: string, kind: CheckinKind) => `${kind}.${markKey(dutyKey)}`;
const pendingPath = (dutyKey: string, kind: CheckinKind) => `pending.${markKey(dutyKey)}-${kind}`;

/** Announces a change of a duty's mark before the check-in record changes. */
export async function beginMarkChange(d: DutyOfDay, kind: CheckinKind): Promise<void> {
  await dayMarks(d.day).updateOne({ _id: d.day }, { $set: { [pendingPath(d.dutyKey, kind)]: new Date() } }, { upsert: true });
}

/** The record changed (or not, `at` undefined): the mark follows; the announcement is cleared. */
export async function finishMarkChange(d: DutyOfDay, kind: CheckinKind, at: Date | null | undefined): Promise<void> {
  const update: Record<string, Record<string, unknown>> = { $unset: { [pendingPath(d.dutyKey, kind)]: '' } };
  if (at) update.$set = { [markPath(d.dutyKey, kind)]: at };
  else if (at === null) update.$unset![markPath(d.dutyKey, kind)] = '';
  await dayMarks(d.day).updateOne({ _id: d.day }, update, { upsert: true });
}

/** Removes a mark only if it is still `at` (a later check-out made meanwhile stays). */
export async function removeMarkIf(d: DutyOfDay, kind: CheckinKind, at: Date): Promise<void> {
  const mark = markPath(d.dutyKey, kind);
  await dayMarks(d.day).updateOne({ _id: d.day, [mark]: at }, { $unset: { [mark]: '' } });
  await dayMarks(d.day).updateOne({ _id: d.day }, { $unset: { [pendingPath(d.dutyKey, kind)]: '' } });
}

/** Marks of many check-ins at once (seeding, backfills): one write per day. */
export async function writeMarks(checkins: (Mark & { day: string })[]): Promise<void> {
  const byDay = new Map<string, Record<string, Date>>();
  for (const c of checkins) {
    const set = byDay.get(c.day) ?? {};
    set[markPath(c.dutyKey, c.kind)] = c.at;
    byDay.set(c.day, set);
  }
  for (const [day, set] of byDay) await dayMarks(day).updateOne({ _id: day }, { $set: set }, { upsert: true });
}

/** The check-in record of a duty, by primary key (reads the whole collection on FerretDB: rare paths only). */
const recordOf = (dutyKey: string, kind: CheckinKind) => CheckinModel.findById(`${dutyKey}:${kind}`).lean<CheckinDoc>();

/** The marks of duties (each with its day): one read per day, whatever the history holds. */
export async function findMarks(duties: DutyOfDay[], wallNow = Date.now()): Promise<Mark[]> {
  const days = [...new Set(duties.map((d) => d.day))];
  const docs = new Map((await Promise.all(days.map(async (day) => (await dayMarks(day).findOne({ _id: day })) as DayMarksDoc | null))).filter((d): d is DayMarksDoc => d !== null).map((d) => [d._id, d]));
  const out: Mark[] = [];
  for (const d of duties) {
    const doc = docs.get(d.day);
    const key = markKey(d.dutyKey);
    for (const kind of ['in', 'out'] as const) {
      const pending = doc?.pending?.[`${key}-${kind}`];
      let at = doc?.[kind]?.[key];
      if (pending && wallNow - new Date(pending).getTime() > PENDING_STALE_MS) {
        at = (await recordOf(d.dutyKey, kind))?.at;
        await finishMarkChange(d, kind, at ?? null);
      }
      if (at) out.push({ dutyKey: d.dutyKey, kind, at: new Date(at) });
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
