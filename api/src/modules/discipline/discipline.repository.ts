import { createHash } from 'node:crypto';
import type { ViolationsQuery } from '../../contracts/discipline';
import { writeAtRevision } from '../../db/claims';
import { RemovalModel, ViolationModel, type RemovalDoc, type ViolationDoc } from './discipline.model';

export type { RemovalDoc, ViolationDoc };

export type NewViolation = Omit<ViolationDoc, '_id' | 'rev' | 'reversals' | 'seenBy' | 'reply' | 'decision'> & Partial<Pick<ViolationDoc, 'decision'>>;

/** The violation id of a source: 24 hex characters of its hash. */
export function violationIdOf(sourceKey: string): string {
  return createHash('sha256').update(sourceKey).digest('hex').slice(0, 24);
}

/** Inserts the violation unless its source was reported before; the stored one and whether it is new. */
export async function insertViolation(v: NewViolation): Promise<{ doc: ViolationDoc; created: boolean }> {
  const _id = violationIdOf(v.sourceKey);
  try {
    const doc = await ViolationModel.create({ ...v, _id, rev: 0, reversals: [], seenBy: [], reply: null, decision: v.decision ?? null });
    return { doc: doc.toObject() as ViolationDoc, created: true };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const existing = await findViolation(_id);
    if (!existing) throw err;
    return { doc: existing, created: false };
  }
}

export async function findViolation(id: string): Promise<ViolationDoc | null> {
  return ViolationModel.findById(id).lean<ViolationDoc>();
}

/** Applies `set` if the violation is still at `rev`; null when someone changed it first (one change per `rev`, db/claims.ts). */
export async function updateViolationAt(id: string, rev: number, set: Partial<ViolationDoc>): Promise<ViolationDoc | null> {
  if (!(await writeAtRevision(ViolationModel, 'violation', id, 'rev', rev, { set }))) return null;
  return findViolation(id);
}

export async function markSeen(id: string, userId: string): Promise<void> {
  await ViolationModel.updateOne({ _id: id }, { $addToSet: { seenBy: userId } });
}

export async function findViolations(q: ViolationsQuery): Promise<{ docs: ViolationDoc[]; total: number }> {
  const filter: Record<string, unknown> = {};
  if (q.lawyerId) filter.lawyerId = q.lawyerId;
  if (q.state) filter.state = q.state;
  if (q.type) filter.type = q.type;
  if (q.postId) filter.postId = q.postId;
  if (q.district) filter.district = q.district;
  const [docs, total] = await Promise.all([
    ViolationModel.find(filter).sort({ occurredAt: -1, _id: 1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<ViolationDoc[]>(),
    ViolationModel.countDocuments(filter),
  ]);
  return { docs, total };
}

/** A lawyer's violations, newest first (a lawyer has a handful; bounded all the same). */
export async function findLawyerViolations(lawyerId: string): Promise<ViolationDoc[]> {
  return ViolationModel.find({ lawyerId }).sort({ occurredAt: -1 }).limit(1000).lean<ViolationDoc[]>();
}

export async function insertRemoval(r: RemovalDoc): Promise<RemovalDoc> {
  try {
    return (await RemovalModel.create(r)).toObject() as RemovalDoc;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    return (await RemovalModel.findById(r._id).lean<RemovalDoc>())!;
  }
}

export async function findRemovals(lawyerId: string): Promise<RemovalDoc[]> {
  return RemovalModel.find({ lawyerId }).sort({ startedAt: -1 }).limit(50).lean<RemovalDoc[]>();
}
