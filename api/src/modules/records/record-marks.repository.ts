import { monthCollection } from '../../db/partitions';
import { dayOfDutyKey } from '../attendance/attendance.service';
import { DutyRecordMarkModel, type DutyRecordDoc, type DutyRecordMarkDoc } from './records.model';

/**
 * Each duty's record mark (`_id` = duty key) lives in the collection of its day's month,
 * `duty_record_marks_<YYYY>_<MM>` (see db/partitions.ts): the hotline desk, the missing-record
 * watch and the lawyer's recordable duties read marks by duty, and one collection for every duty
 * ever recorded would be read whole by each of those lookups on FerretDB. Marks of earlier
 * versions, all in `duty_record_marks`, move into the month collections once at start.
 */
export const RECORD_MARKS = 'duty_record_marks';

const marksOfMonth = (month: string) => monthCollection(RECORD_MARKS, month);
const marksOfDuty = (dutyKey: string) => marksOfMonth(dayOfDutyKey(dutyKey).slice(0, 7));
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** Fields an upsert left out (FerretDB may drop empty ones) read as empty. */
const complete = (d: DutyRecordMarkDoc): DutyRecordMarkDoc => ({ ...d, recordIds: d.recordIds ?? [], items: d.items ?? [], kinds: d.kinds ?? {}, toldAt: d.toldAt ?? null, proposedAt: d.proposedAt ?? null });

/** A duty's mark. */
export async function findMark(dutyKey: string): Promise<DutyRecordMarkDoc | null> {
  const d = (await marksOfDuty(dutyKey).findOne({ _id: dutyKey })) as DutyRecordMarkDoc | null;
  return d ? complete(d) : null;
}

/** Marks of many duties: a few one by one, more in one `$in` per month (which reads only that month's collection). */
export async function findMarks(dutyKeys: string[]): Promise<Map<string, DutyRecordMarkDoc>> {
  const byMonth = new Map<string, string[]>();
  for (const key of new Set(dutyKeys)) {
    const month = dayOfDutyKey(key).slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), key]);
  }
  const out = new Map<string, DutyRecordMarkDoc>();
  for (const [month, keys] of byMonth) {
    const docs =
      keys.length <= 10
        ? await Promise.all(keys.map((k) => marksOfMonth(month).findOne({ _id: k })))
        : await marksOfMonth(month).find({ _id: { $in: keys } }).toArray();
    for (const d of docs as (DutyRecordMarkDoc | null)[]) if (d) out.set(d._id, complete(d));
  }
  return out;
}

/** Adds a record to its duty's mark (once: the id is pushed only if absent, counts only when it was new). */
export async function addToMark(r: Pick<DutyRecordDoc, '_id' | 'dutyKey' | 'lawyerId' | 'day' | 'kind' | 'title' | 'createdAt'>): Promise<void> {
  await marksOfMonth(r.day.slice(0, 7))
    .updateOne(
      { _id: r.dutyKey, recordIds: { $ne: r._id } },
      { $push: { recordIds: r._id, items: { id: r._id, kind: r.kind, title: r.title, at: r.createdAt } }, $inc: { [`kinds.${r.kind}`]: 1 }, $setOnInsert: { lawyerId: r.lawyerId, day: r.day, toldAt: null, proposedAt: null } },
      { upsert: true },
    )
    .catch((err: unknown) => {
      // The upsert met an existing mark that already holds the id: nothing to add.
      if (!isDuplicate(err)) throw err;
    });
}

export async function setMarkFlag(dutyKey: string, lawyerId: string, day: string, field: 'toldAt' | 'proposedAt', at: Date): Promise<boolean> {
  try {
    const res = await marksOfMonth(day.slice(0, 7)).updateOne(
      { _id: dutyKey, [field]: null },
      { $set: { [field]: at }, $setOnInsert: { lawyerId, day, recordIds: [], kinds: {}, ...(field === 'toldAt' ? { proposedAt: null } : { toldAt: null }) } },
      { upsert: true },
    );
    return res.modifiedCount + res.upsertedCount === 1;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

/**
 * Moves the marks of the single collection of earlier versions into the month collections, then
 * drops it. Runs before the server answers or watches (nothing writes marks meanwhile); a mark a
 * month collection already holds (an earlier, interrupted move) is kept. Returns how many moved.
 */
export async function moveEarlierRecordMarks(): Promise<number> {
  if ((await DutyRecordMarkModel.estimatedDocumentCount()) === 0) return 0;
  let moved = 0;
  const batches = new Map<string, DutyRecordMarkDoc[]>();
  const flush = async (month: string) => {
    const docs = batches.get(month) ?? [];
    batches.delete(month);
    if (docs.length === 0) return;
    await marksOfMonth(month)
      .insertMany(docs, { ordered: false })
      .catch((err: unknown) => {
        const errors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
        if (!errors || errors.some((e) => e.code !== 11000)) throw err;
      });
    moved += docs.length;
  };
  for await (const d of DutyRecordMarkModel.find({}).lean<DutyRecordMarkDoc[]>().cursor()) {
    const month = (d.day ?? dayOfDutyKey(d._id)).slice(0, 7);
    batches.set(month, [...(batches.get(month) ?? []), d]);
    if (batches.get(month)!.length >= 1000) await flush(month);
  }
  for (const month of [...batches.keys()]) await flush(month);
  await DutyRecordMarkModel.collection.drop().catch(() => undefined);
  return moved;
}
