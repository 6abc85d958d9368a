import { RRule, Weekday } from 'rrule';
import type { ShiftPattern } from '../model/types';
import { DAY_MS, epochDay, formatEpochDay, wallMinutes } from '../time/localDay';
import { offsetMinutes } from '../time/zonedTime';
import { normalizeRule } from './checkPattern';

/**
 * Local days on which a pattern occurs within `[from, to]` (local days, inclusive).
 *
 * rrule is fed "floating" dates — local wall time written as UTC — so it never touches a
 * time zone; conversion to instants happens later, per occurrence. Each occurrence is
 * floated at midnight, so UNTIL is moved back by the shift's start time: an occurrence is
 * kept when its real start is at or before UNTIL. An UNTIL in UTC (`…Z`) is an instant and
 * is first read as wall time in the post's zone (RFC 5545 §3.3.10).
 */
export function expandPatternDays(pattern: ShiftPattern, from: string, to: string, timeZone = 'UTC'): string[] {
  const key = `${pattern.rrule}|${pattern.dtstart}|${pattern.start}|${timeZone}|${from}|${to}`;
  let days = cache.get(key);
  if (!days) {
    days = expandRule(pattern.rrule, pattern.dtstart, pattern.start, timeZone, from, to);
    if (cache.size > 5_000) cache.clear();
    cache.set(key, days);
  }
  const ex = new Set(pattern.exdates ?? []);
  const out = new Set(days.filter((d) => !ex.has(d)));
  for (const d of pattern.rdates ?? []) if (d >= from && d <= to && !ex.has(d)) out.add(d);
  return [...out].sort();
}

const cache = new Map<string, string[]>();

function expandRule(rule: string, dtstart: string, startTime: string, timeZone: string, from: string, to: string): string[] {
  const options = parseRule(rule);
  const start = new Date(epochDay(dtstart) * DAY_MS);
  if (options.until) options.until = new Date(floatingUntil(rule, options.until, startTime, timeZone));
  const rrule = new RRule({ ...options, dtstart: start, tzid: null });
  const lo = new Date(Math.max(epochDay(from), epochDay(dtstart)) * DAY_MS);
  const hi = new Date(epochDay(to) * DAY_MS);
  if (hi < lo) return [];
  return rrule.between(lo, hi, true).map((d) => formatEpochDay(Math.floor(d.getTime() / DAY_MS)));
}

/**
 * UNTIL as a floating midnight-based limit for occurrences floated at midnight. A date-only
 * UNTIL keeps its whole day; a date-time one is compared with the shift's start.
 */
function floatingUntil(rule: string, until: Date, startTime: string, timeZone: string): number {
  const text = /UNTIL=([0-9TZ]+)/i.exec(rule)?.[1].toUpperCase() ?? '';
  if (!text.includes('T')) return until.getTime();
  const wall = text.endsWith('Z') ? until.getTime() + offsetMinutes(timeZone, until.getTime()) * 60_000 : until.getTime();
  return wall - wallMinutes(startTime) * 60_000;
}

/** The last local day of a pattern's own span (UNTIL or the COUNT-th date), or null when it has no end. */
export function patternSpanEnd(pattern: ShiftPattern, timeZone = 'UTC'): string | null {
  const options = parseRule(pattern.rrule);
  if (options.until) {
    const limit = floatingUntil(pattern.rrule, options.until, pattern.start, timeZone);
    return formatEpochDay(Math.floor(limit / DAY_MS));
  }
  if (options.count) {
    const rrule = new RRule({ ...options, dtstart: new Date(epochDay(pattern.dtstart) * DAY_MS), tzid: null });
    const all = rrule.all();
    return all.length ? formatEpochDay(Math.floor(all[all.length - 1].getTime() / DAY_MS)) : pattern.dtstart;
  }
  return null;
}

export function parseRule(rule: string): ReturnType<typeof RRule.parseString> {
  // Stored rules are normalised already; older ones (e.g. BYDAY=sa) are read the same way.
  const text = normalizeRule(rule);
  if (!/FREQ=/.test(text)) throw new RangeError(`RRULE needs FREQ: ${rule}`);
  const options = RRule.parseString(text);
  // Times of day come from the pattern's start, never from the rule.
  delete options.byhour;
  delete options.byminute;
  delete options.bysecond;
  delete options.dtstart;
  delete options.tzid;
  return options;
}

const WEEKDAYS = [RRule.MO.weekday, RRule.TU.weekday, RRule.WE.weekday, RRule.TH.weekday, RRule.FR.weekday];

/** A weekly rule on every weekday follows the working-day calendar unless told otherwise. */
export function followsWorkingDays(pattern: ShiftPattern): boolean {
  if (pattern.followsWorkingDays !== undefined) return pattern.followsWorkingDays;
  const options = parseRule(pattern.rrule);
  if (options.freq !== RRule.WEEKLY && options.freq !== RRule.DAILY) return false;
  if ((options.interval ?? 1) !== 1) return false;
  const byday = options.byweekday;
  if (byday === undefined || byday === null) return false;
  const list = (Array.isArray(byday) ? byday : [byday]).map((d) =>
    typeof d === 'number' ? d : (d as Weekday).weekday,
  );
  return WEEKDAYS.every((w) => list.includes(w));
}
