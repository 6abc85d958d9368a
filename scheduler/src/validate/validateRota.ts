import { buildProblem } from '../model/problem';
import type { Assignment, RotaInstance, Slot } from '../model/types';
import { expandSlots } from '../recurrence/expandSlots';
import type { Violation } from '../rules/types';
import { buildView, loadSchedule } from './rotaView';
import { hardViolations, softGoals, type SoftGoalReport } from './scoreRota';

export interface RotaToCheck {
  assignments: Assignment[];
  /** The rota's slots; expanded from the instance when absent. */
  slots?: Slot[];
}

export interface ValidationReport {
  valid: boolean;
  violations: Violation[];
  softGoals: SoftGoalReport[];
  softScore: number;
}

/** Checks any rota, also one edited by hand, against every hard rule and scores the soft goals. */
export function validateRota(instance: RotaInstance, rota: RotaToCheck): ValidationReport {
  const problem = buildProblem(instance, rota.slots ?? expandSlots(instance));
  const { state, unknown } = loadSchedule(problem, rota.assignments);
  const view = buildView(problem, rota.assignments, state);
  const violations = [...unknown, ...hardViolations(view)];
  const goals = softGoals(view);
  return {
    valid: violations.length === 0,
    violations,
    softGoals: goals,
    softScore: goals.reduce((sum, g) => sum + g.score, 0),
  };
}
