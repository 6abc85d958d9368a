import type { SwapStatus } from '../../contracts/selfservice';
import { SwapModel, type SwapDoc } from './swaps.model';

export type { SwapDoc };

export function findSwap(id: string): Promise<SwapDoc | null> {
  return SwapModel.findById(id).lean<SwapDoc>();
}

export function countSwapsFor(rotaId: string, slotId: string, requesterId: string, statuses: SwapStatus[]): Promise<number> {
  return SwapModel.countDocuments({ rotaId, slotId, requesterId, status: { $in: statuses } });
}

export async function insertSwap(fields: Pick<SwapDoc, 'rotaId' | 'slotId' | 'requesterId' | 'partnerLawyerId' | 'partnerSlotId' | 'mode' | 'status' | 'note'>): Promise<SwapDoc> {
  return (await SwapModel.create(fields)).toObject();
}

/** Moves a swap on from `from` (one status or any of several) in one conditional write; false when it was no longer there. */
export async function transitionSwap(id: string, from: SwapStatus | SwapStatus[], set: Partial<SwapDoc>): Promise<boolean> {
  const res = await SwapModel.updateOne({ _id: id, status: Array.isArray(from) ? { $in: from } : from }, { $set: set });
  return res.matchedCount === 1;
}

/** Newest first, at most 500. */
export function findSwaps(status?: SwapStatus): Promise<SwapDoc[]> {
  return SwapModel.find(status ? { status } : {}).sort({ createdAt: -1 }).limit(500).lean<SwapDoc[]>();
}

/** A lawyer's own requests, those naming them, and every open offer; newest first, at most 200. */
export function findSwapsSeenBy(lawyerId: string): Promise<SwapDoc[]> {
  return SwapModel.find({ $or: [{ requesterId: lawyerId }, { partnerLawyerId: lawyerId }, { mode: 'open', status: 'open' }] })
    .sort({ createdAt: -1 })
    .limit(200)
    .lean<SwapDoc[]>();
}
