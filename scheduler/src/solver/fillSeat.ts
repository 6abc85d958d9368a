import { BLOCK, type Schedule } from './schedule';

/**
 * Fills an empty seat that no free lawyer can take, by moving other duties:
 * - augmenting paths within the day (a lawyer moves to this slot and their old slot is
 *   filled the same way), which makes each day's filling a maximum matching;
 * - handing one of a blocked lawyer's other duties (the one causing a rest, cap or
 *   same-day conflict) to a lawyer who can take it directly.
 */
export class SeatFiller {
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(
    private readonly state: Schedule,
    private readonly maxDepth = 12,
  ) {
    this.mark = new Int32Array(state.p.lawyers.length);
  }

  fill(s: number): boolean {
    if (this.state.freeSeat(s) < 0) return true;
    this.stamp++;
    return this.augment(s, 0) || this.handOff(s);
  }

  private augment(s: number, depth: number): boolean {
    const state = this.state;
    const p = state.p;
    const seat = state.freeSeat(s);
    if (seat < 0) return true;
    const members = p.groupMembers[p.slotGroup[s]];
    for (const l of members) {
      if (this.mark[l] === this.stamp) continue;
      const code = state.canTake(l, s);
      if (code === BLOCK.ok) {
        state.assign(seat, s, l);
        return true;
      }
    }
    if (depth >= this.maxDepth) return false;
    for (const l of members) {
      if (this.mark[l] === this.stamp) continue;
      this.mark[l] = this.stamp;
      const t = state.dayDuty[l * p.dayCount + p.slotDay[s] - p.firstDay];
      if (t < 0 || t === s) continue;
      const tSeat = state.seatOf(t, l);
      if (tSeat < 0 || state.seatPinned[tSeat]) continue;
      if (state.canTake(l, s, t) !== BLOCK.ok) continue;
      state.unassign(tSeat, t);
      state.assign(seat, s, l);
      if (this.augment(t, depth + 1)) return true;
      state.unassign(seat, s);
      state.assign(tSeat, t, l);
    }
    return false;
  }

  private handOff(s: number): boolean {
    const state = this.state;
    const p = state.p;
    const seat = state.freeSeat(s);
    for (const l of p.groupMembers[p.slotGroup[s]]) {
      const code = state.canTake(l, s);
      if (code < BLOCK.oneDutyPerDay) continue;
      for (const u of [...state.lawyerSlots[l]]) {
        if (!this.blocks(code, u, s)) continue;
        const uSeat = state.seatOf(u, l);
        if (uSeat < 0 || state.seatPinned[uSeat]) continue;
        if (state.canTake(l, s, u) !== BLOCK.ok) continue;
        const m = this.directTaker(u, l);
        if (m < 0) continue;
        state.unassign(uSeat, u);
        state.assign(uSeat, u, m);
        state.assign(seat, s, l);
        return true;
      }
    }
    return false;
  }

  private blocks(code: number, u: number, s: number): boolean {
    const p = this.state.p;
    if (code === BLOCK.weeklyCap) return p.slotWeek[u] === p.slotWeek[s];
    if (code === BLOCK.monthlyCap) return p.slotMonth[u] === p.slotMonth[s];
    return Math.abs(p.slotStart[u] - p.slotStart[s]) < p.minRestMs + p.maxSlotMs + 26 * 3_600_000;
  }

  private directTaker(u: number, not: number): number {
    const state = this.state;
    const p = state.p;
    let best = -1;
    for (const m of p.groupMembers[p.slotGroup[u]]) {
      if (m === not || state.canTake(m, u) !== BLOCK.ok) continue;
      if (best < 0 || state.duties[m] < state.duties[best]) best = m;
    }
    return best;
  }
}
