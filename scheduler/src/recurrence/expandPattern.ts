import { RRule, Weekday } from 'rrule';
import type { ShiftPattern } from '../model/types';
import { DAY_MS, epochDay, formatEpochDay } from '../time/localDay';

/**
 * Local days on which a pattern occurs within `[from, to]` (local days, inclusive).
 *
 * rrule is fed "floating" dates — local wall time written as UTC — so it never touches a
 * time zone; conversion to instants happens later, per occurrence.
 */
export function expandPatternDays(pattern: ShiftPattern, from: string, to: string): string[] {
  const key = `${pattern.rrule}|${pattern.dtstart}|${from}|${to}`;
  let days = cache.get(key);
  if (!days) {
    days = expandRule(pattern.rrule, pattern.dtstart, from, to);
    if (cache.size > 5_000) cache.clear();
    cache.set(key, days);
  }
  const ex = new Set(pattern.exdates ?? []);
  const out = new Set(days.filter((d) => !ex.has(d)));
  for (const d of pattern.rdates ?? []) if (d >= from && d <= to && !ex.has(d)) out.add(d);
  return [...out].sort();
}

const cache = new Map<string, string[]>();

function expandRule(rule: string, dtstart: string, from: string, to: string): string[] {
  const options = parseRule(rule);
  const start = new Date(epochDay(dtstart) * DAY_MS);
  const rrule = new RRule({ ...options, dtstart: start, tzid: null });
  const lo = new Date(Math.max(epochDay(from), epochDay(dtstart)) * DAY_MS);
  const hi = new Date(epochDay(to) * DAY_MS);
  if (hi < lo) return [];
  return rrule.between(lo, hi, true).map((d) => formatEpochDay(Math.floor(d.getTime() / DAY_MS)));
}

export function parseRule(rule: string): ReturnType<typeof RRule.parseString> {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (!/FREQ=/i.test(text)) throw new RangeError(`RRULE needs FREQ: ${rule}`);
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
