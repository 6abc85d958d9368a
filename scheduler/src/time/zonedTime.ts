import { tzOffset } from '@date-fns/tz';
import { DAY_MS, epochDay, wallMinutes } from './localDay';

/**
 * Local wall time → instant, done by hand rather than by rrule's `tzid` support, which is
 * slow and wrong around daylight-saving changes.
 *
 * - A wall time that does not exist (spring-forward gap) moves forward by the gap, as a
 *   clock would: 02:30 on a day the clock jumps 02:00→03:00 becomes 03:30.
 * - A wall time that happens twice (fall-back) takes the first occurrence.
 */
export function wallTimeToInstant(day: string, time: string, timeZone: string): number {
  return wallMsToInstant(epochDay(day) * DAY_MS + wallMinutes(time) * 60_000, timeZone);
}

const offsetCache = new Map<string, number>();

/** UTC offset in minutes at an instant, cached per zone and quarter hour. */
export function offsetMinutes(timeZone: string, instant: number): number {
  const key = `${timeZone}|${Math.floor(instant / 900_000)}`;
  let value = offsetCache.get(key);
  if (value === undefined) {
    value = tzOffset(timeZone, new Date(instant));
    if (Number.isNaN(value)) throw new RangeError(`unknown time zone: ${timeZone}`);
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, value);
  }
  return value;
}

/** `wallMs` is the local wall time written as if it were UTC. */
export function wallMsToInstant(wallMs: number, timeZone: string): number {
  // Offsets in force half a day either side cover any single transition.
  const before = offsetMinutes(timeZone, wallMs - DAY_MS / 2);
  const after = offsetMinutes(timeZone, wallMs + DAY_MS / 2);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wallMs - offset * 60_000;
    if (offsetMinutes(timeZone, instant) === offset && instant < best) best = instant;
  }
  // In a gap neither offset round-trips; the offset before the jump pushes the time forward.
  return Number.isFinite(best) ? best : wallMs - before * 60_000;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}
