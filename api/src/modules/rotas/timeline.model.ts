import mongoose, { Schema } from 'mongoose';

/** One slot of a post as a version published it (the lawyers on it then). */
export interface TimelineSlot {
  id: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Date;
  end: Date;
  lawyerIds: string[];
}

/** What one published version of a rota said about one post in one month. */
export interface TimelineEntry {
  rotaId: string;
  version: number;
  publishedAt: Date;
  /** The rota's period: days inside it without slots are closed days, not unpublished ones. */
  from: string;
  to: string;
  slots: TimelineSlot[];
}

/**
 * The published history of one post in one month (`_id` = `<postId>:<YYYY-MM>`): an entry per
 * version that changed this post's slots in that month. "Who was on duty at post P at instant T,
 * as published then" is one read by primary key in the month's collection
 * (`duty_timelines_<YYYY>_<MM>`, see db/partitions.ts), however many years of rotas there are.
 * Each entry's slots are stored gzipped as one JSON array (`slotsGz`): FerretDB parses every
 * stored document of the month on a lookup, and a few bytes of binary cost a fraction of the
 * objects they hold. Entries of earlier versions hold `slots` as an array; readers take either.
 */
export interface StoredTimelineEntry extends Omit<TimelineEntry, 'slots'> {
  slots?: TimelineSlot[];
  /** gzip of the JSON array of slots (a Buffer when written, the driver's Binary when read). */
  slotsGz?: Buffer | { buffer: Uint8Array };
}

export interface TimelineDoc {
  _id: string;
  postId: string;
  month: string;
  entries: StoredTimelineEntry[];
}

/** The base name of the month collections. */
export const TIMELINES = 'duty_timelines';

/** Earlier versions kept every month in one collection, `duty_timelines`; it is moved into the month collections at start. */
export interface DutyTimelineDoc {
  _id: string;
  postId: string;
  month: string;
  entries: TimelineEntry[];
}

const slotSchema = new Schema<TimelineSlot>(
  {
    id: { type: String, required: true },
    day: { type: String, required: true },
    localStart: { type: String, required: true },
    localEnd: { type: String, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    lawyerIds: { type: [String], default: [] },
  },
  { _id: false },
);

const entrySchema = new Schema<TimelineEntry>(
  {
    rotaId: { type: String, required: true },
    version: { type: Number, required: true },
    publishedAt: { type: Date, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    slots: { type: [slotSchema], default: [] },
  },
  { _id: false },
);

const timelineSchema = new Schema<DutyTimelineDoc>(
  {
    _id: { type: String, required: true },
    postId: { type: String, required: true },
    month: { type: String, required: true },
    entries: { type: [entrySchema], default: [] },
  },
  { versionKey: false },
);

export const DutyTimelineModel = mongoose.model<DutyTimelineDoc>('DutyTimeline', timelineSchema, TIMELINES);
export const timelineKey = (postId: string, month: string) => `${postId}:${month}`;
