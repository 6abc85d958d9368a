import { randomUUID } from 'node:crypto';
import type { RequestStatus } from '../../contracts/selfservice';
import { claimStep, isStale } from '../../db/claims';
import { AbsenceModel, type AbsenceDoc } from './absences.model';

export type { AbsenceDoc };

export function findAbsence(id: string): Promise<AbsenceDoc | null> {
  return AbsenceModel.findById(id).lean<AbsenceDoc>();
}

export async function insertAbsence(fields: Pick<AbsenceDoc, 'lawyerId' | 'kind' | 'from' | 'to' | 'reason' | 'status'>): Promise<AbsenceDoc> {
  return (await AbsenceModel.create(fields)).toObject();
}

/**
 * Moves a request on from `from`; false when it was no longer there. A request leaves a status
 * once, so the move is claimed as `absence:<id>:<from>` (db/claims.ts): of two staff deciding
 * at once exactly one decision is written; the claim carries it, so a decision whose writer
 * died is written by the next one to look.
 */
export async function transitionAbsence(id: string, from: RequestStatus, set: Partial<AbsenceDoc>): Promise<boolean> {
  if (!(await AbsenceModel.exists({ _id: id, status: from }))) return false;
  const claim = await claimStep(`absence:${id}:${from}`, randomUUID(), set, new Date());
  // Ours, or another's decision whose writer died before writing it.
  if (claim.won || isStale(claim)) await AbsenceModel.updateOne({ _id: id, status: from }, { $set: claim.value as Partial<AbsenceDoc> });
  return claim.won;
}

export async function setAbsenceRepairJob(id: string, repairJobId: string): Promise<void> {
  await AbsenceModel.updateOne({ _id: id }, { $set: { repairJobId } });
}

/** Newest first, at most 500. */
export function findAbsences(filter: { status?: RequestStatus; lawyerId?: string }): Promise<AbsenceDoc[]> {
  return AbsenceModel.find(filter).sort({ from: -1 }).limit(500).lean<AbsenceDoc[]>();
}

export function findApprovedAbsencesOverlapping(from: string, to: string): Promise<AbsenceDoc[]> {
  return AbsenceModel.find({ status: 'approved', from: { $lte: to }, to: { $gte: from } }).lean<AbsenceDoc[]>();
}
