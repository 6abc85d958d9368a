import { spreadAmong } from '../rules/servable';
import { BLOCK, type Schedule } from './schedule';

/** Work allowance for the improvement passes, counted in feasibility checks. */
export interface Budget {
  checks: number;
}

/**
 * Evens out duty counts with transfer chains: the busiest lawyer's slot goes to someone
 * who can take it, whose own slot goes on to the next, until a lawyer with at least two
 * duties fewer receives one. Everyone in between keeps their count. When no chain leaves
 * a busiest lawyer, chains are pulled towards the least busy instead. The search is a
 * breadth-first search that visits each lawyer once, so chains need no depth cap: a cap
 * (it was 6) left spreads above what was reachable.
 */
export function balanceDuties(state: Schedule, servable: Uint8Array, budget: Budget, maxDepth = Number.POSITIVE_INFINITY): void {
  const p = state.p;
  const nL = p.lawyers.length;
  const mark = new Int32Array(nL);
  const prev = new Int32Array(nL);
  const via = new Int32Array(nL);
  const depth = new Int32Array(nL);
  let stamp = 0;
  const lawyerGroupList: number[][] = Array.from({ length: nL }, () => []);
  const nG = p.groupKeys.length;
  for (let l = 0; l < nL; l++) for (let g = 0; g < nG; g++) if (p.lawyerGroups[l * nG + g]) lawyerGroupList[l].push(g);

  const move = (s: number, from: number, to: number) => {
    const seat = state.seatOf(s, from);
    state.unassign(seat, s);
    state.assign(seat, s, to);
  };

  // Lawyers seen in a failed search this round: a search from them would fail the same way.
  const stuck = new Int32Array(nL);
  let round = 0;
  let queue: number[] = [];

  // A lawyer kept from a slot only by a cap or a clash with one of their own duties can
  // still join a chain by passing exactly that duty on (forced[y] is then the one to pass).
  const forced = new Int32Array(nL).fill(-1);
  const freedBy = (y: number, s: number): number => {
    const code = state.canTake(y, s);
    if (code < BLOCK.oneDutyPerDay) return -2;
    for (const t of state.lawyerSlots[y]) {
      if (state.seatPinned[state.seatOf(t, y)]) continue;
      if (state.canTake(y, s, t) === BLOCK.ok) return t;
    }
    return -2;
  };

  const push = (a: number): boolean => {
    const target = state.duties[a] - 2;
    mark[a] = ++stamp;
    depth[a] = 0;
    forced[a] = -1;
    queue = [a];
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head];
      for (const s of forced[x] >= 0 ? [forced[x]] : [...state.lawyerSlots[x]]) {
        if (state.seatPinned[state.seatOf(s, x)]) continue;
        for (const y of p.groupMembers[p.slotGroup[s]]) {
          if (mark[y] === stamp) continue;
          if (--budget.checks < 0) return false;
          let pass = -1;
          if (state.canTake(y, s) !== BLOCK.ok) {
            pass = freedBy(y, s);
            if (pass < 0) continue;
          }
          mark[y] = stamp;
          prev[y] = x;
          via[y] = s;
          forced[y] = pass;
          if (pass < 0 && servable[y] && state.duties[y] <= target) {
            for (let n = y; n !== a; n = prev[n]) move(via[n], prev[n], n);
            return true;
          }
          if (depth[x] + 1 < maxDepth) {
            depth[y] = depth[x] + 1;
            queue.push(y);
          }
        }
      }
    }
    return false;
  };

  const pull = (b: number): boolean => {
    const target = state.duties[b] + 2;
    mark[b] = ++stamp;
    depth[b] = 0;
    queue = [b];
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head];
      for (const g of lawyerGroupList[x]) {
        for (const s of p.groupSlots[g]) {
          if (--budget.checks < 0) return false;
          if (state.canTake(x, s) !== BLOCK.ok) continue;
          for (let k = state.seatStart[s]; k < state.seatStart[s + 1]; k++) {
            const y = state.seatLawyer[k];
            if (y < 0 || mark[y] === stamp || state.seatPinned[k]) continue;
            mark[y] = stamp;
            prev[y] = x;
            via[y] = s;
            if (state.duties[y] >= target) {
              for (let n = y; n !== b; n = prev[n]) move(via[n], n, prev[n]);
              return true;
            }
            if (depth[x] + 1 < maxDepth) {
              depth[y] = depth[x] + 1;
              queue.push(y);
            }
          }
        }
      }
    }
    return false;
  };

  const attempt = (l: number, search: (l: number) => boolean): boolean => {
    if (stuck[l] === round) return false;
    if (search(l)) return true;
    for (const y of queue) stuck[y] = round;
    return false;
  };

  while (budget.checks > 0) {
    round++;
    const { max, min, spread } = spreadAmong(state.duties, servable);
    if (spread <= 1) return;
    let progress = false;
    for (let l = 0; l < nL && budget.checks > 0; l++) {
      if (servable[l] && state.duties[l] === max && attempt(l, push)) progress = true;
    }
    if (!progress) {
      round++;
      for (let l = 0; l < nL && budget.checks > 0; l++) {
        if (servable[l] && state.duties[l] === min && attempt(l, pull)) progress = true;
      }
    }
    if (!progress) return;
  }
}

