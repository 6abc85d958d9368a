import type { Assignment } from '../model/types';

export interface RotaDiff {
  added: Assignment[];
  removed: Assignment[];
  /** A lawyer who lost one duty and gained another in the same repair. */
  moved: { lawyerId: string; fromSlotId: string; toSlotId: string }[];
  slotsAdded: string[];
  slotsRemoved: string[];
}

/** Lawyers per slot, to test membership without building compound keys. */
function bySlot(list: Assignment[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of list) {
    const lawyers = out.get(a.slotId);
    if (lawyers) lawyers.push(a.lawyerId);
    else out.set(a.slotId, [a.lawyerId]);
  }
  return out;
}

export function diffRotas(before: Assignment[], after: Assignment[], slotsBefore: string[], slotsAfter: string[]): RotaDiff {
  const old = bySlot(before);
  const now = bySlot(after);
  let added = after.filter((a) => !old.get(a.slotId)?.includes(a.lawyerId));
  let removed = before.filter((a) => !now.get(a.slotId)?.includes(a.lawyerId));
  const moved: RotaDiff['moved'] = [];
  const addedBy = new Map<string, Assignment[]>();
  for (const a of added) addedBy.set(a.lawyerId, [...(addedBy.get(a.lawyerId) ?? []), a]);
  const pairedAdded = new Set<Assignment>();
  const pairedRemoved = new Set<Assignment>();
  for (const r of removed) {
    const gain = addedBy.get(r.lawyerId)?.find((a) => !pairedAdded.has(a));
    if (!gain) continue;
    pairedAdded.add(gain);
    pairedRemoved.add(r);
    moved.push({ lawyerId: r.lawyerId, fromSlotId: r.slotId, toSlotId: gain.slotId });
  }
  added = added.filter((a) => !pairedAdded.has(a));
  removed = removed.filter((a) => !pairedRemoved.has(a));
  const sb = new Set(slotsBefore);
  const sa = new Set(slotsAfter);
  return {
    added,
    removed,
    moved,
    slotsAdded: slotsAfter.filter((id) => !sb.has(id)),
    slotsRemoved: slotsBefore.filter((id) => !sa.has(id)),
  };
}
