import type { Problem } from '../../model/problem';
import type { HardRule, RotaView, SeatCheck, SeatState, Violation } from '../types';
import { dayKey, ids, lawyersOf, slotLabel } from '../types';

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

/** Whether `conflict` holds between slot `s` and a duty lawyer `l` has on a neighbouring day (not `s`'s own day). */
function neighbourConflict(state: SeatState, l: number, s: number, without: number, conflict: (p: Problem, t: number, s: number) => boolean): boolean {
  const p = state.p;
  const d = p.slotDay[s] - p.firstDay;
  const base = l * p.dayCount;
  const lo = Math.max(0, d - state.span);
  const hi = Math.min(p.dayCount - 1, d + state.span);
  for (let dd = lo; dd <= hi; dd++) {
    if (dd === d) continue;
    const t = state.dayDuty[base + dd];
    if (t < 0 || t === without) continue;
    if (conflict(p, t, s)) return true;
  }
  return false;
}

/** A rule over pairs of one lawyer's duties that lie close together in time. */
function pairRule<Name extends string>(
  ruleName: Name,
  description: string,
  descriptionZh: string,
  conflict: (p: Problem, a: number, b: number) => boolean,
  message: (p: Problem, l: number, a: number, b: number) => [string, string],
  seat: Omit<SeatCheck<Name>, 'code'>,
): HardRule & { seat: SeatCheck<Name> } {
  return {
    name: ruleName,
    level: 'hard',
    description,
    descriptionZh,
    seat: { code: ruleName, ...seat },
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
  {
    phrase: { en: 'on an overlapping duty', zh: '有时间重叠的值班' },
    refuses(state, l, s, without) {
      const same = state.dayDuty[dayKey(state.p, l, s)];
      if (same >= 0 && same !== without && same !== s && overlaps(state.p, same, s)) return true;
      return neighbourConflict(state, l, s, without, overlaps);
    },
  },
);

export const oneDutyPerDay = pairRule(
  'oneDutyPerDay',
  'At most one duty per lawyer per local day.',
  '每名律师每天最多值班一次。',
  (p, a, b) => p.slotDay[a] === p.slotDay[b],
  (p, l, a, b) => [`${name(p, l)} has two duties on ${p.slots[a].day}: ${label(p, a)} and ${label(p, b)}`, `${name(p, l)}在${p.slots[a].day}有两次值班`],
  {
    phrase: { en: 'already on duty that day', zh: '当天已有值班' },
    // A same-day duty that overlaps is told as an overlap (the next check), not as a second duty.
    refuses(state, l, s, without) {
      const key = dayKey(state.p, l, s);
      const same = state.dayDuty[key];
      if (same >= 0 && same !== without) return same !== s && !overlaps(state.p, same, s);
      const extra = state.extraOnDay(key);
      return extra !== undefined && extra.some((t) => t !== without);
    },
  },
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
  {
    phrase: { en: 'without enough rest', zh: '休息时间不足' },
    refuses: (state, l, s, without) => neighbourConflict(state, l, s, without, restTooShort),
  },
);

/** A cap on duties per calendar bucket (week or month). */
function capRule<Name extends string>(
  ruleName: Name,
  description: string,
  descriptionZh: string,
  bucket: (p: Problem, s: number) => number,
  cap: (p: Problem, l: number) => number,
  unit: [string, string],
  seat: Omit<SeatCheck<Name>, 'code'>,
): HardRule & { seat: SeatCheck<Name> } {
  return {
    name: ruleName,
    level: 'hard',
    description,
    descriptionZh,
    seat: { code: ruleName, ...seat },
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
  {
    phrase: { en: 'at their weekly cap', zh: '已达每周上限' },
    refuses(state, l, s, without) {
      const p = state.p;
      const n = state.weekCount[l * p.weekCount + p.slotWeek[s] - p.firstWeek] - (without >= 0 && p.slotWeek[without] === p.slotWeek[s] ? 1 : 0);
      return n >= p.lawyerMaxWeek[l];
    },
  },
);

export const monthlyCap = capRule(
  'monthlyCap',
  "No more duties in a calendar month than the lawyer's monthly cap.",
  '每月值班次数不超过上限。',
  (p, s) => p.slotMonth[s],
  (p, l) => p.lawyerMaxMonth[l],
  ['month', '月'],
  {
    phrase: { en: 'at their monthly cap', zh: '已达每月上限' },
    refuses(state, l, s, without) {
      const p = state.p;
      const n = state.monthCount[l * p.monthCount + p.slotMonth[s] - p.firstMonth] - (without >= 0 && p.slotMonth[without] === p.slotMonth[s] ? 1 : 0);
      return n >= p.lawyerMaxMonth[l];
    },
  },
);
