import type { Problem } from '../../model/problem';
import { servableLawyers, spreadAmong, type DutyCategory } from '../servable';
import type { RotaView, SoftOutcome, SoftRule } from '../types';

/**
 * Fairness of one kind of duty: the max−min spread of counts among lawyers who could
 * serve at least one such slot. The best achievable is 1, so only the excess is penalised.
 */
function spreadRule(
  name: string,
  defaultWeight: number,
  description: string,
  descriptionZh: string,
  category: DutyCategory,
  include: (p: Problem, s: number) => boolean,
): SoftRule {
  return {
    name,
    level: 'soft',
    defaultWeight,
    description,
    descriptionZh,
    evaluate(view: RotaView): SoftOutcome {
      const p = view.problem;
      const servable = servableLawyers(p, category);
      const counts = view.byLawyer.map((slots) => slots.filter((s) => include(p, s)).length);
      const { max, min, spread } = spreadAmong(counts, servable);
      const details =
        spread > 1
          ? [`busiest ${max}: ${topIds(p, counts, servable, max)}; least busy ${min}: ${topIds(p, counts, servable, min)}`]
          : [];
      return { penalty: Math.max(0, spread - 1), target: 1, actual: spread, details };
    },
  };
}

function topIds(p: Problem, counts: number[], servable: Uint8Array, value: number): string {
  const ids: string[] = [];
  counts.forEach((c, l) => {
    if (servable[l] && c === value && ids.length < 5) ids.push(p.lawyers[l].id);
  });
  return ids.join(', ');
}

export const fairDuties = spreadRule(
  'fairDuties',
  100,
  'Duties are spread evenly: max−min across lawyers who could serve is at most 1.',
  '值班次数均衡：可值班律师之间最多与最少相差不超过1次。',
  'all',
  () => true,
);

export const fairWeekendHolidayDuties = spreadRule(
  'fairWeekendHolidayDuties',
  50,
  'Weekend and holiday duties are spread evenly.',
  '周末及节假日值班均衡分配。',
  'weekendOrHoliday',
  (p, s) => p.slotWeekend[s] === 1,
);

export const fairEarlyDuties = spreadRule(
  'fairEarlyDuties',
  20,
  'Early (morning) duties are spread evenly.',
  '上午（早班）值班均衡分配。',
  'early',
  (p, s) => p.slotEarly[s] === 1,
);

export const fairLateDuties = spreadRule(
  'fairLateDuties',
  20,
  'Late (afternoon/evening) duties are spread evenly.',
  '下午（晚班）值班均衡分配。',
  'late',
  (p, s) => p.slotLate[s] === 1,
);
