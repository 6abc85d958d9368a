import { monthCollection, shortKey } from '../../db/partitions';
import { FeedbackModel, type FeedbackDoc } from './feedback.model';

/**
 * A copy of each feedback by the day of its duty: one document per day (`_id` = the day) in the
 * month's collection `feedback_duties_<YYYY>_<MM>` (see db/partitions.ts), holding
 * `byDuty.<short duty key>.<tracking code>` = the feedback as last written. The hotline desk shows
 * a duty's feedback from it; the feedback collection, which only grows, is read by tracking code.
 * Written after every write of a feedback and rebuilt at start (a write cut short by a stop is
 * repaired then).
 */
export const FEEDBACK_DUTIES = 'feedback_duties';

interface DayDoc {
  _id: string;
  byDuty?: Record<string, Record<string, FeedbackDoc>>;
}

const days = (day: string) => monthCollection(FEEDBACK_DUTIES, day.slice(0, 7));
const pathOf = (d: FeedbackDoc) => `byDuty.${shortKey(d.duty.dutyKey)}.${d._id}`;

export async function saveDutyCopy(d: FeedbackDoc): Promise<void> {
  await days(d.duty.day).updateOne({ _id: d.duty.day }, { $set: { [pathOf(d)]: d } }, { upsert: true });
}

/** The feedback about one duty (one read of its day), newest first (then by tracking code). */
export async function findDutyFeedback(dutyKey: string, day: string): Promise<FeedbackDoc[]> {
  const doc = (await days(day).findOne({ _id: day })) as DayDoc | null;
  const list = Object.values(doc?.byDuty?.[shortKey(dutyKey)] ?? {}).filter((f) => f.duty.dutyKey === dutyKey);
  return list.sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime() || a._id.localeCompare(b._id));
}

/** Rewrites every copy from the feedback (one pass, one write per day). */
export async function rebuildDutyCopies(): Promise<number> {
  const byDay = new Map<string, Record<string, FeedbackDoc>>();
  let n = 0;
  for await (const d of FeedbackModel.find({}).lean<FeedbackDoc[]>().cursor()) {
    byDay.set(d.duty.day, { ...(byDay.get(d.duty.day) ?? {}), [pathOf(d)]: d });
    n++;
  }
  for (const [day, set] of byDay) await days(day).updateOne({ _id: day }, { $set: set }, { upsert: true });
  return n;
}
