import { Types } from 'mongoose';
import type { RotaStatus, RotaSummary } from '../../contracts/rotas';
import { caches } from '../../db/cache';
import { claimStep, writeAtRevision } from '../../db/claims';
import { recordTimeline } from './rotas.timeline';
import { PublicationModel, RotaModel, RotaVersionModel, versionKey, type PublicationDoc, type RotaDoc, type RotaVersionDoc, type SlotFields } from './rotas.model';
import { versionSlotsBetween, writeVersionSlices } from './version-slices.repository';

export type { SlotFields };

/** A fresh id for a planning job, chosen before the job document is written. */
export const newJobId = () => new Types.ObjectId().toHexString();

export type StoredRota = Omit<RotaDoc, '_id'> & { id: string };
export type StoredVersion = Omit<RotaVersionDoc, '_id'> & { id: string };
/** One lawyer on one slot of a rota's current version. */
export interface StoredDuty {
  rotaId: string;
  version: number;
  slotId: string;
  postId: string;
  lawyerId: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Date;
  end: Date;
}

const LIVE: RotaStatus[] = ['planning', 'draft', 'published'];

function rotaOf(doc: RotaDoc): StoredRota {
  const { _id, ...rest } = doc as RotaDoc & { __v?: number };
  delete (rest as { __v?: number }).__v;
  return { id: String(_id), ...rest };
}

