import type { Problem } from '../model/problem';
import type { Assignment, Rota } from '../model/types';
import type { Violation } from '../rules/types';
import type { Schedule } from '../solver/schedule';
import { viewOfSchedule } from '../validate/rotaView';
import { hardViolations, softGoals, type SoftGoalReport } from '../validate/scoreRota';
import { explainUnfilled, type UnfilledSlot } from './explainUnfilled';
import type { EngineMessage } from './messages';
import { fairnessBounds, fairnessSummary, type FairnessSummary } from './fairnessSummary';

export interface SoftGoalMissed {
  rule: string;
  weight: number;
  target: number;
  actual: number;
  /** How far the rota is from the goal, in the goal's own unit. */
  missedBy: number;
  details: string[];
}

export interface RotaFigures {
  slots: number;
  seats: number;
  filled: number;
  unfilled: number;
  hardViolations: number;
  softScore: number;
  spread: number;
  weekendSpread: number;
  earlySpread: number;
  lateSpread: number;
  /** No rota filling as many seats can have a smaller duty spread (see solver/fairnessBound.ts). */
  spreadLowerBound: number;
  weekendSpreadLowerBound: number;
  /** Both spreads meet their lower bounds. */
  optimal: boolean;
}

export interface RotaReport {
  /** Why a spread is above its lower bound, when it is (empty when `figures.optimal`). */
  fairnessGaps: EngineMessage[];
  violations: Violation[];
  unfilled: UnfilledSlot[];
  softGoals: SoftGoalReport[];
  softGoalsMissed: SoftGoalMissed[];
  fairness: FairnessSummary;
  figures: RotaFigures;
}

export function assignmentsOf(state: Schedule): Assignment[] {
  const p = state.p;
  const out: Assignment[] = [];
  for (const [s, l, pinned] of state.entries()) {
    out.push(pinned ? { slotId: p.slots[s].id, lawyerId: p.lawyers[l].id, pinned } : { slotId: p.slots[s].id, lawyerId: p.lawyers[l].id });
  }
  return out;
}

export function rotaOf(state: Schedule): Rota {
  const p = state.p;
  return { period: p.instance.period, seed: p.instance.seed, slots: p.slots, assignments: assignmentsOf(state) };
}

/** Everything a planner wants to know about a rota: violations, gaps and why, goals missed, fairness. */
export function reportOn(p: Problem, state: Schedule, assignments: Assignment[]): RotaReport {
  const view = viewOfSchedule(state);
  const violations = hardViolations(view);
  const goals = softGoals(view);
  const unfilled = explainUnfilled(state);
  const fairness = fairnessSummary(state);
  const seats = state.seatLawyer.length;
  const bounds = fairnessBounds(state, fairness);
  const filled = assignments.length;
  const fairnessGaps: EngineMessage[] = [];
  if (fairness.spread.duties > bounds.spread) fairnessGaps.push({ code: 'BOUND_NOT_REACHED', params: { measure: 'duties', actual: fairness.spread.duties, bound: bounds.spread } });
  if (fairness.spread.weekendOrHoliday > bounds.weekendSpread) {
    fairnessGaps.push({ code: 'BOUND_NOT_REACHED', params: { measure: 'weekend', actual: fairness.spread.weekendOrHoliday, bound: bounds.weekendSpread } });
  }
  return {
    fairnessGaps,
    violations,
    unfilled,
    softGoals: goals,
    softGoalsMissed: goals
      .filter((g) => !g.met)
      .map((g) => ({ rule: g.rule, weight: g.weight, target: g.target, actual: g.actual, missedBy: g.penalty, details: g.details })),
    fairness,
    figures: {
      slots: p.slots.length,
      seats,
      filled,
      unfilled: unfilled.reduce((n, u) => n + u.missing, 0),
      hardViolations: violations.length,
      softScore: goals.reduce((sum, g) => sum + g.score, 0),
      spread: fairness.spread.duties,
      weekendSpread: fairness.spread.weekendOrHoliday,
      earlySpread: fairness.spread.early,
      lateSpread: fairness.spread.late,
      spreadLowerBound: bounds.spread,
      weekendSpreadLowerBound: bounds.weekendSpread,
      optimal: bounds.spread === fairness.spread.duties && bounds.weekendSpread === fairness.spread.weekendOrHoliday,
    },
  };
}
