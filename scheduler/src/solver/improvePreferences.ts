import { preferencePenalty } from '../rules/soft/preferencePenalty';
import type { Budget } from './balance';
import { BLOCK, type Schedule } from './schedule';

/** Two slots count the same for every fairness measure. */
function sameClass(state: Schedule, a: number, b: number): boolean {
  const p = state.p;
  return p.slotWeekend[a] === p.slotWeekend[b] && p.slotEarly[a] === p.slotEarly[b] && p.slotLate[a] === p.slotLate[b];
}

/**
 * Trades duties between two lawyers when that lowers their combined preference points.
 * Only slots of the same fairness class are traded, so no count changes and the fairness
 * already reached is kept.
 */
export function improvePreferences(state: Schedule, budget: Budget): void {
  const p = state.p;
  const seatOf = (s: number, l: number) => state.seatOf(s, l);
  for (let a = 0; a < p.lawyers.length && budget.checks > 0; a++) {
    if (!p.lawyers[a].preferences) continue;
    for (const s1 of [...state.lawyerSlots[a]]) {
      const own = preferencePenalty(p, a, s1);
      if (own === 0 || state.seatPinned[seatOf(s1, a)]) continue;
      let done = false;
      for (const y of p.groupMembers[p.slotGroup[s1]]) {
        if (y === a || done) continue;
        for (const s2 of state.lawyerSlots[y]) {
          if (--budget.checks < 0) return;
          if (!sameClass(state, s1, s2) || state.seatPinned[seatOf(s2, y)]) continue;
          const before = own + preferencePenalty(p, y, s2);
          const after = preferencePenalty(p, a, s2) + preferencePenalty(p, y, s1);
          if (after >= before) continue;
          if (state.canTake(a, s2, s1) !== BLOCK.ok || state.canTake(y, s1, s2) !== BLOCK.ok) continue;
          const seat1 = seatOf(s1, a);
          const seat2 = seatOf(s2, y);
          state.unassign(seat1, s1);
          state.unassign(seat2, s2);
          state.assign(seat1, s1, y);
          state.assign(seat2, s2, a);
          done = true;
          break;
        }
      }
    }
  }
}
