import type { Assignment } from '../model/types';

export interface RotaDiff {
  added: Assignment[];
  removed: Assignment[];
  /** A lawyer who lost one duty and gained another in the same repair. */
  moved: { lawyerId: string; fromSlotId: string; toSlotId: string }[];
  slotsAdded: string[];
  slotsRemoved: string[];
}

const key = (a: Assignment) => `${a.slotId}\u0000${a.lawyerId}`;

export function diffRotas(before: Assignment[], after: Assignment[], slotsBefore: string[], slotsAfter: string[]): RotaDiff {
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  let added = after.filter((a) => !old.has(key(a)));
  let removed = before.filter((a) => !now.has(key(a)));
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
