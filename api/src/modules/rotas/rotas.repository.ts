import type { RotaStatus, RotaSummary } from '../../contracts/rotas';
import { DutyModel, RotaModel, RotaVersionModel, type DutyDoc, type RotaDoc, type RotaVersionDoc, type SlotFields } from './rotas.model';

export type StoredRota = Omit<RotaDoc, '_id'> & { id: string };
export type StoredVersion = Omit<RotaVersionDoc, '_id'> & { id: string };
export type StoredDuty = Omit<DutyDoc, '_id'> & { id: string };

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

/** Published rotas overlapping a period (their slots included). */
export async function findPublishedRotas(from: string, to: string, exceptId?: string): Promise<StoredRota[]> {
  const docs = await RotaModel.find({ publishedVersion: { $ne: null }, from: { $lte: to }, to: { $gte: from } }).select({ explanations: 0 }).lean<RotaDoc[]>();
  return docs.map(rotaOf).filter((r) => r.id !== exceptId);
}

/** Applies `set` if the rota is still at `revision`; bumps the revision. Null when someone saved first. */
export async function updateRotaAt(id: string, revision: number, set: Partial<RotaDoc>, extra: Record<string, unknown> = {}): Promise<StoredRota | null> {
  const res = await RotaModel.updateOne({ _id: id, revision, ...extra }, { $set: set, $inc: { revision: 1 } });
  if (res.matchedCount !== 1) return null;
  return findRota(id);
}

/** Stores a planning result unless a newer planning run has started since. */
export async function storePlan(id: string, jobId: string, set: Pick<RotaDoc, 'slots' | 'explanations' | 'figures'>): Promise<boolean> {
  const res = await RotaModel.updateOne({ _id: id, planningJobId: jobId }, { $set: { ...set, status: 'draft' }, $inc: { revision: 1 } });
  return res.matchedCount === 1;
}

export async function setPlanningJob(id: string, revision: number, jobId: string): Promise<boolean> {
  const res = await RotaModel.updateOne({ _id: id, revision }, { $set: { planningJobId: jobId, status: 'planning' }, $inc: { revision: 1 } });
  return res.matchedCount === 1;
}

export async function markPlanningFailed(id: string, jobId: string, message: string): Promise<void> {
  await RotaModel.updateOne({ _id: id, planningJobId: jobId, status: 'planning' }, { $set: { status: 'draft', explanations: { error: message } }, $inc: { revision: 1 } });
}

export async function insertVersion(fields: Omit<RotaVersionDoc, '_id'>): Promise<boolean> {
  try {
    await RotaVersionModel.create(fields);
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function findVersion(rotaId: string, version: number): Promise<StoredVersion | null> {
  const doc = await RotaVersionModel.findOne({ rotaId, version }).lean<RotaVersionDoc>();
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: String(_id), ...rest };
}

export async function listVersions(rotaId: string): Promise<StoredVersion[]> {
  const docs = await RotaVersionModel.find({ rotaId }).select({ slots: 0 }).sort({ version: -1 }).lean<RotaVersionDoc[]>();
  return docs.map(({ _id, ...rest }) => ({ id: String(_id), ...rest, slots: [] }));
}

/** Writes the duties of a version; safe to repeat (upserts on the unique key). */
export async function writeDuties(rotaId: string, version: number, slots: SlotFields[]): Promise<number> {
  const ops = [];
  for (const s of slots) {
    for (const lawyerId of s.lawyerIds) {
      const duty = {
        rotaId,
        version,
        slotId: s.id,
        postId: s.postId,
        lawyerId,
        day: s.day,
        month: s.day.slice(0, 7),
        localStart: s.localStart,
        localEnd: s.localEnd,
        start: s.start,
        end: s.end,
      };
      ops.push({ updateOne: { filter: { rotaId, version, slotId: s.id, lawyerId }, update: { $set: duty }, upsert: true } });
    }
  }
  for (let i = 0; i < ops.length; i += 500) await DutyModel.bulkWrite(ops.slice(i, i + 500), { ordered: false });
  return ops.length;
}

/** Makes `version` the current one, if the current one is still `previous`. */
export async function makeVersionCurrent(rotaId: string, previous: number | null, version: number): Promise<boolean> {
  const res = await RotaModel.updateOne({ _id: rotaId, publishedVersion: previous }, { $set: { publishedVersion: version, status: 'published' } });
  return res.matchedCount === 1;
}

export async function deleteOldDuties(rotaId: string, currentVersion: number): Promise<void> {
  await DutyModel.deleteMany({ rotaId, version: { $lt: currentVersion } });
}

/** Duties of the current published versions, filtered; sorted by start. */
export async function findCurrentDuties(filter: { from: string; to: string; lawyerId?: string; postId?: string }): Promise<StoredDuty[]> {
  const rotas = await RotaModel.find({ publishedVersion: { $ne: null }, from: { $lte: filter.to }, to: { $gte: filter.from } })
    .select({ _id: 1, publishedVersion: 1 })
    .lean<Pick<RotaDoc, '_id' | 'publishedVersion'>[]>();
  if (rotas.length === 0) return [];
  const q: Record<string, unknown> = {
    $or: rotas.map((r) => ({ rotaId: String(r._id), version: r.publishedVersion })),
    day: { $gte: filter.from, $lte: filter.to },
  };
  if (filter.lawyerId) q.lawyerId = filter.lawyerId;
  if (filter.postId) q.postId = filter.postId;
  const docs = await DutyModel.find(q).sort({ start: 1 }).lean<DutyDoc[]>();
  return docs.map(({ _id, ...rest }) => ({ id: String(_id), ...rest }));
}
