import { gunzipSync, gzipSync } from 'node:zlib';
import { UPDATES_PER_COMMAND } from '../../db/capabilities';
import { monthCollection, partitionMonths } from '../../db/partitions';
import { DutyTimelineModel, TIMELINES, timelineKey, type DutyTimelineDoc, type StoredTimelineEntry, type TimelineDoc, type TimelineEntry, type TimelineSlot } from './timeline.model';

export { timelineKey };
export type { DutyTimelineDoc, TimelineEntry, TimelineSlot };

/** One entry to append to the timeline of a post and month (created if missing). */
export interface TimelineAddition {
  key: string;
  postId: string;
  month: string;
  entry: TimelineEntry;
}

const timelines = (month: string) => monthCollection(TIMELINES, month);
const monthOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/** An entry as stored (its slots gzipped) and back; entries of earlier versions hold an array. */
const packed = ({ slots, ...rest }: TimelineEntry): StoredTimelineEntry => ({ ...rest, slotsGz: gzipSync(JSON.stringify(slots)) });

function unpacked({ slots, slotsGz, ...rest }: StoredTimelineEntry): TimelineEntry {
  const list = slotsGz ? (JSON.parse(gunzipSync(Buffer.isBuffer(slotsGz) ? slotsGz : slotsGz.buffer).toString()) as TimelineSlot[]) : (slots ?? []);
  return { ...rest, publishedAt: new Date(rest.publishedAt), slots: list.map((s) => ({ ...s, start: new Date(s.start), end: new Date(s.end) })) };
}

/**
 * Whether timelines of earlier versions still wait in the single `duty_timelines` collection to be
 * moved into the month collections (readers look there too meanwhile). Asked once per process.
 */
let earlierPresent: Promise<boolean> | null = null;
const earlierTimelines = () => (earlierPresent ??= DutyTimelineModel.estimatedDocumentCount().then((n) => n > 0));

/**
 * The timelines stored under these keys (`<postId>:<YYYY-MM>`), each read by primary key in its
 * month's collection; keys with none are left out.
 */
export async function findTimelines(keys: string[]): Promise<DutyTimelineDoc[]> {
  const earlier = await earlierTimelines();
  const docs = await Promise.all(
    keys.map(async (key): Promise<DutyTimelineDoc | null> => {
      const month = monthOf(key);
      const [doc, old] = await Promise.all([timelines(month).findOne({ _id: key }) as Promise<TimelineDoc | null>, earlier ? DutyTimelineModel.findById(key).lean<DutyTimelineDoc>() : null]);
      if (!doc && !old) return null;
      const entries = [...((old?.entries ?? []) as StoredTimelineEntry[]), ...(doc?.entries ?? [])].map(unpacked);
      return { _id: key, postId: (doc ?? old)!.postId, month, entries };
    }),
  );
  return docs.filter((d): d is DutyTimelineDoc => d !== null);
}

/** Appends entries, each to its own timeline document (one upsert per key, no transaction), in bulk writes per month. */
export async function appendTimelineEntries(additions: TimelineAddition[]): Promise<void> {
  const byMonth = new Map<string, TimelineAddition[]>();
  for (const a of additions) byMonth.set(a.month, [...(byMonth.get(a.month) ?? []), a]);
  for (const [month, items] of byMonth) {
    for (let i = 0; i < items.length; i += UPDATES_PER_COMMAND) {
      await timelines(month).bulkWrite(
        items.slice(i, i + UPDATES_PER_COMMAND).map(({ key, postId, entry }) => ({ updateOne: { filter: { _id: key }, update: { $push: { entries: packed(entry) }, $setOnInsert: { postId, month } }, upsert: true } })),
        { ordered: false },
      );
    }
  }
}

/** Whether any timeline has been written (a month collection exists). */
export async function timelinesExist(): Promise<boolean> {
  return (await partitionMonths(TIMELINES)).length > 0;
}

/**
 * Moves timelines from the single collection of earlier versions into the month collections
 * (entries a month collection already holds are not added twice), then drops it. Returns how many
 * documents moved; running it again after a crash finishes the move.
 */
export async function moveEarlierTimelines(): Promise<number> {
  earlierPresent = null;
  if (!(await earlierTimelines())) return 0;
  let moved = 0;
  for await (const old of DutyTimelineModel.find({}).lean<DutyTimelineDoc[]>().cursor()) {
    const target = timelines(old.month);
    const have = new Set((((await target.findOne({ _id: old._id })) as TimelineDoc | null)?.entries ?? []).map((e) => `${e.rotaId}|${e.version}`));
    const missing = (old.entries as StoredTimelineEntry[]).filter((e) => !have.has(`${e.rotaId}|${e.version}`)).map((e) => packed(unpacked(e)));
    if (missing.length > 0) await target.updateOne({ _id: old._id }, { $push: { entries: { $each: missing } }, $setOnInsert: { postId: old.postId, month: old.month } }, { upsert: true });
    moved++;
  }
  await DutyTimelineModel.collection.drop().catch(() => undefined);
  earlierPresent = Promise.resolve(false);
  return moved;
}
