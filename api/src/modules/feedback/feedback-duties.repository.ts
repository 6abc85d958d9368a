import { UPDATES_PER_COMMAND } from '../../db/capabilities';
import { dayCollection, shortKey } from '../../db/partitions';
import { FeedbackModel, type FeedbackDoc } from './feedback.model';

/**
 * A copy of each feedback by the day of its duty: one document per feedback (`_id` = its tracking
 * code, `dk` = a short hash of the duty key, `copy` = the feedback as last written) in the day's
 * collection `feedback_duties_<YYYY>_<MM>_<DD>` (see db/partitions.ts). The hotline desk shows a
 * duty's feedback from it; the feedback collection, which only grows, is read by tracking code.
 * Written after every write of a feedback, never over a later revision, and rebuilt at start (a
 * write cut short by a stop is repaired then).
 */
export const FEEDBACK_DUTIES = 'feedback_duties';

interface CopyDoc {
  _id: string;
  dk: string;
  revision: number;
  copy: FeedbackDoc;
}

const days = (day: string) => dayCollection(FEEDBACK_DUTIES, day);
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;
const copyOf = (d: FeedbackDoc) => ({ filter: { _id: d._id, revision: { $lt: d.revision } }, update: { $set: { dk: shortKey(d.duty.dutyKey), revision: d.revision, copy: d } }, upsert: true });

/** Writes the copy of a feedback, unless a later revision's is there already. */
export async function saveDutyCopy(d: FeedbackDoc): Promise<void> {
  const { filter, update, upsert } = copyOf(d);
  // A later revision's copy refuses the upsert's insert: nothing to write.
  await days(d.duty.day)
    .updateOne(filter, update, { upsert })
    .catch((err: unknown) => {
      if (!isDuplicate(err)) throw err;
    });
}

/** The feedback about one duty (one read of its day), newest first (then by tracking code). */
export async function findDutyFeedback(dutyKey: string, day: string): Promise<FeedbackDoc[]> {
  const docs = (await days(day).find({ dk: shortKey(dutyKey) }).toArray()) as unknown as CopyDoc[];
  const list = docs.map((d) => d.copy).filter((f) => f.duty.dutyKey === dutyKey);
  return list.sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime() || a._id.localeCompare(b._id));
}

/** Writes every copy from the feedback (one pass, 50 writes per command); copies of later revisions stay. */
export async function rebuildDutyCopies(): Promise<number> {
  const byDay = new Map<string, FeedbackDoc[]>();
  let n = 0;
  const flush = async (day: string) => {
    const list = byDay.get(day) ?? [];
    byDay.delete(day);
    if (list.length === 0) return;
    await days(day)
      .bulkWrite(list.map((d) => ({ updateOne: copyOf(d) })), { ordered: false })
      .catch((err: unknown) => {
        const errors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
        if (!errors || errors.some((e) => e.code !== 11000)) throw err;
      });
  };
  for await (const d of FeedbackModel.find({}).lean<FeedbackDoc[]>().cursor()) {
    byDay.set(d.duty.day, [...(byDay.get(d.duty.day) ?? []), d]);
    if (byDay.get(d.duty.day)!.length >= UPDATES_PER_COMMAND) await flush(d.duty.day);
    n++;
  }
  for (const day of [...byDay.keys()]) await flush(day);
  return n;
}
