import { DutyTimelineModel, timelineKey, type DutyTimelineDoc, type TimelineEntry, type TimelineSlot } from './timeline.model';

export { timelineKey };
export type { DutyTimelineDoc, TimelineEntry, TimelineSlot };

/** One entry to append to the timeline of a post and month (created if missing). */
export interface TimelineAddition {
  key: string;
  postId: string;
  month: string;
  entry: TimelineEntry;
}

/** The timelines stored under these keys, each read by primary key; keys with none are left out. */
export async function findTimelines(keys: string[]): Promise<DutyTimelineDoc[]> {
  const docs = await Promise.all(keys.map((k) => DutyTimelineModel.findById(k).lean<DutyTimelineDoc>()));
  return docs.filter((d): d is DutyTimelineDoc => d !== null);
}

/**
 * Appends entries, each to its own timeline document (one upsert per key, no transaction), 50
 * writes per command: FerretDB 1.24 holds a SQLite connection for each matched statement until
 * the command ends, and a command matching more statements than its pool waits for itself.
 */
export async function appendTimelineEntries(additions: TimelineAddition[]): Promise<void> {
  const ops = additions.map(({ key, postId, month, entry }) => ({
    updateOne: { filter: { _id: key }, update: { $push: { entries: entry }, $setOnInsert: { postId, month } }, upsert: true },
  }));
  for (let i = 0; i < ops.length; i += 50) await DutyTimelineModel.bulkWrite(ops.slice(i, i + 50), { ordered: false });
}

/** Whether any timeline has been written (an estimate from the collection's metadata). */
export async function timelinesExist(): Promise<boolean> {
  return (await DutyTimelineModel.estimatedDocumentCount()) > 0;
}
