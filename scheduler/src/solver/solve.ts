import type { Problem } from '../model/problem';
import type { Assignment } from '../model/types';
import { servableLawyers } from '../rules/servable';
import { balanceCategory, balanceDuties, type Budget } from './balance';
import { constructRota } from './construct';
import { improvePreferences } from './improvePreferences';
import { SeatFiller } from './fillSeat';
import { seededPermutation } from './random';
import { BLOCK, BLOCK_NAMES, Schedule } from './schedule';

export interface SolveOptions {
  /** Feasibility checks the improvement passes may spend (a deterministic time budget). */
  improvementBudget?: number;
  /**
   * Told as planning moves through its stages (a fraction from 0 to 1 and the stage's name),
   * so a caller can show progress. It must not throw.
   */
  onProgress?: (fraction: number, stage: PlanStage) => void;
}

export type PlanStage = 'expanding' | 'constructing' | 'filling' | 'balancing' | 'explaining' | 'done';

/** A pin the solver could not keep: it names an unknown slot or lawyer, or the hard rule `rule` refuses it. */
export interface RefusedPin {
  pin: Assignment;
  rule: string;
  unknown?: 'slot' | 'lawyer';
}

/**
 * Assigns lawyers to slots: pins first, then construction, then filling by augmenting
 * paths, then fairness improvement. Deterministic for a given instance and seed.
 */
export function solve(p: Problem, options: SolveOptions = {}): { state: Schedule; refusedPins: RefusedPin[] } {
  const report = options.onProgress ?? (() => undefined);
  const state = new Schedule(p);
  const refusedPins = placePins(state);
  const rank = seededPermutation(p.lawyers.length, p.instance.seed);
  const filler = new SeatFiller(state);
  report(0.1, 'constructing');
  constructRota(state, rank, filler);
  report(0.4, 'filling');
  fillAll(state, filler);
  report(0.5, 'balancing');
  const budget = { checks: options.improvementBudget ?? 40_000_000 };
  improveFairness(state, budget);
  // Balancing moves duties around, which can free the lawyers an empty seat was waiting for.
  if (fillAll(state, filler) > 0) improveFairness(state, budget);
  return { state, refusedPins };
}

/** Fills every seat that can be filled; returns how many were. */
function fillAll(state: Schedule, filler: SeatFiller): number {
  let filled = 0;
  for (let s = 0; s < state.p.slots.length; s++) {
    while (state.freeSeat(s) >= 0 && filler.fill(s)) filled++;
  }
  return filled;
}

export function improveFairness(state: Schedule, budget: Budget): void {
  const p = state.p;
  balanceDuties(state, servableLawyers(p), budget);
  balanceCategory(state, p.slotWeekend, state.weekendDuties, servableLawyers(p, 'weekendOrHoliday'), budget);
  balanceCategory(state, p.slotEarly, state.earlyDuties, servableLawyers(p, 'early'), budget, p.slotWeekend);
  balanceCategory(state, p.slotLate, state.lateDuties, servableLawyers(p, 'late'), budget, p.slotWeekend);
  improvePreferences(state, budget);
}

function placePins(state: Schedule): RefusedPin[] {
  const p = state.p;
  const refused: RefusedPin[] = [];
  for (const pin of p.instance.pins ?? []) {
    const s = p.slotIndex.get(pin.slotId);
    const l = p.lawyerIndex.get(pin.lawyerId);
    if (s === undefined || l === undefined) {
      refused.push({ pin, rule: 'knownReferences', unknown: s === undefined ? 'slot' : 'lawyer' });
      continue;
    }
    const code = state.canTake(l, s);
    const seat = state.freeSeat(s);
    if (code === BLOCK.ok && seat >= 0) {
      state.assign(seat, s, l, true);
      continue;
    }
    refused.push({ pin, rule: code === BLOCK.ok || code === BLOCK.alreadyInSlot ? 'noOverstaffing' : BLOCK_NAMES[code] });
  }
  return refused;
}
