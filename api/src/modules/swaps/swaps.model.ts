import mongoose, { Schema } from 'mongoose';
import type { SwapStatus } from '../../contracts/selfservice';

export interface SwapDoc {
  _id: mongoose.Types.ObjectId;
  rotaId: string;
  slotId: string;
  requesterId: string;
  partnerLawyerId: string | null;
  partnerSlotId: string | null;
  /** Named partner (`direct`) or offered to anyone eligible (`open`). */
  mode: 'direct' | 'open';
  status: SwapStatus;
  note: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  /** How many times the status moved on: transition `n` is claimed as `swap:<id>:<n>` (db/claims.ts). */
  transitions: number;
  createdAt: Date;
}

const schema = new Schema<SwapDoc>(
  {
    rotaId: { type: String, required: true },
    slotId: { type: String, required: true },
    requesterId: { type: String, required: true },
    partnerLawyerId: { type: String, default: null },
    partnerSlotId: { type: String, default: null },
    mode: { type: String, required: true },
    status: { type: String, required: true },
    note: { type: String, default: null },
    decisionNote: { type: String, default: null },
    decidedBy: { type: String, default: null },
    transitions: { type: Number, default: 0 },
  },
  { timestamps: true },
);
schema.index({ status: 1, createdAt: -1 });
schema.index({ requesterId: 1 });
schema.index({ partnerLawyerId: 1 });

export const SwapModel = mongoose.model<SwapDoc>('Swap', schema, 'swaps');
