import type { Problem } from '../../model/problem';
import type { RotaView, SoftOutcome, SoftRule } from '../types';
import { dayPreferencePenalty, districtPreferencePenalty, postPreferencePenalty } from './preferencePenalty';

/** Sum of preference points over all duties: 3 per undesired match, 1 per missed wish. */
function preferenceRule(
  name: string,
  description: string,
  descriptionZh: string,
  points: (p: Problem, l: number, s: number) => number,
): SoftRule {
  return {
    name,
    level: 'soft',
    defaultWeight: 5,
    description,
    descriptionZh,
    evaluate(view: RotaView): SoftOutcome {
      const p = view.problem;
      let penalty = 0;
      const details: string[] = [];
      view.byLawyer.forEach((slots, l) => {
        for (const s of slots) {
          const pts = points(p, l, s);
          if (pts === 0) continue;
          penalty += pts;
          if (details.length < 20) details.push(`${p.lawyers[l].id} at ${p.slots[s].id} (+${pts})`);
        }
      });
      return { penalty, target: 0, actual: penalty, details };
    },
  };
}

export const dayPreferences = preferenceRule(
  'dayPreferences',
  'Duties fall on days lawyers want and not on days they asked to avoid.',
  '尽量安排在律师希望的日期，避开不希望的日期。',
  dayPreferencePenalty,
);

export const postPreferences = preferenceRule(
  'postPreferences',
  'Duties are at posts lawyers want and not at posts they asked to avoid.',
  '尽量安排在律师希望的岗位，避开不希望的岗位。',
  postPreferencePenalty,
);

export const districtPreferences = preferenceRule(
  'districtPreferences',
  'Duties are in districts lawyers want and not in districts they asked to avoid.',
  '尽量安排在律师希望的区域，避开不希望的区域。',
  districtPreferencePenalty,
);
