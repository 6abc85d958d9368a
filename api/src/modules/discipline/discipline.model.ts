import mongoose, { Schema } from 'mongoose';
import { VIOLATION_STATES, VIOLATION_TYPES } from '../../contracts/discipline';

const actorRef = { userId: { type: String, required: true }, username: { type: String, required: true } };

export interface ActorRefDoc {
  userId: string;
  username: string;
}

export interface ViolationDoc {
  /** A hash of `sourceKey`: reporting the same source twice is one insert of the same `_id`. */
  _id: string;
  sourceKey: string;
  lawyerId: string;
  type: (typeof VIOLATION_TYPES)[number];
  state: (typeof VIOLATION_STATES)[number];
  occurredAt: Date;
  dutyKey: string | null;
  /** Copied from the duty when there is one, so the queue filters by post and district. */
  postId: string | null;
  district: string | null;
  /** The duty's post, day and time as they were when reported. */
  duty: { postId: string; postName: string; district: string; day: string; localStart: string; localEnd: string } | null;
  description: string;
  evidence: Record<string, string>[];
  replyDeadline: Date;
  reply: { text: string; at: Date } | null;
  decision: { outcome: 'confirmed' | 'dismissed'; reason: string; by: ActorRefDoc; at: Date; beforeReplyDeadline: boolean } | null;
  reversals: { from: 'confirmed' | 'dismissed'; reason: string; by: ActorRefDoc; at: Date }[];
  seenBy: string[];
  createdBy: ActorRefDoc | null;
  /** Bumped on every change: writes are conditional on it. */
  rev: number;
  createdAt: Date;
}

const schema = new Schema<ViolationDoc>(
  {
    _id: { type: String, required: true },
    sourceKey: { type: String, required: true },
    lawyerId: { type: String, required: true },
    type: { type: String, required: true, enum: VIOLATION_TYPES },
    state: { type: String, required: true, enum: VIOLATION_STATES },
    occurredAt: { type: Date, required: true },
    dutyKey: { type: String, default: null },
    postId: { type: String, default: null },
    district: { type: String, default: null },
    description: { type: String, required: true },
    evidence: { type: Schema.Types.Mixed, default: [] },
    duty: { type: Schema.Types.Mixed, default: null },
    replyDeadline: { type: Date, required: true },
    reply: { type: new Schema({ text: String, at: Date }, { _id: false }), default: null },
    decision: {
      type: new Schema({ outcome: String, reason: String, by: actorRef, at: Date, beforeReplyDeadline: Boolean }, { _id: false }),
      default: null,
    },
    reversals: { type: [new Schema({ from: String, reason: String, by: actorRef, at: Date }, { _id: false })], default: [] },
    seenBy: { type: [String], default: [] },
    createdBy: { type: new Schema(actorRef, { _id: false }), default: null },
    rev: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
schema.index({ lawyerId: 1, occurredAt: -1 });
schema.index({ state: 1, occurredAt: -1 });

export const ViolationModel = mongoose.model<ViolationDoc>('Violation', schema, 'violations');

/** One removal of a lawyer from the roster and the job that re-covers their duties. */
export interface RemovalDoc {
  /** `<lawyerId>:<startedAt ISO>`: one per removal, however often it is started. */
  _id: string;
  lawyerId: string;
  cause: 'rule' | 'manual';
  startedAt: Date;
  jobId: string;
}

const removalSchema = new Schema<RemovalDoc>(
  {
    _id: { type: String, required: true },
    lawyerId: { type: String, required: true },
    cause: { type: String, required: true, enum: ['rule', 'manual'] },
    startedAt: { type: Date, required: true },
    jobId: { type: String, required: true },
  },
  { versionKey: false },
);
removalSchema.index({ lawyerId: 1, startedAt: -1 });

export const RemovalModel = mongoose.model<RemovalDoc>('Removal', removalSchema, 'removals');
