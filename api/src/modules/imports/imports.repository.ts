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

/** Moves a batch from one status to another only if it is still in `from`; null if it was not. */
export async function transitionImport(id: string, from: ImportStatus[], set: Record<string, unknown>): Promise<ImportBatch | null> {
  const d = await ImportModel.findOneAndUpdate({ _id: id, status: { $in: from } }, { $set: set }, { returnDocument: 'after' }).lean<Doc>();
  return d ? toBatch(d) : null;
}

export async function recordImportProgress(id: string, progress: number, created: number): Promise<void> {
  await ImportModel.updateOne({ _id: id, progress: { $lt: progress } }, { $set: { progress, created } });
}

/** Expired previews drop their rows: they hold private data nobody will confirm. */
export async function expireStaleImports(now: Date): Promise<void> {
  await ImportModel.updateMany({ status: 'preview', expiresAt: { $lte: now } }, { $set: { status: 'expired', validBodies: [] } });
}
