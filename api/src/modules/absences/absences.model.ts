import mongoose, { Schema } from 'mongoose';
import type { AbsenceKind, RequestStatus } from '../../contracts/selfservice';

export interface AbsenceDoc {
  _id: mongoose.Types.ObjectId;
  lawyerId: string;
  kind: AbsenceKind;
  from: string;
  to: string;
  reason: string;
  status: RequestStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  repairJobId: string | null;
  createdAt: Date;
}

const schema = new Schema<AbsenceDoc>(
  {
    lawyerId: { type: String, required: true },
    kind: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    reason: { type: String, required: true },
    status: { type: String, required: true, default: 'pending' },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    note: { type: String, default: null },
    repairJobId: { type: String, default: null },
  },
  { timestamps: true },
);
schema.index({ lawyerId: 1, from: 1 });
schema.index({ status: 1, from: 1 });

export const AbsenceModel = mongoose.model<AbsenceDoc>('Absence', schema, 'absences');
