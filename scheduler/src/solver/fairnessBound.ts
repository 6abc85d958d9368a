import type { Problem } from '../model/problem';
import { isOnLeave, isUnavailable } from '../rules/hard/assignmentRules';
import { FlowGraph } from './maxFlow';

/**
 * A lower bound on the spread (most minus fewest duties among the lawyers who could serve)
 * that any rota filling `total` seats of the category can reach.
 *
 * The bound relaxes the rota into a flow: source → lawyer (between `lo` and `hi` duties)
 * → lawyer-month (at most the monthly cap and the days they are free) → group-month (a
 * lawyer takes at most one seat a day in a group of posts they are qualified for) → sink
 * (the seats of that group in that month). Every real rota is such a flow, so when no flow
 * carries `total` duties with everyone between `lo` and `lo + d`, no rota has spread `d`.
 * Rest, weekly caps, overlaps and pins are left out, which keeps the bound a bound (it can
 * only be lower than the true optimum, never higher).
 */
export function spreadLowerBound(p: Problem, inCategory: (s: number) => boolean, servable: Uint8Array, total: number, upTo: number): number {
  const lawyers: number[] = [];
  for (let l = 0; l < servable.length; l++) if (servable[l]) lawyers.push(l);
  const n = lawyers.length;
  if (n === 0 || upTo <= 0) return Math.max(0, Math.min(upTo, 0));

  const nG = p.groupKeys.length;
  const nM = p.monthCount;
  // Seats and days with seats, per group and month.
  const seats = new Int32Array(nG * nM);
  const daysWithSeats: Set<number>[] = Array.from({ length: nG * nM }, () => new Set());
  for (let s = 0; s < p.slots.length; s++) {
    if (!inCategory(s) || p.slotNeeded[s] === 0) continue;
    const gm = p.slotGroup[s] * nM + p.slotMonth[s] - p.firstMonth;
    seats[gm] += p.slotNeeded[s];
    daysWithSeats[gm].add(p.slotDay[s]);
  }

  // Nodes: 0 source, 1 sink, lawyers, lawyer-months, group-months.
  const lawyerNode = (i: number) => 2 + i;
  const lawyerMonthNode = (i: number, m: number) => 2 + n + i * nM + m;
  const groupMonthNode = (gm: number) => 2 + n + n * nM + gm;
  const graph = new FlowGraph(2 + n + n * nM + nG * nM);
  const sourceEdges = lawyers.map((_, i) => graph.addEdge(0, lawyerNode(i), 0));
  for (let gm = 0; gm < nG * nM; gm++) if (seats[gm] > 0) graph.addEdge(groupMonthNode(gm), 1, seats[gm]);

  lawyers.forEach((l, i) => {
    const absent = p.leave[l].length > 0 || p.unavailable[l].length > 0;
    const freeDays: Set<number>[] = Array.from({ length: nM }, () => new Set());
    for (let g = 0; g < nG; g++) {
      if (!p.lawyerGroups[l * nG + g]) continue;
      for (let m = 0; m < nM; m++) {
        const gm = g * nM + m;
        if (seats[gm] === 0) continue;
        let days: Set<number>;
        if (!absent) days = daysWithSeats[gm];
        else {
          days = new Set();
          for (const s of p.groupSlots[g]) {
            if (p.slotMonth[s] - p.firstMonth !== m || !inCategory(s) || days.has(p.slotDay[s])) continue;
            if (!isOnLeave(p, l, s) && !isUnavailable(p, l, s)) days.add(p.slotDay[s]);
          }
        }
        if (days.size === 0) continue;
        graph.addEdge(lawyerMonthNode(i, m), groupMonthNode(gm), days.size);
        for (const d of days) freeDays[m].add(d);
      }
    }
    for (let m = 0; m < nM; m++) {
      if (freeDays[m].size) graph.addEdge(lawyerNode(i), lawyerMonthNode(i, m), Math.min(p.lawyerMaxMonth[l], freeDays[m].size));
    }
  });

  const feasible = (lo: number, hi: number): boolean => {
    graph.reset();
    for (const e of sourceEdges) graph.setCapacity(e, lo);
    if (lo > 0 && graph.maxFlow(0, 1) < n * lo) return false;
    for (const e of sourceEdges) graph.setCapacity(e, hi);
    return n * lo + graph.maxFlow(0, 1) >= total;
  };

  for (let d = 0; d < upTo; d++) {
    const loMin = Math.max(0, Math.ceil(total / n) - d);
    const loMax = Math.floor(total / n);
    for (let lo = loMax; lo >= loMin; lo--) if (feasible(lo, lo + d)) return d;
  }
  return upTo;
}
