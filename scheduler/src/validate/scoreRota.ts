import { HARD_RULES } from '../rules/hard';
import { SOFT_RULES, weightOf } from '../rules/soft';
import type { RotaView, Violation } from '../rules/types';

export interface SoftGoalReport {
  rule: string;
  weight: number;
  penalty: number;
  /** `penalty × weight`. */
  score: number;
  target: number;
  actual: number;
  met: boolean;
  description: string;
  descriptionZh: string;
  details: string[];
}

export function hardViolations(view: RotaView): Violation[] {
  return HARD_RULES.flatMap((rule) => rule.check(view));
}

export function softGoals(view: RotaView): SoftGoalReport[] {
  return SOFT_RULES.map((rule) => {
    const outcome = rule.evaluate(view);
    const weight = weightOf(rule, view.problem.rules);
    return {
      rule: rule.name,
      weight,
      penalty: outcome.penalty,
      score: outcome.penalty * weight,
      target: outcome.target,
      actual: outcome.actual,
      met: outcome.penalty === 0,
      description: rule.description,
      descriptionZh: rule.descriptionZh,
      details: outcome.details,
    };
  });
}
