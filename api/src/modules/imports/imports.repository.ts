import { randomUUID } from 'node:crypto';
import { claimStep, isStale } from '../../db/claims';
import { Types } from 'mongoose';
import type { ImportPreviewRow, ImportRowError, ImportStatus } from '../../contracts/imports';
import type { CreateLawyerBody } from '../../contracts/lawyers';
import { ImportModel } from './imports.model';

export interface ImportBatch {
  id: string;
  fileName: string;
  status: ImportStatus;
  createdBy: { userId: string; username: string };
  createdAt: Date;
  expiresAt: Date;
  totalRows: number;
  previewRows: ImportPreviewRow[];
  errors: ImportRowError[];
  validBodies: CreateLawyerBody[];
  progress: number;
  created: number;
}

type Doc = Omit<ImportBatch, 'id'> & { _id: Types.ObjectId };
const toBatch = ({ _id, ...rest }: Doc): ImportBatch => ({ id: _id.toHexString(), ...rest });

export async function insertImport(batch: Omit<ImportBatch, 'id' | 'progress' | 'created'>): Promise<ImportBatch> {
  const doc = await ImportModel.create({ ...batch, progress: 0, created: 0 });
  return toBatch(doc.toObject() as unknown as Doc);
}

export async function findImport(id: string): Promise<ImportBatch | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const d = await ImportModel.findById(id).lean<Doc>();
  return d ? toBatch(d) : null;
}

/**
 * Moves a batch from one status to another only if it is still in `from`; null if it was not, or
 * if another request moved it first. A move out of a status happens once: it is claimed as
 * `import:<id>:<status left>` (db/claims.ts), so a confirmation and an expiry arriving together
 * (or two confirmations) get one winner; the claim carries the move, so one whose writer died is
 * finished by the next request. Staying in a status (resuming `applying`) needs no claim.
 */
export async function transitionImport(id: string, from: ImportStatus[], set: Record<string, unknown> & { status: ImportStatus }): Promise<ImportBatch | null> {
  const current = await findImport(id);
  if (!current || !from.includes(current.status)) return null;
  if (current.status === set.status) {
    const d = await ImportModel.findOneAndUpdate({ _id: id, status: current.status }, { $set: set }, { returnDocument: 'after' }).lean<Doc>();
    return d ? toBatch(d) : null;
  }
  const claim = await claimStep(`import:${id}:${current.status}`, randomUUID(), set, new Date());
  if (claim.won || isStale(claim)) await ImportModel.updateOne({ _id: id, status: current.status }, { $set: claim.value });
  return claim.won ? findImport(id) : null;
}

export async function recordImportProgress(id: string, progress: number, created: number): Promise<void> {
  await ImportModel.updateOne({ _id: id, progress: { $lt: progress } }, { $set: { progress, created } });
}

/** Expired previews drop their rows: they hold private data nobody will confirm. */
export async function expireStaleImports(now: Date): Promise<void> {
  await ImportModel.updateMany({ status: 'preview', expiresAt: { $lte: now } }, { $set: { status: 'expired', validBodies: [] } });
}