/**
 * Evens out one category of duties (weekend/holiday, early, late) without changing
 * anyone's total: a lawyer with many such duties trades one for an ordinary duty of a
 * lawyer with few, or hands it over when that only swaps the two lawyers' totals.
 * `sameClass` keeps trades inside a class (e.g. weekend with weekend) so that an
 * earlier balance is not undone.
 */
export function balanceCategory(
  state: Schedule,
  inCategory: Uint8Array,
  counts: Int32Array,
  servable: Uint8Array,
  budget: Budget,
  sameClass?: Uint8Array,
): void {
  const p = state.p;
  const nL = p.lawyers.length;
  const move = (s: number, from: number, to: number) => {
    const seat = state.seatOf(s, from);
    state.unassign(seat, s);
    state.assign(seat, s, to);
  };
  const relieve = (a: number, max: number): boolean => {
    for (const sw of state.lawyerSlots[a]) {
      if (!inCategory[sw] || state.seatPinned[state.seatOf(sw, a)]) continue;
      for (const y of p.groupMembers[p.slotGroup[sw]]) {
        if (!servable[y] || counts[y] > max - 2) continue;
        if (--budget.checks < 0) return false;
        if (state.canTake(y, sw) !== BLOCK.ok) continue;
        // Handing over changes both totals; it must not move a duty of the protected class.
        if (state.duties[y] === state.duties[a] - 1 && !(sameClass && sameClass[sw])) {
          move(sw, a, y);
          return true;
        }
        for (const sd of state.lawyerSlots[y]) {
          if (inCategory[sd] || (sameClass && sameClass[sd] !== sameClass[sw])) continue;
          if (state.seatPinned[state.seatOf(sd, y)]) continue;
          if (--budget.checks < 0) return false;
          if (state.canTake(a, sd, sw) !== BLOCK.ok) continue;
          move(sw, a, y);
          move(sd, y, a);
          return true;
        }
      }
    }
    return false;
  };
  // The other way round: a lawyer with the fewest takes such a duty from anyone with at
  // least two more, giving back an ordinary duty (or nothing, when that evens the totals).
  const lift = (b: number, min: number): boolean => {
    const nG = p.groupKeys.length;
    for (let g = 0; g < nG; g++) {
      if (!p.lawyerGroups[b * nG + g]) continue;
      for (const sw of p.groupSlots[g]) {
        if (!inCategory[sw]) continue;
        for (let k = state.seatStart[sw]; k < state.seatStart[sw + 1]; k++) {
          const y = state.seatLawyer[k];
          if (y < 0 || y === b || state.seatPinned[k] || !servable[y] || counts[y] < min + 2) continue;
          if (--budget.checks < 0) return false;
          if (state.duties[b] === state.duties[y] - 1 && !(sameClass && sameClass[sw]) && state.canTake(b, sw) === BLOCK.ok) {
            move(sw, y, b);
            return true;
          }
          for (const sd of state.lawyerSlots[b]) {
            if (inCategory[sd] || (sameClass && sameClass[sd] !== sameClass[sw])) continue;
            if (state.seatPinned[state.seatOf(sd, b)]) continue;
            if (--budget.checks < 0) return false;
            if (state.canTake(b, sw, sd) !== BLOCK.ok || state.canTake(y, sd, sw) !== BLOCK.ok) continue;
            move(sw, y, b);
            move(sd, b, y);
            return true;
          }
        }
      }
    }
    return false;
  };
  const chain = new TradeChain(state, inCategory, counts, servable, budget, sameClass);
  while (budget.checks > 0) {
    const { max, spread } = spreadAmong(counts, servable);
    if (spread <= 1) return;
    let progress = false;
    for (let l = 0; l < nL && budget.checks > 0; l++) {
      if (servable[l] && counts[l] === max && relieve(l, max)) progress = true;
    }
    if (!progress) {
      const { min } = spreadAmong(counts, servable);
      for (let l = 0; l < nL && budget.checks > 0; l++) {
        if (servable[l] && counts[l] === min && lift(l, min)) progress = true;
      }
    }
    if (!progress) {
      for (let l = 0; l < nL && budget.checks > 0; l++) {
        if (servable[l] && counts[l] === max && chain.relieve(l, max)) progress = true;
      }
    }
    if (!progress) return;
  }
}

