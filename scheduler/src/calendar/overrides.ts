import type { HolidayCalendar } from '../model/types';

/**
 * Staff corrections to a calendar. A name adds or renames the day; `null` removes it
 * (e.g. a local government grants a different make-up day).
 */
export interface CalendarOverrides {
  holidays?: Record<string, string | null>;
  makeUpDays?: Record<string, string | null>;
}

export function mergeCalendarOverrides(base: HolidayCalendar, overrides: CalendarOverrides): HolidayCalendar {
  const holidays = { ...base.holidays };
  const makeUpDays = { ...base.makeUpDays };
  for (const [day, name] of Object.entries(overrides.holidays ?? {})) {
    if (name === null) delete holidays[day];
    else {
      holidays[day] = name;
      delete makeUpDays[day];
    }
  }
  for (const [day, name] of Object.entries(overrides.makeUpDays ?? {})) {
    if (name === null) delete makeUpDays[day];
    else {
      makeUpDays[day] = name;
      delete holidays[day];
    }
  }
  return { holidays, makeUpDays };
}

export type DayType = 'holiday' | 'makeUpDay' | 'weekend' | 'workday';

export function dayType(calendar: HolidayCalendar, day: string, isoWeekday: number): DayType {
  if (calendar.holidays[day] !== undefined) return 'holiday';
  if (calendar.makeUpDays[day] !== undefined) return 'makeUpDay';
  return isoWeekday >= 6 ? 'weekend' : 'workday';
}
