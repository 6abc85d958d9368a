import { addDays, dayType, isoWeekday, wallTimeToInstant, type HolidayCalendar } from '../../../../scheduler/src/index';

export interface FeedbackPolicy {
  /** Accept or reject within this many working days after the day of receipt. */
  acceptWorkingDays: number;
  /** Conclude within this many days of receipt. */
  concludeDays: number;
  timeZone: string;
}

export const defaultFeedbackPolicy: FeedbackPolicy = { acceptWorkingDays: 5, concludeDays: 30, timeZone: 'Asia/Shanghai' };

/** Working days follow the holiday calendar: holidays are off, make-up days (调休) are worked. */
export function isWorkingDay(calendar: HolidayCalendar, day: string): boolean {
  const t = dayType(calendar, day, isoWeekday(day));
  return t === 'workday' || t === 'makeUpDay';
}

/** The `n`th working day after `day`. */
export function addWorkingDays(calendar: HolidayCalendar, day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(calendar, d)) left--;
  }
  return d;
}

/** The last instant of a local day (a deadline "by that day" ends at midnight). */
export const endOfDay = (day: string, timeZone: string) => new Date(wallTimeToInstant(addDays(day, 1), '00:00', timeZone) - 1);

export function deadlinesFor(calendar: HolidayCalendar, receivedDay: string, policy: FeedbackPolicy): { acceptBy: Date; concludeBy: Date } {
  return {
    acceptBy: endOfDay(addWorkingDays(calendar, receivedDay, policy.acceptWorkingDays), policy.timeZone),
    concludeBy: endOfDay(addDays(receivedDay, policy.concludeDays), policy.timeZone),
  };
}
