import { AppError } from '../../lib/errors';
import type { CalendarService } from '../calendar/calendar.service';

/**
 * Planning or publishing a period whose year has no official holiday schedule would staff
 * holidays and miss make-up days without anyone noticing; it goes ahead only when the
 * request confirms it.
 */
export function requireHolidaySchedule(calendar: CalendarService, from: string, to: string, confirmed: boolean | undefined): void {
  const years = calendar.missingYears(from, to);
  if (years.length && !confirmed) {
    throw new AppError('calendar_not_loaded', `The official holiday schedule for ${years.join(', ')} is not loaded; confirm to go ahead`, 409, { years });
  }
}
