import type { RequestStatus } from '../../contracts/selfservice';
import { AbsenceModel, type AbsenceDoc } from './absences.model';

export type { AbsenceDoc };

export function findAbsence(id: string): Promise<AbsenceDoc | null> {
  return AbsenceModel.findById(id).lean<AbsenceDoc>();
}

export async function insertAbsence(fields: Pick<AbsenceDoc, 'lawyerId' | 'kind' | 'from' | 'to' | 'reason' | 'status'>): Promise<AbsenceDoc> {
  return (await AbsenceModel.create(fields)).toObject();
}

/** Moves a request on from `from` in one conditional write; false when it was no longer there. */
export async function transitionAbsence(id: string, from: RequestStatus, set: Partial<AbsenceDoc>): Promise<boolean> {
  const res = await AbsenceModel.updateOne({ _id: id, status: from }, { $set: set });
  return res.matchedCount === 1;
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
