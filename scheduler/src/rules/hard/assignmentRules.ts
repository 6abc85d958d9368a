import { absenceCovers, type Problem } from '../../model/problem';
import type { HardRule, RotaView, SeatCheck, Violation } from '../types';
import { ids, kindZh, lawyersOf, slotLabel } from '../types';

/** A rule about one lawyer in one slot, independent of the rest of the rota. */
function assignmentRule<Name extends string>(
  name: Name,
  description: string,
  descriptionZh: string,
  allows: (p: Problem, lawyer: number, slot: number) => boolean,
  message: (p: Problem, lawyer: number, slot: number) => [string, string],
  phrase: { en: string; zh: string },
): HardRule & { allows: typeof allows; seat: SeatCheck<Name> } {
  return {
    name,
    level: 'hard',
    description,
    descriptionZh,
    allows,
    seat: { code: name, phrase, allows },
    check(view: RotaView): Violation[] {
      const out: Violation[] = [];
      const p = view.problem;
      for (const l of lawyersOf(view)) {
        for (const s of view.byLawyer[l]) {
          if (allows(p, l, s)) continue;
          const [en, zh] = message(p, l, s);
          out.push({ rule: name, ...ids(view, s, l), message: en, messageZh: zh });
        }
      }
      return out;
    },
  };
}

export function isActive(p: Problem, l: number): boolean {
  return p.lawyerActive[l] === 1;
}

export function isEligible(p: Problem, l: number): boolean {
  return p.lawyerEligible[l] === 1;
}

export function isQualified(p: Problem, l: number, s: number): boolean {
  return p.lawyerGroups[l * p.groupKeys.length + p.slotGroup[s]] === 1;
}

export function isOnLeave(p: Problem, l: number, s: number): boolean {
  return p.leave[l].length > 0 && absenceCovers(p.leave[l], p.slotDay[s], p.slotStart[s], p.slotEnd[s]);
}

export function isUnavailable(p: Problem, l: number, s: number): boolean {
  return p.unavailable[l].length > 0 && absenceCovers(p.unavailable[l], p.slotDay[s], p.slotStart[s], p.slotEnd[s]);
}

const who = (p: Problem, l: number) => p.lawyers[l].name;
const where = slotLabel;

export const lawyerActive = assignmentRule(
  'lawyerActive',
  'Only lawyers on the active roster serve.',
  '只有在册（未停用、未清退）的律师可以值班。',
  (p, l) => isActive(p, l),
  (p, l, s) => [`${who(p, l)} is ${p.lawyers[l].status}, not active, at ${where(p, s)}`, `${who(p, l)}状态为${p.lawyers[l].status}，不能值班（${where(p, s)}）`],
  { en: 'not active', zh: '非在册状态' },
);

export const lawyerEligible = assignmentRule(
  'lawyerEligible',
  'Only lawyers who passed vetting and still meet it serve.',
  '只有通过遴选且仍符合条件的律师可以值班。',
  (p, l) => isEligible(p, l),
  (p, l, s) => [`${who(p, l)} does not currently meet the vetting conditions (${where(p, s)})`, `${who(p, l)}目前不符合遴选条件（${where(p, s)}）`],
  { en: 'not eligible after vetting', zh: '不符合遴选条件' },
);

export const lawyerQualified = assignmentRule(
  'lawyerQualified',
  "A lawyer serves only at posts of a kind and district they are qualified for.",
  '律师只能在其具备资格的岗位类型和区域值班。',
  isQualified,
  (p, l, s) => {
    const post = p.posts[p.slotPost[s]];
    return [
      `${who(p, l)} is not qualified for ${post.kind} posts in ${post.district} (${where(p, s)})`,
      `${who(p, l)}不具备${post.district}${kindZh(post.kind)}岗位的值班资格（${where(p, s)}）`,
    ];
  },
  { en: 'not qualified for this post', zh: '不具备该岗位资格' },
);

export const noLeave = assignmentRule(
  'noLeave',
  'No duty during approved leave.',
  '请假期间不安排值班。',
  (p, l, s) => !isOnLeave(p, l, s),
  (p, l, s) => [`${who(p, l)} is on leave at ${where(p, s)}`, `${who(p, l)}在${where(p, s)}请假`],
  { en: 'on leave', zh: '请假' },
);

export const noUnavailability = assignmentRule(
  'noUnavailability',
  'No duty when the lawyer declared they are unavailable.',
  '律师声明不能值班的时间不安排值班。',
  (p, l, s) => !isUnavailable(p, l, s),
  (p, l, s) => [`${who(p, l)} declared they are unavailable at ${where(p, s)}`, `${who(p, l)}已声明${where(p, s)}不能值班`],
  { en: 'declared unavailable', zh: '声明不能值班' },
);
