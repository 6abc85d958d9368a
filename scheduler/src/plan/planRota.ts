import { explainPinConflicts, type PinConflict } from '../explain/pinConflicts';
import { assignmentsOf, reportOn, type RotaReport } from '../explain/report';
import { buildProblem } from '../model/problem';
import type { Rota, RotaInstance } from '../model/types';
import { expandSlots } from '../recurrence/expandSlots';
import { solve, type SolveOptions } from '../solver/solve';

export interface PlanResult extends RotaReport {
  rota: Rota;
  pinConflicts: PinConflict[];
}

/** Plans a rota for the instance's period: expand the patterns, assign, check, explain. */
export function planRota(instance: RotaInstance, options: SolveOptions = {}): PlanResult {
  options.onProgress?.(0, 'expanding');
  const slots = expandSlots(instance);
  const problem = buildProblem(instance, slots);
  const { state, refusedPins } = solve(problem, options);
  const pinConflicts = explainPinConflicts(refusedPins);
  options.onProgress?.(0.9, 'explaining');
  const assignments = assignmentsOf(state);
  const rota: Rota = { period: instance.period, seed: instance.seed, slots, assignments };
  const result = { rota, pinConflicts, ...reportOn(problem, state, assignments) };
  options.onProgress?.(1, 'done');
  return result;
}
