import type { Problem } from '../model/problem';
import { isOnLeave, isUnavailable } from './hard/assignmentRules';

export type DutyCategory = 'all' | 'weekendOrHoliday' | 'early' | 'late';

function inCategory(p: Problem, category: DutyCategory): (s: number) => boolean {
  switch (category) {
    case 'all':
      return () => true;
    case 'weekendOrHoliday':
      return (s) => p.slotWeekend[s] === 1;
    case 'early':
      return (s) => p.slotEarly[s] === 1;
    case 'late':
      return (s) => p.slotLate[s] === 1;
  }
}

/**
 * Lawyers who could serve at least one slot of the category: active, eligible,
 * qualified, and not absent for it. Fairness is measured among these lawyers only.
 */
export function servableLawyers(p: Problem, category: DutyCategory = 'all'): Uint8Array {
  const key = `servable:${category}`;
  let mask = p.memo.get(key);
  if (!mask) {
    mask = computeServable(p, inCategory(p, category));
    p.memo.set(key, mask);
  }
  return mask;
}

function computeServable(p: Problem, include: (s: number) => boolean): Uint8Array {
  const out = new Uint8Array(p.lawyers.length);
  p.groupSlots.forEach((slots, g) => {
    const wanted = Array.from(slots).filter(include);
    if (wanted.length === 0) return;
    for (const l of p.groupMembers[g]) {
      if (out[l]) continue;
      if (p.leave[l].length === 0 && p.unavailable[l].length === 0) out[l] = 1;
      else if (wanted.some((s) => !isOnLeave(p, l, s) && !isUnavailable(p, l, s))) out[l] = 1;
    }
  });
  return out;
}

export function spreadAmong(counts: ArrayLike<number>, servable: Uint8Array): { max: number; min: number; spread: number } {
  let max = -Infinity;
  let min = Infinity;
  for (let l = 0; l < servable.length; l++) {
    if (!servable[l]) continue;
    if (counts[l] > max) max = counts[l];
    if (counts[l] < min) min = counts[l];
  }
  if (max === -Infinity) return { max: 0, min: 0, spread: 0 };
  return { max, min, spread: max - min };
}
