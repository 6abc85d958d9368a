import { resolveRules } from '../model/defaults';
import type { ExtraSlot, RotaInstance, Slot } from '../model/types';
import { compareSlots, expandSlots, makeExtraSlot } from '../recurrence/expandSlots';
import { wallTimeToInstant } from '../time/zonedTime';

/** A change to a published rota that repair must absorb. */
export type RotaChange =
  /** Taken off the roster (e.g. 清退 after a second violation) from an instant on. */
  | { type: 'lawyerRemoved'; lawyerId: string; from: string }
  /** Leave granted after publication; days (inclusive) or instants, as for any absence. */
  | { type: 'lawyerLeave'; lawyerId: string; from: string; to: string; reason?: string }
  | { type: 'postClosed'; postId: string; day: string }
  | { type: 'slotAdded'; slot: ExtraSlot }
  /**
   * The holiday calendar changed (a day became a holiday, a make-up day, or ordinary again):
   * the slots are expanded afresh; duties on slots that are gone are dropped and new slots
   * are filled.
   */
  | { type: 'calendarChanged' };

export const FOREVER = '9999-12-31T23:59:59.999Z';

/** The instance and slot list after a change, and the earliest instant the change touches. */
export function applyRotaChange(
  instance: RotaInstance,
  slots: Slot[],
  change: RotaChange,
): { instance: RotaInstance; slots: Slot[]; from: number } {
  switch (change.type) {
    case 'lawyerRemoved':
    case 'lawyerLeave': {
      const index = instance.lawyers.findIndex((l) => l.id === change.lawyerId);
      if (index < 0) throw new RangeError(`unknown lawyer ${change.lawyerId}`);
      const lawyer = { ...instance.lawyers[index] };
      if (change.type === 'lawyerRemoved') {
        // Kept as unavailability rather than a status so that past duties stay valid history.
        lawyer.unavailable = [...(lawyer.unavailable ?? []), { from: change.from, to: FOREVER, reason: 'removed' }];
      } else {
        lawyer.leave = [...(lawyer.leave ?? []), { from: change.from, to: change.to, ...(change.reason ? { reason: change.reason } : {}) }];
      }
      const lawyers = instance.lawyers.slice();
      lawyers[index] = lawyer;
      const from = change.from.length === 10 ? earliestOnDay(slots, change.from) : Date.parse(change.from);
      return { instance: { ...instance, lawyers }, slots, from };
    }
    case 'postClosed': {
      const index = instance.posts.findIndex((p) => p.id === change.postId);
      if (index < 0) throw new RangeError(`unknown post ${change.postId}`);
      const posts = instance.posts.slice();
      posts[index] = { ...posts[index], closedDays: [...(posts[index].closedDays ?? []), change.day] };
      const from = wallTimeToInstant(change.day, '00:00', posts[index].timeZone);
      return { instance: { ...instance, posts }, slots: slots.filter((s) => !(s.postId === change.postId && s.day === change.day)), from };
    }
    case 'calendarChanged': {
      const { removed, added } = slotsChangedByCalendar(instance, slots);
      const fresh = expandSlots(instance);
      const from = Math.min(Infinity, ...[...removed, ...added].map((slot) => Date.parse(slot.start)));
      return { instance, slots: fresh, from };
    }
    case 'slotAdded': {
      const post = instance.posts.find((p) => p.id === change.slot.postId);
      if (!post) throw new RangeError(`unknown post ${change.slot.postId}`);
      const slot = makeExtraSlot(post, change.slot, instance.calendar, resolveRules(instance));
      if (slots.some((s) => s.id === slot.id)) throw new RangeError(`slot ${slot.id} already exists`);
      return {
        instance: { ...instance, extraSlots: [...(instance.extraSlots ?? []), change.slot] },
        slots: [...slots, slot].sort(compareSlots),
        from: Date.parse(slot.start),
      };
    }
  }
}

function earliestOnDay(slots: Slot[], day: string): number {
  let min = Infinity;
  for (const s of slots) if (s.day >= day && Date.parse(s.start) < min) min = Date.parse(s.start);
  return min;
}

/**
 * Slots of a published rota that the instance's (current) calendar no longer produces, and
 * slots it produces that the rota lacks: what a calendar change did to the rota.
 */
export function slotsChangedByCalendar(instance: RotaInstance, slots: Slot[]): { removed: Slot[]; added: Slot[] } {
  const fresh = expandSlots(instance);
  const freshIds = new Set(fresh.map((s) => s.id));
  const oldIds = new Set(slots.map((s) => s.id));
  return { removed: slots.filter((s) => !freshIds.has(s.id)), added: fresh.filter((s) => !oldIds.has(s.id)) };
}
