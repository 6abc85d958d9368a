import { dayType } from '../calendar/overrides';
import { EngineError } from '../model/messages';
import { resolveRules } from '../model/defaults';
import type { ExtraSlot, HolidayCalendar, Post, RotaInstance, RuleSettings, ShiftPattern, Slot } from '../model/types';
import { addDays, compactTime, isoWeekday, wallMinutes } from '../time/localDay';
import { toIso, wallTimeToInstant } from '../time/zonedTime';
import { expandPatternDays, followsWorkingDays, patternSpanEnd } from './expandPattern';

/**
 * A slot is a shift: the post, the local day it starts and its whole wall-clock span
 * (`p1:2026-10-12:0900-1130`). Two shifts starting together but ending apart are two slots.
 */
export function slotId(postId: string, day: string, localStart: string, localEnd: string): string {
  return `${postId}:${day}:${compactTime(localStart)}-${compactTime(localEnd)}`;
}

/** Every concrete slot of the instance's period, ordered by start then post. */
export function expandSlots(instance: RotaInstance): Slot[] {
  const rules = resolveRules(instance);
  const byId = new Map<string, Slot>();
  for (const post of instance.posts) {
    for (const pattern of post.patterns) {
      for (const day of patternDaysAtPost(post, pattern, instance)) {
        addSlot(byId, makeSlot(post, day, pattern.start, pattern.end, pattern.lawyersNeeded ?? post.lawyersNeeded, instance.calendar, rules));
      }
    }
  }
  const posts = new Map(instance.posts.map((p) => [p.id, p]));
  for (const extra of instance.extraSlots ?? []) {
    const post = posts.get(extra.postId);
    if (!post) throw new RangeError(`extra slot for unknown post ${extra.postId}`);
    addSlot(byId, makeExtraSlot(post, extra, instance.calendar, rules), true);
  }
  return [...byId.values()].sort(compareSlots);
}

export function makeExtraSlot(post: Post, extra: ExtraSlot, calendar: HolidayCalendar, rules: RuleSettings): Slot {
  return makeSlot(post, extra.day, extra.start, extra.end, extra.lawyersNeeded ?? post.lawyersNeeded, calendar, rules);
}

export function compareSlots(a: Slot, b: Slot): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0;
}

function addSlot(byId: Map<string, Slot>, slot: Slot, extra = false): void {
  const existing = byId.get(slot.id);
  if (!existing) byId.set(slot.id, slot);
  // An extra slot on top of a planned one asks for more lawyers in that shift.
  else if (extra) existing.lawyersNeeded += slot.lawyersNeeded;
  // Patterns with the same span at one post are refused where they are written
  // (duplicateShifts), so two of them meeting here is a caller's bug, never merged silently.
  else throw new EngineError({ code: 'DUPLICATE_SHIFT', params: { post: slot.postId, day: slot.day, start: slot.localStart, end: slot.localEnd } });
}

/** The local days a pattern actually runs at a post, after holidays, make-up days and closures. */
export function patternDaysAtPost(post: Post, pattern: ShiftPattern, instance: RotaInstance): string[] {
  const { from, to } = instance.period;
  const days = new Set(expandPatternDays(pattern, from, to, post.timeZone));
  if (post.opensOnMakeUpDays && followsWorkingDays(pattern)) {
    // A make-up working day belongs to the pattern only inside its own span: from its first
    // day to its UNTIL or its COUNT-th date.
    const lo = pattern.dtstart > from ? pattern.dtstart : from;
    const spanEnd = patternSpanEnd(pattern, post.timeZone);
    const hi = spanEnd !== null && spanEnd < to ? spanEnd : to;
    for (const day of Object.keys(instance.calendar.makeUpDays)) {
      if (day >= lo && day <= hi && !(pattern.exdates ?? []).includes(day)) days.add(day);
    }
  }
  const closed = new Set(post.closedDays ?? []);
  return [...days]
    .filter((day) => !closed.has(day))
    .filter((day) => post.opensOnHolidays || instance.calendar.holidays[day] === undefined)
    .sort();
}

export function makeSlot(
  post: Post,
  day: string,
  localStart: string,
  localEnd: string,
  lawyersNeeded: number,
  calendar: HolidayCalendar,
  rules: RuleSettings,
): Slot {
  // Posts share zones, days and hours, so the time arithmetic is done once per combination.
  const key = `${post.timeZone}|${day}|${localStart}|${localEnd}|${rules.earlyStartsBefore}|${rules.lateEndsAfter}|${calendar.holidays[day] ?? ''}|${calendar.makeUpDays[day] ?? ''}`;
  let timing = timingCache.get(key);
  if (!timing) {
    timing = slotTiming(post.timeZone, day, localStart, localEnd, calendar, rules);
    if (timingCache.size > 100_000) timingCache.clear();
    timingCache.set(key, timing);
  }
  return { id: slotId(post.id, day, localStart, localEnd), postId: post.id, day, localStart, localEnd, ...timing, lawyersNeeded };
}

type SlotTiming = Pick<Slot, 'start' | 'end' | 'holiday' | 'makeUpDay' | 'weekendOrHoliday' | 'early' | 'late'>;
const timingCache = new Map<string, SlotTiming>();

function slotTiming(
  timeZone: string,
  day: string,
  localStart: string,
  localEnd: string,
  calendar: HolidayCalendar,
  rules: RuleSettings,
): SlotTiming {
  const startMin = wallMinutes(localStart);
  const endMin = wallMinutes(localEnd);
  const overnight = endMin <= startMin;
  const start = wallTimeToInstant(day, localStart, timeZone);
  let end = wallTimeToInstant(overnight ? addDays(day, 1) : day, localEnd, timeZone);
  // A start in a spring-forward gap moves forward by the gap; when that reaches the end (or
  // passes it), the shift keeps its written length from the moved start, so no shift is
  // ever empty or ends before it starts. See scheduler/README.md, "Daylight saving".
  if (end <= start) end = start + ((endMin - startMin + 1440) % 1440 || 1440) * 60_000;
  const type = dayType(calendar, day, isoWeekday(day));
  return {
    start: toIso(start),
    end: toIso(end),
    holiday: type === 'holiday',
    makeUpDay: type === 'makeUpDay',
    weekendOrHoliday: type === 'holiday' || type === 'weekend',
    early: startMin < wallMinutes(rules.earlyStartsBefore),
    late: overnight || endMin > wallMinutes(rules.lateEndsAfter),
  };
}
