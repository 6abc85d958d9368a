import { BLOCK, type Schedule } from './schedule';
import { spreadAmong } from './servable';

/** Work allowance for the improvement passes, counted in feasibility checks. */
export interface Budget {
  checks: number;
}

/**
 * Evens out duty counts with transfer chains: the busiest lawyer's slot goes to someone
 * who can take it, whose own slot goes on to the next, until a lawyer with at least two
 * duties fewer receives one. Everyone in between keeps their count. When no chain leaves
 * a busiest lawyer, chains are pulled towards the least busy instead.
 */
export function balanceDuties(state: Schedule, servable: Uint8Array, budget: Budget, maxDepth = 6): void {
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

  const push = (a: number): boolean => {
    const target = state.duties[a] - 2;
    mark[a] = ++stamp;
    depth[a] = 0;
    queue = [a];
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head];
      for (const s of state.lawyerSlots[x]) {
        if (state.seatPinned[state.seatOf(s, x)]) continue;
        for (const y of p.groupMembers[p.slotGroup[s]]) {
          if (mark[y] === stamp) continue;
          if (--budget.checks < 0) return false;
          if (state.canTake(y, s) !== BLOCK.ok) continue;
          mark[y] = stamp;
          prev[y] = x;
          via[y] = s;
          if (servable[y] && state.duties[y] <= target) {
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
        if (state.duties[y] === state.duties[a] - 1) {
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
  while (budget.checks > 0) {
    const { max, spread } = spreadAmong(counts, servable);
    if (spread <= 1) return;
    let progress = false;
    for (let l = 0; l < nL && budget.checks > 0; l++) {
      if (servable[l] && counts[l] === max && relieve(l, max)) progress = true;
    }
    if (!progress) return;
  }
}