/**
 * Trades along a chain when no single trade helps: the busiest lawyer hands a category
 * duty to the next lawyer and takes an ordinary one back, who does the same with the next,
 * until one with at least two such duties fewer is reached. Totals never change and only
 * the two ends' category counts do. Each trade is checked alone, so the whole chain is
 * checked once applied and undone if any lawyer in it ends up breaking a rule.
 */
class TradeChain {
  private readonly mark: Int32Array;
  private readonly prev: Int32Array;
  private readonly out: Int32Array;
  private readonly back: Int32Array;
  private stamp = 0;

  constructor(
    private readonly state: Schedule,
    private readonly inCategory: Uint8Array,
    private readonly counts: Int32Array,
    private readonly servable: Uint8Array,
    private readonly budget: Budget,
    private readonly sameClass?: Uint8Array,
  ) {
    const nL = state.p.lawyers.length;
    this.mark = new Int32Array(nL);
    this.prev = new Int32Array(nL);
    this.out = new Int32Array(nL);
    this.back = new Int32Array(nL);
  }

  relieve(a: number, max: number): boolean {
    const { state, budget } = this;
    const p = state.p;
    const stamp = ++this.stamp;
    this.mark[a] = stamp;
    const queue = [a];
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head];
      for (const sw of [...state.lawyerSlots[x]]) {
        if (!this.inCategory[sw] || state.seatPinned[state.seatOf(sw, x)]) continue;
        for (const y of p.groupMembers[p.slotGroup[sw]]) {
          if (this.mark[y] === stamp || !this.servable[y]) continue;
          if (--budget.checks < 0) return false;
          const sd = this.tradeBack(x, y, sw);
          if (sd < 0) continue;
          this.mark[y] = stamp;
          this.prev[y] = x;
          this.out[y] = sw;
          this.back[y] = sd;
          if (this.counts[y] <= max - 2 && this.apply(a, y)) return true;
          queue.push(y);
        }
      }
    }
    return false;
  }

  /** An ordinary duty of y that x can take while y takes x's category duty sw. */
  private tradeBack(x: number, y: number, sw: number): number {
    const { state } = this;
    if (state.canTake(y, sw) >= BLOCK.lawyerActive && state.canTake(y, sw) <= BLOCK.noUnavailability) return -1;
    for (const sd of state.lawyerSlots[y]) {
      if (this.inCategory[sd] || (this.sameClass && this.sameClass[sd] !== this.sameClass[sw])) continue;
      if (state.seatPinned[state.seatOf(sd, y)]) continue;
      if (state.canTake(y, sw, sd) === BLOCK.ok && state.canTake(x, sd, sw) === BLOCK.ok) return sd;
    }
    return -1;
  }

  private apply(a: number, end: number): boolean {
    const { state } = this;
    const done: [number, number, number][] = [];
    const move = (s: number, from: number, to: number) => {
      const seat = state.seatOf(s, from);
      state.unassign(seat, s);
      state.assign(seat, s, to);
      done.push([s, from, to]);
    };
    const touched: number[] = [];
    for (let n = end; n !== a; n = this.prev[n]) {
      move(this.out[n], this.prev[n], n);
      move(this.back[n], n, this.prev[n]);
      touched.push(n);
    }
    touched.push(a);
    const valid = touched.every((l) => state.lawyerSlots[l].every((s) => state.scheduleAllows(l, s, s) === BLOCK.ok));
    if (valid) return true;
    for (const [s, from, to] of done.reverse()) {
      const seat = state.seatOf(s, to);
      state.unassign(seat, s);
      state.assign(seat, s, from);
    }
    return false;
  }
}
