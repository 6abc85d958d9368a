import { changeByVersion } from '../../db/claims';
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
/** Fields an upsert left out (FerretDB may drop empty ones) read as empty; `_ver` numbers the mark's changes (db/claims.ts) and is no part of it. */
const complete = ({ _ver: _v, ...d }: DutyRecordMarkDoc & { _ver?: number }): DutyRecordMarkDoc => ({ ...d, recordIds: d.recordIds ?? [], items: d.items ?? [], kinds: d.kinds ?? {}, toldAt: d.toldAt ?? null, proposedAt: d.proposedAt ?? null });

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

/** Adds a record to its duty's mark (once: counts only when the id was new; one change per version, db/claims.ts). */
export async function addToMark(r: Pick<DutyRecordDoc, '_id' | 'dutyKey' | 'lawyerId' | 'day' | 'kind' | 'title' | 'createdAt'>): Promise<void> {
  await changeByVersion<DutyRecordMarkDoc>(marksOfMonth(r.day.slice(0, 7)), 'mark', r.dutyKey, (doc) => {
    if (doc?.recordIds?.includes(r._id)) return null;
    const kinds = { ...(doc?.kinds ?? {}) };
    kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    return {
      ...(doc ? {} : { lawyerId: r.lawyerId, day: r.day, toldAt: null, proposedAt: null }),
      recordIds: [...(doc?.recordIds ?? []), r._id],
      items: [...(doc?.items ?? []), { id: r._id, kind: r.kind, title: r.title, at: r.createdAt }],
      kinds,
    };
  });
}

/** Sets a flag of the duty's mark once; false when it was set already. */
export async function setMarkFlag(dutyKey: string, lawyerId: string, day: string, field: 'toldAt' | 'proposedAt', at: Date): Promise<boolean> {
  return changeByVersion<DutyRecordMarkDoc>(marksOfMonth(day.slice(0, 7)), 'mark', dutyKey, (doc) => {
    if (doc && doc[field]) return null;
    return { ...(doc ? {} : { lawyerId, day, recordIds: [], items: [], kinds: {}, toldAt: null, proposedAt: null }), [field]: at };
  });
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
