import { Types } from 'mongoose';
import type { LawyersQuery, LawyerStatus } from '../../contracts/lawyers';
import { caches } from '../../db/cache';
import { writeAtRevision } from '../../db/claims';
import type { PlanningLawyer } from '../rotas/rotas.port';
import { LawyerModel, type LawyerDoc } from './lawyers.model';
import { saveCards } from './lawyer-cards.repository';

export type { LawyerDoc };

export type LawyerFields = Omit<LawyerDoc, '_id' | 'createdAt' | 'updatedAt' | 'rev'>;

export async function findLawyerDoc(id: string): Promise<LawyerDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return LawyerModel.findById(id).lean<LawyerDoc>();
}

export async function lawyerExists(id: string): Promise<boolean> {
  if (!Types.ObjectId.isValid(id)) return false;
  return (await LawyerModel.exists({ _id: id })) !== null;
}

export async function licenceNumberTaken(licenceNumber: string, exceptId?: string): Promise<boolean> {
  const filter: Record<string, unknown> = { licenceNumber };
  if (exceptId) filter._id = { $ne: new Types.ObjectId(exceptId) };
  return (await LawyerModel.exists(filter)) !== null;
}

export async function findRegisteredLicenceNumbers(numbers: string[]): Promise<Set<string>> {
  const docs = await LawyerModel.find({ licenceNumber: { $in: numbers } }, { licenceNumber: 1 }).lean<{ licenceNumber: string }[]>();
  return new Set(docs.map((d) => d.licenceNumber));
}

export async function insertLawyer(fields: LawyerFields): Promise<LawyerDoc> {
  const doc = await LawyerModel.create({ ...fields, rev: 0 });
  await saveCards([doc]);
  return doc.toObject() as LawyerDoc;
}

/** Writes `set` only if nobody changed the lawyer since `rev` was read; null when someone did. */
export async function updateLawyerAtRev(id: string, rev: number, set: Partial<LawyerFields>): Promise<LawyerDoc | null> {
  // One change per `rev`, however many staff save at once (db/claims.ts).
  const saved = await writeAtRevision(LawyerModel, 'lawyer', id, 'rev', rev, { set }, {}, { runValidators: true });
  const doc = saved ? await LawyerModel.findById(id).lean<LawyerDoc>() : null;
  if (doc) await saveCards([doc]);
  // Names and statuses label duties in every process: forget this lawyer's there.
  if (doc) caches.invalidate('lawyers', [id]);
  return doc;
}

/**
 * Inserts lawyers keyed by licence number; an existing licence number is left untouched, so
 * running the same batch again creates nobody twice (the unique index settles races).
 * Returns the lawyers inserted. One lookup plus one insertMany: per-row upserts would each
 * scan the collection on FerretDB.
 */
export async function insertLawyersIfAbsent(rows: LawyerFields[], at: Date): Promise<{ id: string; name: string; licenceNumber: string }[]> {
  if (rows.length === 0) return [];
  const existing = await findRegisteredLicenceNumbers(rows.map((r) => r.licenceNumber));
  const fresh = rows.filter((r) => !existing.has(r.licenceNumber)).map((r) => ({ ...r, rev: 0, createdAt: at, updatedAt: at }));
  if (fresh.length === 0) return [];
  let docs: { _id: Types.ObjectId; name: string; licenceNumber: string; firm: string }[];
  try {
    docs = (await LawyerModel.insertMany(fresh, { ordered: false, lean: true })) as unknown as typeof docs;
  } catch (err) {
    const e = err as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[]; insertedDocs?: typeof docs };
    const codes = (e.writeErrors ?? []).map((w) => w.code ?? w.err?.code);
    if (codes.length === 0 || codes.some((c) => c !== 11000)) throw err;
    docs = e.insertedDocs ?? [];
  }
  await saveCards(docs);
  return docs.map((d) => ({ id: String(d._id), name: d.name, licenceNumber: d.licenceNumber }));
}

export function listFilter(q: Partial<LawyersQuery>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (q.status) filter.status = Array.isArray(q.status) ? { $in: q.status } : q.status;
  if (q.district) filter.districts = q.district;
  if (q.postKind) filter.postKinds = q.postKind;
  if (q.eligible !== undefined) filter.eligible = q.eligible;
  if (q.flagged !== undefined) filter.eligibilityFlag = q.flagged ? { $ne: null } : null;
  if (q.q) {
    const rx = new RegExp(q.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    filter.$or = [{ name: rx }, { firm: rx }, { licenceNumber: rx }];
  }
  return filter;
}

export async function findLawyerDocs(q: LawyersQuery, paginate: boolean): Promise<{ docs: LawyerDoc[]; total: number }> {
  const filter = listFilter(q);
  let cursor = LawyerModel.find(filter).sort({ [q.sort]: 1, _id: 1 });
  if (paginate) cursor = cursor.skip((q.page - 1) * q.pageSize).limit(q.pageSize);
  const [docs, total] = await Promise.all([cursor.lean<LawyerDoc[]>(), LawyerModel.countDocuments(filter)]);
  return { docs, total };
}

export async function countLawyers(): Promise<number> {
  return LawyerModel.countDocuments({});
}

/** How many lawyers one import created. */
export function countLawyersFromImport(importId: string): Promise<number> {
  return LawyerModel.countDocuments({ importId });
}

/** The ids of lawyers removed from the roster (已清退). */
export async function findRemovedLawyerIds(): Promise<Set<string>> {
  return new Set((await LawyerModel.find({ status: 'removed' }).select({ _id: 1 }).lean<{ _id: unknown }[]>()).map((d) => String(d._id)));
}

/** A lawyer's status, read by primary key; null for nobody. */
export async function findLawyerStatus(id: string): Promise<LawyerStatus | null> {
  return (await LawyerModel.findById(id).select({ status: 1 }).lean<{ status: LawyerStatus }>())?.status ?? null;
}

/** A fresh id for a sub-document (e.g. a complaint) made before it is stored. */
export const newSubdocumentId = () => new Types.ObjectId();

const PLANNING_FIELDS = { name: 1, firm: 1, licenceNumber: 1, status: 1, eligible: 1, districts: 1, postKinds: 1 } as const;

type PlanningRow = Omit<PlanningLawyer, 'id'> & { _id: unknown };

/**
 * The facts planning needs about lawyers (no private data), all or by id. A few ids are read
 * one by one by primary key, which FerretDB answers without reading the whole collection.
 */
export async function findPlanningLawyers(ids?: string[]): Promise<PlanningLawyer[]> {
  const valid = ids?.filter((id) => /^[0-9a-f]{24}$/i.test(id));
  let docs: PlanningRow[];
  if (valid && valid.length <= 40) {
    docs = (await Promise.all(valid.map((id) => LawyerModel.findById(id).select(PLANNING_FIELDS).lean<PlanningRow>()))).filter((d): d is PlanningRow => d !== null);
  } else {
    docs = await LawyerModel.find(valid ? { _id: { $in: valid } } : {}).select(PLANNING_FIELDS).sort({ licenceNumber: 1 }).lean<PlanningRow[]>();
  }
  return docs.map((d) => ({
    id: String(d._id),
    name: d.name,
    firm: d.firm,
    licenceNumber: d.licenceNumber,
    status: d.status,
    eligible: d.eligible,
    districts: d.districts ?? [],
    postKinds: d.postKinds ?? [],
  }));
}
