import { buildProblem } from '../../scheduler/src/model/problem';
import type { Assignment, RotaInstance } from '../../scheduler/src/model/types';
import { expandSlots } from '../../scheduler/src/recurrence/expandSlots';
import type { HardRule, SoftRule } from '../../scheduler/src/rules/types';
import { buildView, loadSchedule } from '../../scheduler/src/validate/rotaView';

/** Runs one rule on a rota, in the spirit of Timefold's `verifyThat(rule).given(...)`. */
export function viewOf(instance: RotaInstance, assignments: Assignment[]) {
  const problem = buildProblem(instance, expandSlots(instance));
  const { state } = loadSchedule(problem, assignments);
  return buildView(problem, assignments, state);
}

export function verifyHard(rule: HardRule, instance: RotaInstance, assignments: Assignment[]) {
  return rule.check(viewOf(instance, assignments));
}

export function verifySoft(rule: SoftRule, instance: RotaInstance, assignments: Assignment[]) {
  return rule.evaluate(viewOf(instance, assignments));
}

export const at = (lawyerId: string, slotId: string): Assignment => ({ lawyerId, slotId });
