import mongoose, { Schema } from 'mongoose';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobDoc {
  _id: mongoose.Types.ObjectId;
  kind: string;
  /** Idempotency key: enqueueing the same key twice yields the same job. */
  key: string;
  status: JobStatus;
  payload: unknown;
  progress: { done: number; total: number; phase: string };
  /** Checkpoints of finished steps, so a resumed job skips them. */
  steps: Record<string, unknown>;
  result: unknown;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  runAfter: Date;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

const jobSchema = new Schema<JobDoc>(
  {
    kind: { type: String, required: true },
    key: { type: String, required: true, unique: true },
    status: { type: String, required: true, enum: ['queued', 'running', 'done', 'failed'] },
    payload: { type: Schema.Types.Mixed, default: null },
    progress: {
      done: { type: Number, default: 0 },
      total: { type: Number, default: 0 },
      phase: { type: String, default: '' },
    },
    steps: { type: Schema.Types.Mixed, default: {} },
    result: { type: Schema.Types.Mixed, default: null },
    error: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    maxAttempts: { type: Number, default: 5 },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    runAfter: { type: Date, required: true },
    createdBy: { type: String, default: null },
    finishedAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false },
);
jobSchema.index({ status: 1, runAfter: 1 });

export const JobModel = mongoose.model<JobDoc>('Job', jobSchema, 'jobs');

/**
 * A named lease is a chain of epochs: taking it (or renewing it) is inserting the next epoch,
 * `<name>:<epoch>`, so of any number of racers exactly one takes each epoch. The holder is the
 * owner of the latest epoch, while it is neither released nor past `until`.
 */
export interface LeaseEpochDoc {
  _id: string;
  name: string;
  epoch: number;
  owner: string;
  /** When the epoch was written (wall clock, for diagnostics; `until` follows the caller's clock). */
  claimedAt: Date;
  until: Date;
  releasedAt: Date | null;
}

const leaseEpochSchema = new Schema<LeaseEpochDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    epoch: { type: Number, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    until: { type: Date, required: true },
    releasedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const LeaseEpochModel = mongoose.model<LeaseEpochDoc>('LeaseEpoch', leaseEpochSchema, 'lease_epochs');

/** Where to start looking for a lease's latest epoch (`_id` = lease name); only ever raised. */
export interface LeaseDoc {
  _id: string;
  epoch: number;
}

const leaseSchema = new Schema<LeaseDoc>(
  {
    _id: { type: String, required: true },
    epoch: { type: Number, default: 0 },
  },
  { versionKey: false },
);

/** Named leases: a background task runs only where its lease is held. */
export const LeaseModel = mongoose.model<LeaseDoc>('Lease', leaseSchema, 'leases');
