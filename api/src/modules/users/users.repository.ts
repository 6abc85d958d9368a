import { Types } from 'mongoose';
import type { Role } from '../../contracts/common';
import type { UserAccount } from '../../contracts/users';
import { CredentialModel, SessionModel, UserModel } from './users.model';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  lawyerId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface UserDoc {
  _id: Types.ObjectId;
  username: string;
  displayName: string;
  role: string;
  lawyerId?: Types.ObjectId | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

function toRecord(d: UserDoc): UserRecord {
  return {
    id: d._id.toHexString(),
    username: d.username,
    displayName: d.displayName,
    role: d.role as Role,
    lawyerId: d.lawyerId ? d.lawyerId.toHexString() : null,
    active: d.active,
    mustChangePassword: d.mustChangePassword,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toAccount(u: UserRecord): UserAccount {
  return { ...u, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() };
}

export async function findUserById(id: string): Promise<UserRecord | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const d = await UserModel.findById(id).lean<UserDoc>();
  return d ? toRecord(d) : null;
}

export async function findUserByUsername(username: string): Promise<UserRecord | null> {
  const d = await UserModel.findOne({ username }).lean<UserDoc>();
  return d ? toRecord(d) : null;
}

export async function findUsers(filter: { role?: Role; active?: boolean }): Promise<UserRecord[]> {
  const q: Record<string, unknown> = {};
  if (filter.role) q.role = filter.role;
  if (filter.active !== undefined) q.active = filter.active;
  const docs = await UserModel.find(q).sort({ username: 1 }).lean<UserDoc[]>();
  return docs.map(toRecord);
}

export async function countUsers(): Promise<number> {
  return UserModel.countDocuments({});
}

export async function insertUser(u: Omit<UserRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<UserRecord> {
  const doc = await UserModel.create({ ...u, lawyerId: u.lawyerId ? new Types.ObjectId(u.lawyerId) : null });
  return toRecord(doc.toObject() as UserDoc);
}

export async function updateUser(id: string, set: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord | null> {
  const $set: Record<string, unknown> = { ...set };
  if ('lawyerId' in set) $set.lawyerId = set.lawyerId ? new Types.ObjectId(set.lawyerId) : null;
  const d = await UserModel.findByIdAndUpdate(id, { $set }, { returnDocument: 'after', runValidators: true }).lean<UserDoc>();
  return d ? toRecord(d) : null;
}

export async function findPasswordHash(userId: string): Promise<string | null> {
  const c = await CredentialModel.findOne({ userId: new Types.ObjectId(userId) }).lean<{ hash: string }>();
  return c?.hash ?? null;
}

export async function savePasswordHash(userId: string, hash: string, at: Date): Promise<void> {
  await CredentialModel.updateOne(
    { userId: new Types.ObjectId(userId) },
    { $set: { hash, changedAt: at } },
    { upsert: true },
  );
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(s: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await SessionModel.create({ _id: s.tokenHash, ...s, userId: new Types.ObjectId(s.userId), lastSeenAt: s.createdAt });
}

export async function findSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
  const d = await SessionModel.findById(tokenHash).lean<{ _id: string; userId: Types.ObjectId; createdAt: Date; lastSeenAt: Date; expiresAt: Date }>();
  return d ? { id: d._id, userId: d.userId.toHexString(), createdAt: d.createdAt, lastSeenAt: d.lastSeenAt, expiresAt: d.expiresAt } : null;
}

export async function touchSession(id: string, at: Date): Promise<void> {
  await SessionModel.updateOne({ _id: id }, { $set: { lastSeenAt: at } });
}

export async function deleteSession(id: string): Promise<void> {
  await SessionModel.deleteOne({ _id: id });
}

export async function deleteSessionByTokenHash(tokenHash: string): Promise<void> {
  await SessionModel.deleteOne({ _id: tokenHash });
}

/** Ends every session of a user, except `keepId` when given. */
export async function deleteUserSessions(userId: string, keepId?: string): Promise<void> {
  const filter: Record<string, unknown> = { userId: new Types.ObjectId(userId) };
  if (keepId) filter._id = { $ne: keepId };
  await SessionModel.deleteMany(filter);
}

/** Sessions past their absolute or idle deadline (no TTL index on FerretDB, so cleaned in code). */
export async function deleteExpiredSessions(now: Date, idleMs: number): Promise<void> {
  await SessionModel.deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: new Date(now.getTime() - idleMs) } }] });
}
