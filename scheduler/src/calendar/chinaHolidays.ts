import official from 'chinese-days/dist/chinese-days.json';
import type { HolidayCalendar } from '../model/types';

/**
 * Public holidays and make-up working days (调休) in mainland China, from the `chinese-days`
 * package, which follows the State Council General Office's yearly notices
 * (国务院办公厅关于…部分节假日安排的通知). A holiday covers the whole break as announced
 * (weekends inside it included), because a post that closes on holidays closes for the
 * whole break. The notice for a year comes out each November; until a package update ships
 * it, staff add the days themselves and the year counts as not loaded.
 *
 * Entries read `English name,中文名,n`; the Chinese name is used.
 */
const data = official as { holidays: Record<string, string>; workdays: Record<string, string> };

const nameOf = (entry: string) => entry.split(',')[1] ?? entry;
const yearOf = (day: string) => Number(day.slice(0, 4));

export const CHINA_HOLIDAY_YEARS: readonly number[] = [...new Set(Object.keys(data.holidays).map(yearOf))].sort((a, b) => a - b);

/** Whether the official schedule of a year is shipped. */
export function isHolidayYearLoaded(year: number): boolean {
  return CHINA_HOLIDAY_YEARS.includes(year);
}

/** The shipped calendar for the given years (all shipped years by default). */
export function chinaHolidayCalendar(years: readonly number[] = CHINA_HOLIDAY_YEARS): HolidayCalendar {
  const wanted = new Set(years);
  const calendar: HolidayCalendar = { holidays: {}, makeUpDays: {} };
  for (const [day, entry] of Object.entries(data.holidays)) if (wanted.has(yearOf(day))) calendar.holidays[day] = nameOf(entry);
  for (const [day, entry] of Object.entries(data.workdays)) if (wanted.has(yearOf(day))) calendar.makeUpDays[day] = `${nameOf(entry)}调休上班`;
  return calendar;
}
