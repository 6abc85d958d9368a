import { randomUUID } from 'node:crypto';
import { claimStep, isStale } from '../../db/claims';
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

/**
 * Moves a swap on from `from` (one status or any of several); false when it was no longer
 * there. Each move is claimed by a unique insert of `swap:<id>:<transitions>`, so of racing
 * moves (two colleagues accepting one open offer) exactly one wins, on any number of
 * connections; the claim carries the change, so a move whose writer died is finished by the
 * next one to look.
 */
export async function transitionSwap(id: string, from: SwapStatus | SwapStatus[], set: Partial<SwapDoc>): Promise<boolean> {
  const allowed = Array.isArray(from) ? from : [from];
  for (let tries = 0; tries < 40; tries++) {
    const doc = await SwapModel.findById(id).lean<SwapDoc>();
    if (!doc || !allowed.includes(doc.status)) return false;
    const n = doc.transitions ?? 0;
    const claim = await claimStep(`swap:${id}:${n}`, randomUUID(), set, new Date());
    if (claim.won || isStale(claim)) {
      // Ours, or another's move whose writer died before writing it.
      const at = n === 0 ? { $in: [0, null] } : n;
      await SwapModel.updateOne({ _id: id, transitions: at }, { $set: { ...(claim.value as Partial<SwapDoc>), transitions: n + 1 } });
      if (claim.won) return true;
    }
    // Another move from this state is being written: look again once it is.
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
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