export function summaryOf(r: StoredRota): RotaSummary {
  return {
    id: r.id,
    name: r.name,
    from: r.from,
    to: r.to,
    postIds: r.postIds,
    status: r.status,
    revision: r.revision,
    publishedVersion: r.publishedVersion,
    figures: (r.figures as RotaSummary['figures']) ?? null,
    planningJobId: r.planningJobId,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function insertRota(fields: Pick<RotaDoc, 'name' | 'from' | 'to' | 'postIds' | 'seed' | 'createdBy'>): Promise<StoredRota> {
  const doc = await RotaModel.create({ ...fields, status: 'planning', revision: 0, slots: [], publishedVersion: null });
  return rotaOf(doc.toObject());
}

export async function findRota(id: string): Promise<StoredRota | null> {
  const doc = await RotaModel.findById(id).lean<RotaDoc>();
  return doc ? rotaOf(doc) : null;
}

export async function findRotaSummaries(filter: { status?: RotaStatus; from?: string; to?: string }): Promise<RotaSummary[]> {
  const q: Record<string, unknown> = {};
  if (filter.status) q.status = filter.status;
  else q.status = { $ne: 'archived' };
  if (filter.from && filter.to) Object.assign(q, { from: { $lte: filter.to }, to: { $gte: filter.from } });
  const docs = await RotaModel.find(q).select({ slots: 0, explanations: 0 }).sort({ from: -1, createdAt: -1 }).lean<RotaDoc[]>();
  return docs.map((d) => summaryOf(rotaOf({ ...d, slots: [] })));
}

/** Live rotas that share a post with the given ones and overlap the period. */
export async function findOverlappingRotas(postIds: string[], from: string, to: string, exceptId?: string): Promise<StoredRota[]> {
  const q: Record<string, unknown> = { status: { $in: LIVE }, postIds: { $in: postIds }, from: { $lte: to }, to: { $gte: from } };
  const docs = await RotaModel.find(q).select({ slots: 0, explanations: 0 }).lean<RotaDoc[]>();
  return docs.map((d) => rotaOf({ ...d, slots: [] })).filter((r) => r.id !== exceptId);
}

/** Open drafts (not archived, not yet published) in which the lawyer holds a slot on or after `fromDay`. */
export async function findDraftsHolding(lawyerId: string, fromDay: string): Promise<string[]> {
  const docs = await RotaModel.find({ status: 'draft', to: { $gte: fromDay }, 'slots.lawyerIds': lawyerId }).select({ _id: 1 }).lean<{ _id: unknown }[]>();
  return docs.map((d) => String(d._id));
}

/** Applies `set` if the rota is still at `revision`; bumps the revision. Null when someone saved first (one save per revision, db/claims.ts). */
export async function updateRotaAt(id: string, revision: number, set: Partial<RotaDoc>, extra: Record<string, unknown> = {}): Promise<StoredRota | null> {
  if (!(await writeAtRevision(RotaModel, 'rota', id, 'revision', revision, { set }, extra))) return null;
  return findRota(id);
}

/**
 * Writes `set` while the rota's planning run is still `jobId`, as a save from its current revision
 * (db/claims.ts): a newer run started meanwhile wins, and a save that came first is read again.
 */
async function writeForRun(id: string, jobId: string, set: Partial<RotaDoc>, extra: Record<string, unknown> = {}): Promise<boolean> {
  for (let tries = 0; tries < 20; tries++) {
    const cur = await RotaModel.findOne({ _id: id, planningJobId: jobId, ...extra }).select({ revision: 1 }).lean<{ revision: number }>();
    if (!cur) return false;
    if (await writeAtRevision(RotaModel, 'rota', id, 'revision', cur.revision, { set }, { planningJobId: jobId, ...extra })) return true;
  }
  return false;
}

/** Stores a planning result unless a newer planning run has started since. */
export async function storePlan(id: string, jobId: string, set: Pick<RotaDoc, 'slots' | 'explanations' | 'figures'>): Promise<boolean> {
  return writeForRun(id, jobId, { ...set, status: 'draft' });
}

export async function setPlanningJob(id: string, revision: number, jobId: string): Promise<boolean> {
  return writeAtRevision(RotaModel, 'rota', id, 'revision', revision, { set: { planningJobId: jobId, status: 'planning' } });
}

export async function markPlanningFailed(id: string, jobId: string, message: string): Promise<void> {
  await writeForRun(id, jobId, { status: 'draft', explanations: { error: message } } as Partial<RotaDoc>, { status: 'planning' });
}

export async function insertVersion(fields: Omit<RotaVersionDoc, '_id'>): Promise<boolean> {
  try {
    await RotaVersionModel.create({ _id: versionKey(fields.rotaId, fields.version), ...fields });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
  await writeVersionSlices(fields.rotaId, fields.version, fields.slots);
  return true;
}

export async function findVersion(rotaId: string, version: number): Promise<StoredVersion | null> {
  const doc = await RotaVersionModel.findById(versionKey(rotaId, version)).lean<RotaVersionDoc>();
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: String(_id), ...rest };
}

export async function listVersions(rotaId: string): Promise<StoredVersion[]> {
  const docs = await RotaVersionModel.find({ rotaId }).select({ slots: 0 }).sort({ version: -1 }).lean<RotaVersionDoc[]>();
  return docs.map(({ _id, ...rest }) => ({ id: String(_id), ...rest, slots: [] }));
}

/**
 * Makes `version` the current one if the current one is still `previous` (null: never
 * published). The first publication inserts the pointer; each later one first claims
 * `publication:<rota>:<previous>`, so exactly one version ever follows another, then writes
 * the switch readers see.
 */
export async function switchPublication(rotaId: string, previous: number | null, version: number, period: { from: string; to: string }): Promise<boolean> {
  try {
    if (previous === null) {
      try {
        await PublicationModel.create({ _id: rotaId, version, ...period });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    }
    // Which version follows `previous` is decided once, by a unique insert; the winner's
    // switch is then written (again, by a retry of the same publication: idempotent).
    const claim = await claimStep(`publication:${rotaId}:${previous}`, `${rotaId}:${version}`, version, new Date());
    if (!claim.won) return false;
    const res = await PublicationModel.updateOne({ _id: rotaId, version: previous }, { $set: { version } });
    return res.matchedCount === 1;
  } finally {
    publications.clear();
  }
}

export async function currentVersionOf(rotaId: string): Promise<number | null> {
  return (await PublicationModel.findById(rotaId).lean<PublicationDoc>())?.version ?? null;
}

/** Mirrors the current version onto the rota document (for lists and edits). */
export async function markRotaPublished(rotaId: string, version: number): Promise<void> {
  await RotaModel.updateOne({ _id: rotaId, $or: [{ publishedVersion: null }, { publishedVersion: { $lt: version } }] }, { $set: { publishedVersion: version, status: 'published' } });
}

/**
 * Stores slots as a published version and makes it current, outside the publishing job
 * (benchmarks and fixtures that need published duties without planning).
 */
export async function writeDuties(
  rotaId: string,
  version: number,
  slots: SlotFields[],
  period?: { from: string; to: string },
  opts: { publishedAt?: Date; reason?: string | null } = {},
): Promise<number> {
  const days = slots.map((s) => s.day).sort();
  const span = period ?? { from: days[0] ?? '0000-01-01', to: days[days.length - 1] ?? '0000-01-01' };
  const publishedAt = opts.publishedAt ?? new Date();
  await insertVersion({ rotaId, version, slots, publishedAt, publishedBy: 'system', reason: opts.reason ?? null, changes: [] });
  const current = await currentVersionOf(rotaId);
  if (current === null || current < version) await switchPublication(rotaId, current, version, span);
  await markRotaPublished(rotaId, version);
  const rota = await findRota(rotaId);
  await recordTimeline({ id: rotaId, postIds: rota?.postIds ?? [...new Set(slots.map((s) => s.postId))], from: span.from, to: span.to }, { version, publishedAt, slots });
  return slots.reduce((n, s) => n + s.lawyerIds.length, 0);
}

/**
 * Every rota's publication pointer. Duty lists are read on hot paths (each check-in, the live
 * board); every process sees a publication at once with Redis, otherwise another process within a second.
 */
const publications = caches.snapshot('publications', () => PublicationModel.find({}).lean<PublicationDoc[]>(), 1000);

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** Duties of the current published versions, filtered; sorted by start (slots read from the months asked for). */
export async function findCurrentDuties(filter: { from: string; to: string; lawyerId?: string; postId?: string }): Promise<StoredDuty[]> {
  const pubs = (await publications.get()).filter((p) => p.from <= filter.to && p.to >= filter.from);
  const out: StoredDuty[] = [];
  for (const pub of pubs) {
    for (const s of await versionSlotsBetween(pub._id, pub.version, maxDay(filter.from, pub.from), minDay(filter.to, pub.to))) {
      if (filter.postId && s.postId !== filter.postId) continue;
      for (const lawyerId of s.lawyerIds) {
        if (filter.lawyerId && lawyerId !== filter.lawyerId) continue;
        out.push({ rotaId: pub._id, version: pub.version, slotId: s.id, postId: s.postId, lawyerId, day: s.day, localStart: s.localStart, localEnd: s.localEnd, start: s.start, end: s.end });
      }
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.postId.localeCompare(b.postId) || a.lawyerId.localeCompare(b.lawyerId));
}

/** Every stored version's key (rota and number), for one-off maintenance such as timeline backfills. */
export async function listAllVersionKeys(): Promise<{ rotaId: string; version: number }[]> {
  return RotaVersionModel.find({}).select({ rotaId: 1, version: 1 }).lean<{ rotaId: string; version: number }[]>();
}

/** Slots of the published rotas per day in a period: how many, and how many have every lawyer they need. */
export async function countPublishedSlots(from: string, to: string): Promise<Map<string, { slots: number; filled: number }>> {
  const out = new Map<string, { slots: number; filled: number }>();
  for (const pub of (await publications.get()).filter((p) => p.from <= to && p.to >= from)) {
    for (const s of await versionSlotsBetween(pub._id, pub.version, maxDay(from, pub.from), minDay(to, pub.to))) {
      const c = out.get(s.day) ?? { slots: 0, filled: 0 };
      c.slots++;
      if (s.lawyerIds.length >= s.lawyersNeeded) c.filled++;
      out.set(s.day, c);
    }
  }
  return out;
}
