/** Calendar arithmetic on local days (`YYYY-MM-DD`) without any time zone involved. */

export const DAY_MS = 86_400_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return formatEpochDay(Math.round(ms / DAY_MS)) === value;
}

export function isWallTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** Days since 1970-01-01 for a local day. */
export function epochDay(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a local day (YYYY-MM-DD): ${day}`);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS);
}

export function formatEpochDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return formatEpochDay(epochDay(day) + n);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  // 1970-01-01 was a Thursday.
  return ((((epochDay(day) + 3) % 7) + 7) % 7) + 1;
}

/** A number shared by every day of the same Monday-to-Sunday week. */
export function weekNumber(epochDayValue: number): number {
  return Math.floor((epochDayValue + 3) / 7);
}

/** A number shared by every day of the same calendar month. */
export function monthNumber(day: string): number {
  return +day.slice(0, 4) * 12 + (+day.slice(5, 7) - 1);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = epochDay(from), end = epochDay(to); d <= end; d++) out.push(formatEpochDay(d));
  return out;
}

/** Minutes after local midnight for `HH:mm`. */
export function wallMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a wall time (HH:mm): ${time}`);
  return +m[1] * 60 + +m[2];
}

export function compactTime(time: string): string {
  return time.replace(':', '');
}
