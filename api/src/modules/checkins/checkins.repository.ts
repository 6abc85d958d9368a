import { createHash, randomBytes } from 'node:crypto';
import type { CheckinKind } from '../../contracts/checkins';
import { caches } from '../../db/cache';
import { changeByVersion } from '../../db/claims';
import { beginMarkChange, finishMarkChange, findMarks, markFromRecord, marksState, type DutyOfDay, type Mark } from './checkin-marks.repository';
import {
  CheckinModel,
  CheckinRequestModel,
  CheckinSettingsModel,
  CountersignFailureModel,
  PostCredentialModel,
  ServerSecretModel,
  type CheckinDoc,
  type CheckinSettingsDoc,
  type PostCredentialDoc,
} from './checkins.model';

export type StoredCheckin = Omit<CheckinDoc, '_id'> & { id: string };

const plain = ({ _id, ...rest }: CheckinDoc): StoredCheckin => ({ id: String(_id), ...rest });

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** Inserts a check-in; null when a unique index (idempotency key, or duty + kind) refused it. */
const checkinId = (dutyKey: string, kind: CheckinKind) => `${dutyKey}:${kind}`;
const requestKey = (lawyerId: string, idempotencyKey: string) => createHash('sha256').update(`${lawyerId}|${idempotencyKey}`).digest('hex');

/**
 * Stores a check-in; null when its duty already has one of that kind (the primary key refuses
 * it). The duty's mark (checkin-marks.repository) follows the record.
 */
export async function insertCheckin(fields: Omit<CheckinDoc, '_id'>): Promise<StoredCheckin | null> {
  const _id = checkinId(fields.dutyKey, fields.kind);
  await beginMarkChange(fields, fields.kind);
  let stored: StoredCheckin;
  try {
    stored = plain((await CheckinModel.create({ _id, ...fields })).toObject());
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    // The duty has its check-in already (perhaps a racing retry's, still on its way): the mark follows that one.
    await markFromRecord(fields, fields.kind);
    return null;
  }
  await finishMarkChange(fields, fields.kind, stored.at);
  return stored;
}

/**
 * Records which check-in a request key created, so a retry finds it by primary key. Should the
 * process die before this, `findByIdempotencyKey(…, thorough)` still finds the check-in itself.
 */
export async function recordRequestKey(c: Pick<CheckinDoc, 'lawyerId' | 'idempotencyKey'> & { id: string }): Promise<void> {
  await CheckinRequestModel.create({ _id: requestKey(c.lawyerId, c.idempotencyKey), checkinId: c.id }).catch((err: unknown) => {
    if (!isDuplicate(err)) throw err;
  });
}

/**
 * The check-in a request key created. By primary key on the common path; `thorough` also
 * searches the check-ins themselves, for the moment between a racing request's check-in and
 * its key being recorded.
 */
export async function findByIdempotencyKey(lawyerId: string, idempotencyKey: string, thorough = false): Promise<StoredCheckin | null> {
  const request = await CheckinRequestModel.findById(requestKey(lawyerId, idempotencyKey)).lean();
  const doc = request
    ? await CheckinModel.findById(request.checkinId).lean<CheckinDoc>()
    : thorough
      ? await CheckinModel.findOne({ lawyerId, idempotencyKey }).lean<CheckinDoc>()
      : null;
  return doc ? plain(doc) : null;
}

/**
 * When each duty was checked in and out, from the day marks (one read per day). While a backfill
 * builds the marks of check-ins stored before marks existed, from the check-ins themselves.
 */
export async function findMarksOfDuties(duties: DutyOfDay[]): Promise<Mark[]> {
  if (duties.length === 0) return [];
  if (!marksState.complete) return (await findCheckinsOfDuties(duties.map((d) => d.dutyKey))).map((c) => ({ dutyKey: c.dutyKey, kind: c.kind, at: c.at }));
  return findMarks(duties);
}

export async function findCheckinsOfDuties(dutyKeys: string[]): Promise<StoredCheckin[]> {
  if (dutyKeys.length === 0) return [];
  // Always by primary key: a filter on dutyKey would read the whole (ever-growing) collection on FerretDB.
  const ids = dutyKeys.flatMap((k) => [checkinId(k, 'in'), checkinId(k, 'out')]);
  const out: StoredCheckin[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const docs = await Promise.all(ids.slice(i, i + 200).map((id) => CheckinModel.findById(id).lean<CheckinDoc>()));
    out.push(...docs.filter((d): d is CheckinDoc => d !== null).map(plain));
  }
  return out;
}

export async function countCheckins(filter: { dutyKey?: string; lawyerId?: string; kind?: CheckinKind } = {}): Promise<number> {
  return CheckinModel.countDocuments(filter);
}

export async function findSettings(postId: string): Promise<CheckinSettingsDoc | null> {
  return CheckinSettingsModel.findById(postId).lean<CheckinSettingsDoc>();
}

/** Every post's settings, kept for a few seconds: each check-in and board refresh reads them. */
const allSettings = caches.snapshot('checkinSettings', () => CheckinSettingsModel.find({}).lean<CheckinSettingsDoc[]>(), 5000, { staleWhileRefresh: true });
export const findAllSettings = () => allSettings.get();

export async function saveSettings(doc: CheckinSettingsDoc): Promise<void> {
  const { _id, ...set } = doc;
  await CheckinSettingsModel.updateOne({ _id }, { $set: set }, { upsert: true }).finally(() => allSettings.clear());
}

/** Stores a new credential hash, replacing (rotating) the previous one. */
export async function saveCredential(doc: PostCredentialDoc): Promise<void> {
  const { _id, ...set } = doc;
  await PostCredentialModel.updateOne({ _id }, { $set: set }, { upsert: true });
}

export async function findCredential(postId: string, kind: PostCredentialDoc['kind']): Promise<PostCredentialDoc | null> {
  return PostCredentialModel.findById(`${postId}:${kind}`).lean<PostCredentialDoc>();
}

export async function countersignFailures(key: string): Promise<number> {
  return (await CountersignFailureModel.findById(key).lean<{ count: number }>())?.count ?? 0;
}

export async function addCountersignFailure(key: string): Promise<number> {
  // Read, add, claim the version, write (db/claims.ts): racing `$inc`s lose counts on FerretDB.
  let count = 1;
  await changeByVersion(CountersignFailureModel, 'countersign-failures', key, (doc) => ({ count: (count = (doc?.count ?? 0) + 1) }));
  return count;
}

/** The named secret, created at random on first use; every process then reads the same one. */
export async function loadOrCreateSecret(name: string): Promise<string> {
  const existing = await ServerSecretModel.findById(name).lean<{ value: string }>();
  if (existing) return existing.value;
  try {
    await ServerSecretModel.create({ _id: name, value: randomBytes(32).toString('base64url'), createdAt: new Date() });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  const stored = await ServerSecretModel.findById(name).lean<{ value: string }>();
  if (!stored) throw new Error(`secret ${name} could not be stored`);
  return stored.value;
}
