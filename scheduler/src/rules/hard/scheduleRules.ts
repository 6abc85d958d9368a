import type { Problem } from '../../model/problem';
import type { HardRule, RotaView, Violation } from '../types';
import { ids, lawyersOf, slotLabel } from '../types';

/** Milliseconds between two duties (negative when they overlap). */
export function gapBetween(p: Problem, a: number, b: number): number {
  return Math.max(p.slotStart[b] - p.slotEnd[a], p.slotStart[a] - p.slotEnd[b]);
}

export function overlaps(p: Problem, a: number, b: number): boolean {
  return p.slotStart[a] < p.slotEnd[b] && p.slotStart[b] < p.slotEnd[a];
}

export function restTooShort(p: Problem, a: number, b: number): boolean {
  const gap = gapBetween(p, a, b);
  return gap >= 0 && gap < p.minRestMs;
}

const name = (p: Problem, l: number) => p.lawyers[l].name;
const label = slotLabel;

/** A rule over pairs of one lawyer's duties that lie close together in time. */
function pairRule(
  ruleName: string,
  description: string,
  descriptionZh: string,
  conflict: (p: Problem, a: number, b: number) => boolean,
  message: (p: Problem, l: number, a: number, b: number) => [string, string],
): HardRule {
  return {
    name: ruleName,
    level: 'hard',
    description,
    descriptionZh,
    check(view: RotaView): Violation[] {
      const p = view.problem;
      // A local day can last 25 h across a daylight-saving change.
      const horizon = Math.max(p.minRestMs + p.maxSlotMs, 26 * 3_600_000) + 1;
      const out: Violation[] = [];
      for (const l of lawyersOf(view)) {
        const duties = view.byLawyer[l];
        for (let i = 0; i < duties.length; i++) {
          for (let j = i + 1; j < duties.length; j++) {
            const a = duties[i];
            const b = duties[j];
            if (p.slotStart[b] - p.slotStart[a] > horizon) break;
            if (a === b || !conflict(p, a, b)) continue;
            const [en, zh] = message(p, l, a, b);
            out.push({ rule: ruleName, ...ids(view, b, l, a), message: en, messageZh: zh });
          }
        }
      }
      return out;
    },
  };
}

export const noOverlap = pairRule(
  'noOverlap',
  'A lawyer is never on two duties at the same time.',
  '同一律师不能同时在两个岗位值班。',
  overlaps,
  (p, l, a, b) => [`${name(p, l)} has overlapping duties ${label(p, a)} and ${label(p, b)}`, `${name(p, l)}的值班${label(p, a)}与${label(p, b)}时间重叠`],
);

export const oneDutyPerDay = pairRule(
  'oneDutyPerDay',
  'At most one duty per lawyer per local day.',
  '每名律师每天最多值班一次。',
  (p, a, b) => p.slotDay[a] === p.slotDay[b],
  (p, l, a, b) => [`${name(p, l)} has two duties on ${p.slots[a].day}: ${label(p, a)} and ${label(p, b)}`, `${name(p, l)}在${p.slots[a].day}有两次值班`],
);

export const minimumRest = pairRule(
  'minimumRest',
  'A minimum rest between the end of one duty and the start of the next.',
  '两次值班之间须有最短休息时间。',
  restTooShort,
  (p, l, a, b) => [
    `${name(p, l)} rests less than ${p.rules.minRestHours} h between ${label(p, a)} and ${label(p, b)}`,
    `${name(p, l)}在${label(p, a)}与${label(p, b)}之间休息不足${p.rules.minRestHours}小时`,
  ],
);

/** A cap on duties per calendar bucket (week or month). */
function capRule(
  ruleName: string,
  description: string,
  descriptionZh: string,
  bucket: (p: Problem, s: number) => number,
  cap: (p: Problem, l: number) => number,
  unit: [string, string],
): HardRule {
  return {
    name: ruleName,
    level: 'hard',
    description,
    descriptionZh,
    check(view: RotaView): Violation[] {
      const p = view.problem;
      const out: Violation[] = [];
      for (const l of lawyersOf(view)) {
        const counts = new Map<number, number>();
        for (const s of view.byLawyer[l]) {
          const k = bucket(p, s);
          const n = (counts.get(k) ?? 0) + 1;
          counts.set(k, n);
          if (n > cap(p, l)) {
            out.push({
              rule: ruleName,
              ...ids(view, s, l),
              message: `${name(p, l)} exceeds ${cap(p, l)} duties per ${unit[0]} with ${label(p, s)}`,
              messageZh: `${name(p, l)}每${unit[1]}值班超过${cap(p, l)}次（${label(p, s)}）`,
            });
          }
        }
      }
      return out;
    },
  };
}

export const weeklyCap = capRule(
  'weeklyCap',
  "No more duties in a Monday-to-Sunday week than the lawyer's weekly cap.",
  '每周（周一至周日）值班次数不超过上限。',
  (p, s) => p.slotWeek[s],
  (p, l) => p.lawyerMaxWeek[l],
  ['week', '周'],
);

export const monthlyCap = capRule(
  'monthlyCap',
  "No more duties in a calendar month than the lawyer's monthly cap.",
  '每月值班次数不超过上限。',
  (p, s) => p.slotMonth[s],
  (p, l) => p.lawyerMaxMonth[l],
  ['month', '月'],
);
