import mongoose, { Schema } from 'mongoose';
import type { CheckinKind } from '../../contracts/checkins';

export interface CheckinDoc {
  /** `<dutyKey>:<kind>`: found by primary key, and unique per duty and kind by construction. */
  _id: string;
  /** `<rotaId>:<slotId>:<lawyerId>`: one check-in and one check-out per duty. */
  dutyKey: string;
  kind: CheckinKind;
  lawyerId: string;
  userId: string;
  /** Chosen by the client; a retry with the same key answers the first result. */
  idempotencyKey: string;
  /** Hash of what the request asked (kind and code): a key reused for another request is refused. Null on older records. */
  requestHash?: string | null;
  postId: string;
  rotaId: string;
  slotId: string;
  day: string;
  at: Date;
  location: { lat: number; lng: number; accuracyM: number } | null;
  distanceM: number | null;
  countersigned: boolean;
  codeWindow: number;
}

const checkinSchema = new Schema<CheckinDoc>(
  {
    _id: { type: String, required: true },
    dutyKey: { type: String, required: true },
    kind: { type: String, required: true, enum: ['in', 'out'] },
    lawyerId: { type: String, required: true },
    userId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, default: null },
    postId: { type: String, required: true },
    rotaId: { type: String, required: true },
    slotId: { type: String, required: true },
    day: { type: String, required: true },
    at: { type: Date, required: true },
    location: { type: Schema.Types.Mixed, default: null },
    distanceM: { type: Number, default: null },
    countersigned: { type: Boolean, required: true },
    codeWindow: { type: Number, required: true },
  },
  { versionKey: false },
);
checkinSchema.index({ dutyKey: 1, kind: 1 }, { unique: true });
checkinSchema.index({ lawyerId: 1, idempotencyKey: 1 }, { unique: true });
checkinSchema.index({ postId: 1, day: 1 });

export const CheckinModel = mongoose.model<CheckinDoc>('Checkin', checkinSchema, 'checkins');

/** A client's request key (hashed with the lawyer) → the check-in it created: retries look it up by key. */
export interface CheckinRequestDoc {
  _id: string;
  checkinId: string;
}

export const CheckinRequestModel = mongoose.model<CheckinRequestDoc>(
  'CheckinRequest',
  new Schema<CheckinRequestDoc>({ _id: { type: String, required: true }, checkinId: { type: String, required: true } }, { versionKey: false }),
  'checkinrequests',
);

export interface CheckinSettingsDoc {
  /** The post's id. */
  _id: string;
  opensBeforeMin: number;
  lateAfterMin: number;
  absentAfterMin: number;
  leftEarlyToleranceMin: number;
  checkoutUntilAfterEndMin: number;
  requireLocation: boolean;
  maxAccuracyM: number;
  requireCountersign: boolean;
  updatedAt: Date;
  updatedBy: string;
}

const settingsSchema = new Schema<CheckinSettingsDoc>(
  {
    _id: { type: String, required: true },
    opensBeforeMin: { type: Number, required: true },
    lateAfterMin: { type: Number, required: true },
    absentAfterMin: { type: Number, required: true },
    leftEarlyToleranceMin: { type: Number, required: true },
    checkoutUntilAfterEndMin: { type: Number, required: true },
    requireLocation: { type: Boolean, required: true },
    maxAccuracyM: { type: Number, required: true },
    requireCountersign: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const CheckinSettingsModel = mongoose.model<CheckinSettingsDoc>('CheckinSettings', settingsSchema, 'checkin_settings');

/** A post's kiosk token or countersign PIN: only a hash is kept. */
export interface PostCredentialDoc {
  /** `<postId>:kiosk` or `<postId>:countersign`. */
  _id: string;
  postId: string;
  kind: 'kiosk' | 'countersign';
  hash: string;
  issuedAt: Date;
  issuedBy: string;
}

const credentialSchema = new Schema<PostCredentialDoc>(
  {
    _id: { type: String, required: true },
    postId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['kiosk', 'countersign'] },
    hash: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    issuedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const PostCredentialModel = mongoose.model<PostCredentialDoc>('PostCredential', credentialSchema, 'post_credentials');

/** Wrong countersign PINs per lawyer, post and day. */
export interface CountersignFailureDoc {
  /** `<lawyerId>:<postId>:<day>`. */
  _id: string;
  count: number;
}

const failureSchema = new Schema<CountersignFailureDoc>({ _id: { type: String, required: true }, count: { type: Number, required: true } }, { versionKey: false });

export const CountersignFailureModel = mongoose.model<CountersignFailureDoc>('CountersignFailure', failureSchema, 'countersign_failures');

/** Server-side secrets generated on first start when the environment gives none. */
export interface ServerSecretDoc {
  _id: string;
  value: string;
  createdAt: Date;
}

const secretSchema = new Schema<ServerSecretDoc>(
  { _id: { type: String, required: true }, value: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);

export const ServerSecretModel = mongoose.model<ServerSecretDoc>('ServerSecret', secretSchema, 'server_secrets');
