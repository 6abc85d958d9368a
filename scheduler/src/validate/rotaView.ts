import type { Problem } from '../model/problem';
import type { Assignment } from '../model/types';
import type { RotaView, Violation } from '../rules/types';
import { BLOCK, Schedule } from '../solver/schedule';

/** Loads assignments into an indexed schedule; assignments naming unknown slots or lawyers are reported. */
export function loadSchedule(p: Problem, assignments: readonly Assignment[]): { state: Schedule; unknown: Violation[] } {
  const state = new Schedule(p);
  const unknown: Violation[] = [];
  for (const a of assignments) {
    const s = p.slotIndex.get(a.slotId);
    const l = p.lawyerIndex.get(a.lawyerId);
    if (s === undefined || l === undefined) {
      unknown.push({
        rule: 'knownReferences',
        slotId: a.slotId,
        lawyerId: a.lawyerId,
        message: s === undefined ? `unknown slot ${a.slotId}` : `unknown lawyer ${a.lawyerId}`,
        messageZh: s === undefined ? `班次${a.slotId}不存在` : `律师${a.lawyerId}不存在`,
      });
      continue;
    }
    const seat = state.freeSeat(s);
    if (seat >= 0 && state.seatOf(s, l) < 0) state.assign(seat, s, l, a.pinned === true);
  }
  return { state, unknown };
}

export function buildView(
  p: Problem,
  assignments: readonly Assignment[],
  state: Schedule,
  focus?: { lawyers?: number[]; slots?: number[] },
): RotaView {
  const bySlot: number[][] = Array.from({ length: p.slots.length }, () => []);
  const byLawyer: number[][] = Array.from({ length: p.lawyers.length }, () => []);
  for (const a of assignments) {
    const s = p.slotIndex.get(a.slotId);
    const l = p.lawyerIndex.get(a.lawyerId);
    if (s === undefined || l === undefined) continue;
    bySlot[s].push(l);
    byLawyer[l].push(s);
  }
  for (const list of byLawyer) if (list.length > 1) list.sort((a, b) => p.slotStart[a] - p.slotStart[b] || a - b);
  return {
    problem: p,
    bySlot,
    byLawyer,
    lawyersToCheck: focus?.lawyers,
    slotsToCheck: focus?.slots,
    couldAdd: (l, s) => state.canTake(l, s) === BLOCK.ok,
  };
}

/** The same view built straight from a schedule's seats, without looking ids up again. */
export function viewOfSchedule(state: Schedule): RotaView {
  const p = state.p;
  const bySlot: number[][] = Array.from({ length: p.slots.length }, (_, s) => state.lawyersIn(s));
  const byLawyer = state.lawyerSlots.map((list) => (list.length > 1 ? [...list].sort((a, b) => p.slotStart[a] - p.slotStart[b] || a - b) : [...list]));
  return { problem: p, bySlot, byLawyer, couldAdd: (l, s) => state.canTake(l, s) === BLOCK.ok };
}
