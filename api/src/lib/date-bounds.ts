/** Calendar-day arithmetic on `YYYY-MM-DD` strings (UTC noon, so no zone shifts a day). */
const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T12:00:00Z`);

export function addDays(day: string, days: number): string {
  return new Date(toTime(day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** How far ahead leave may be asked for, and how long one request may last. */
export const ABSENCE_MAX_AHEAD_DAYS = 366;
export const ABSENCE_MAX_LENGTH_DAYS = 366;
