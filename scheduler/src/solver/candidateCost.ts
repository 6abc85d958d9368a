import { preferencePenalty } from '../rules/soft/preferencePenalty';
import type { Schedule } from './schedule';

/**
 * Priority of giving slot `s` to lawyer `l` during construction; lower is better.
 * Fairness dominates (duties so far, then weekend/holiday and early/late duties), then
 * preferences, variety of posts and firm balance, then a seeded tiebreak.
 */
export function candidateCost(state: Schedule, l: number, s: number, rank: Int32Array): number {
  const p = state.p;
  let cost = state.duties[l] * 1e6;
  if (p.slotWeekend[s]) cost += state.weekendDuties[l] * 1e5;
  if (p.slotEarly[s]) cost += state.earlyDuties[l] * 1e4;
  if (p.slotLate[s]) cost += state.lateDuties[l] * 1e4;
  cost += preferencePenalty(p, l, s) * 3000;
  const nP = p.posts.length;
  cost += state.postDuties[l * nP + p.slotPost[s]] * 300;
  cost += state.firmAtPost[p.lawyerFirm[l] * nP + p.slotPost[s]] * 20;
  // Rotating the seeded rank by slot spreads ties instead of always favouring one lawyer.
  const n = rank.length;
  cost += ((rank[l] + s * 7919) % n) / n;
  return cost;
}

export function bestCandidate(state: Schedule, s: number, rank: Int32Array): number {
  const p = state.p;
  let best = -1;
  let bestCost = Infinity;
  for (const l of p.groupMembers[p.slotGroup[s]]) {
    // Duties dominate the cost, so most lawyers are ruled out before any check.
    if (state.duties[l] * 1e6 >= bestCost) continue;
    if (state.canTake(l, s) !== 0) continue;
    const cost = candidateCost(state, l, s, rank);
    if (cost < bestCost) {
      bestCost = cost;
      best = l;
    }
  }
  return best;
}
