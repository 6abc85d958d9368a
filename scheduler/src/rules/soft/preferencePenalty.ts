import type { Problem } from '../../model/problem';

/** Points for one preference list: 3 for an undesired match, 1 for missing a stated wish. */
function listPenalty<T>(value: T, desired: readonly T[] | undefined, undesired: readonly T[] | undefined): number {
  if (undesired?.includes(value)) return 3;
  if (desired && desired.length > 0 && !desired.includes(value)) return 1;
  return 0;
}

export function dayPreferencePenalty(p: Problem, l: number, s: number): number {
  const pref = p.lawyers[l].preferences;
  if (!pref) return 0;
  const day = p.slots[s].day;
  if (pref.undesiredDays?.includes(day)) return 3;
  if (pref.desiredDays?.includes(day)) return 0;
  return listPenalty(p.slotWeekday[s], pref.desiredWeekdays, pref.undesiredWeekdays);
}

export function postPreferencePenalty(p: Problem, l: number, s: number): number {
  const pref = p.lawyers[l].preferences;
  if (!pref) return 0;
  return listPenalty(p.slots[s].postId, pref.desiredPosts, pref.undesiredPosts);
}

export function districtPreferencePenalty(p: Problem, l: number, s: number): number {
  const pref = p.lawyers[l].preferences;
  if (!pref) return 0;
  return listPenalty(p.posts[p.slotPost[s]].district, pref.desiredDistricts, pref.undesiredDistricts);
}

export function preferencePenalty(p: Problem, l: number, s: number): number {
  if (!p.lawyers[l].preferences) return 0;
  return dayPreferencePenalty(p, l, s) + postPreferencePenalty(p, l, s) + districtPreferencePenalty(p, l, s);
}
