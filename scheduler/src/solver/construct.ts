import { bestCandidate } from './candidateCost';
import { SeatFiller } from './fillSeat';
import type { Schedule } from './schedule';

/**
 * Builds a first rota day by day (rest, caps and one-duty-a-day look backwards), within a
 * day hardest slots first (fewest qualified lawyers), each seat to the best-priority
 * lawyer; seats left empty are then filled by augmenting paths.
 */
export function constructRota(state: Schedule, rank: Int32Array, filler: SeatFiller): void {
  const p = state.p;
  const byDay: number[][] = Array.from({ length: p.dayCount }, () => []);
  for (let s = 0; s < p.slots.length; s++) byDay[p.slotDay[s] - p.firstDay].push(s);
  const difficulty = (s: number) => p.groupMembers[p.slotGroup[s]].length;
  for (const slots of byDay) {
    slots.sort((a, b) => difficulty(a) - difficulty(b) || p.slotStart[a] - p.slotStart[b] || a - b);
    for (const s of slots) {
      for (let seat = state.freeSeat(s); seat >= 0; seat = state.freeSeat(s)) {
        const l = bestCandidate(state, s, rank);
        if (l < 0) break;
        state.assign(seat, s, l);
      }
    }
    for (const s of slots) {
      while (state.freeSeat(s) >= 0 && filler.fill(s)) {
        /* keep filling this slot's seats */
      }
    }
  }
}
