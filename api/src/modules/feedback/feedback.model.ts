import mongoose, { Schema } from 'mongoose';
import type { FeedbackChannel, FeedbackDuty, FeedbackOutcome } from '../../contracts/feedback';
import type { FeedbackKind, FeedbackStatus } from '../../contracts/public';

/**
 * A praise or complaint. `_id` is the tracking code: the status page and the hotline find it by
 * primary key. `receivedDay` (Asia/Shanghai) lets statistics count by day without a date scan.
 */
export interface FeedbackDoc {
  _id: string;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  status: FeedbackStatus;
  outcome: FeedbackOutcome | null;
  text: string;
  contactName: string | null;
  contactPhone: string | null;
  duty: Omit<FeedbackDuty, 'start' | 'end'> & { start: Date; end: Date };
  receivedAt: Date;
  receivedDay: string;
  acceptBy: Date;
  concludeBy: Date;
  conclusion: string | null;
  history: { status: FeedbackStatus; at: Date; by: string; note: string }[];
  /** Bumped by each step; a step names the revision it saw (no two staff decide at once). */
  revision: number;
  /** What concluding still had to do (violation, dossier, notification), done once each. */
  effectsDone: string[];
}

const schema = new Schema<FeedbackDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['praise', 'complaint'] },
    channel: { type: String, required: true, enum: ['web', 'hotline'] },
    status: { type: String, required: true },
    outcome: { type: String, default: null },
    text: { type: String, required: true },
    contactName: { type: String, default: null },
    contactPhone: { type: String, default: null },
    duty: { type: Schema.Types.Mixed, required: true },
    receivedAt: { type: Date, required: true },
    receivedDay: { type: String, required: true },
    acceptBy: { type: Date, required: true },
    concludeBy: { type: Date, required: true },
    conclusion: { type: String, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    revision: { type: Number, required: true, default: 0 },
    effectsDone: { type: [String], default: [] },
  },
  { versionKey: false, minimize: false },
);
schema.index({ status: 1, receivedAt: -1 });
schema.index({ 'duty.lawyerId': 1, receivedDay: 1 });

export const FeedbackModel = mongoose.model<FeedbackDoc>('Feedback', schema, 'feedback');

/** A solved proof-of-work challenge, kept so it cannot be used twice (`_id`: hash of its signature). */
export interface PowClaimDoc {
  _id: string;
  at: Date;
}

export const PowClaimModel = mongoose.model<PowClaimDoc>(
  'PowClaim',
  new Schema<PowClaimDoc>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false }),
  'pow_claims',
);
