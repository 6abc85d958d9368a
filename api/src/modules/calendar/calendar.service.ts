import type { CalendarDay, CalendarYear, SetDayBody } from '../../contracts/calendar';
import type { Actor } from '../../lib/actor';
import type { AuditService } from '../audit/audit.service';
import { CHINA_HOLIDAY_YEARS, chinaHolidayCalendar, isHolidayYearLoaded, mergeCalendarOverrides, type HolidayCalendar } from '../../../../scheduler/src/index';
import { readOverrides, writeDayOverride } from './calendar.repository';

const shipped = chinaHolidayCalendar();

export function createCalendarService(deps: { audit: AuditService }) {
  /** The calendar the engine plans with: shipped days merged with staff corrections. */
  async function current(): Promise<HolidayCalendar> {
    return mergeCalendarOverrides(shipped, await readOverrides());
  }

  async function year(y: number): Promise<CalendarYear> {
    const overrides = await readOverrides();
    const merged = mergeCalendarOverrides(shipped, overrides);
    const prefix = `${y}-`;
    const days: CalendarDay[] = [];
    const source = (map: Record<string, string | null>, day: string) => (map[day] !== undefined ? 'override' : 'shipped');
    for (const [day, name] of Object.entries(merged.holidays)) {
      if (day.startsWith(prefix)) days.push({ day, type: 'holiday', name, source: source(overrides.holidays, day) });
    }
    for (const [day, name] of Object.entries(merged.makeUpDays)) {
      if (day.startsWith(prefix)) days.push({ day, type: 'makeUpDay', name, source: source(overrides.makeUpDays, day) });
    }
    days.sort((a, b) => a.day.localeCompare(b.day));
    const cleared = [...new Set([...Object.entries(overrides.holidays), ...Object.entries(overrides.makeUpDays)].filter(([d, n]) => n === null && d.startsWith(prefix)).map(([d]) => d))]
      .filter((d) => merged.holidays[d] === undefined && merged.makeUpDays[d] === undefined)
      .sort();
    return { year: y, days, shippedYears: [...CHINA_HOLIDAY_YEARS], officialLoaded: isHolidayYearLoaded(y), cleared };
  }

  /** Years touched by a period whose official schedule is not loaded (planning them needs a confirmation). */
  function missingYears(from: string, to: string): number[] {
    const out: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!isHolidayYearLoaded(y)) out.push(y);
    return out;
  }

  async function setDay(actor: Actor, day: string, body: SetDayBody): Promise<CalendarYear> {
    const before = await current();
    const wasShippedHoliday = shipped.holidays[day] !== undefined;
    const wasShippedMakeUp = shipped.makeUpDays[day] !== undefined;
    // Store only what differs from the shipped calendar; null clears a shipped entry.
    if (body.type === 'holiday') await writeDayOverride(day, body.name, wasShippedMakeUp ? null : undefined);
    else if (body.type === 'makeUpDay') await writeDayOverride(day, wasShippedHoliday ? null : undefined, body.name);
    else await writeDayOverride(day, wasShippedHoliday ? null : undefined, wasShippedMakeUp ? null : undefined);
    const after = await current();
    await deps.audit.record(actor, {
      action: 'calendar.day',
      entityType: 'calendar',
      entityId: day,
      before: { holiday: before.holidays[day] ?? null, makeUpDay: before.makeUpDays[day] ?? null },
      after: { holiday: after.holidays[day] ?? null, makeUpDay: after.makeUpDays[day] ?? null },
    });
    return year(Number(day.slice(0, 4)));
  }

  return { current, year, setDay, missingYears };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
