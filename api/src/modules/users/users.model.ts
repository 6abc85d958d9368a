import { Schema, model } from 'mongoose';
import { ROLES } from '../../contracts/common';

const userSchema = new Schema(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    lawyerId: { type: Schema.Types.ObjectId, default: null },
    active: { type: Boolean, required: true, default: true },
    mustChangePassword: { type: Boolean, required: true, default: false },
  },
  { timestamps: true, versionKey: false },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ lawyerId: 1 });

export const UserModel = model('User', userSchema, 'users');

/** Password hashes live apart from users so no user query can ever return one. */
const credentialSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    hash: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
credentialSchema.index({ userId: 1 }, { unique: true });

export const CredentialModel = model('Credential', credentialSchema, 'credentials');

/**
 * Server-side sessions; the cookie holds a random token, the database only its SHA-256, which
 * is also the primary key: every request finds its session by key.
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    tokenHash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
  },
  { versionKey: false },
);
sessionSchema.index({ tokenHash: 1 }, { unique: true });
sessionSchema.index({ userId: 1 });

export const SessionModel = model('Session', sessionSchema, 'sessions');
