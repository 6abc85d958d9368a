/**
 * The holiday calendar: Chinese public holidays and make-up working days (调休), shipped for
 * the years announced, corrected or extended by staff. Pure: imports only zod.
 *
 * Routes                                                                   roles
 *   GET  /api/calendar?year=YYYY        → CalendarYear                     authenticated
 *   PUT  /api/calendar/days/:day        body SetDayBody → CalendarYear     admin, coordinator
 */
import { z } from 'zod';
import { daySchema } from './common';

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type CalendarQuery = z.infer<typeof calendarQuery>;

export const dayParams = z.object({ day: daySchema });

export const setDayBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('holiday'), name: z.string().trim().min(1).max(40) }),
  z.object({ type: z.literal('makeUpDay'), name: z.string().trim().min(1).max(40) }),
  /** An ordinary day: removes a shipped holiday or make-up day. */
  z.object({ type: z.literal('normal') }),
]);
export type SetDayBody = z.infer<typeof setDayBody>;

export interface CalendarDay {
  day: string;
  type: 'holiday' | 'makeUpDay';
  name: string;
  source: 'shipped' | 'override';
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
  /** Years for which the State Council's announcement is shipped (from the chinese-days package). */
  shippedYears: number[];
  /** Whether this year's official schedule is loaded; if not, staff enter it and planning asks for a confirmation. */
  officialLoaded: boolean;
  /** Days staff turned back into ordinary days. */
  cleared: string[];
}
