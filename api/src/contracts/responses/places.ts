import { z } from 'zod';
import type { CalendarYear } from '../calendar';
import type { Post } from '../posts';
import type { CalendarFeed, DutyBoard } from '../selfservice';
import type { PatternPreview, ShiftPattern } from '../shifts';
import { calendarDay, channelOut, instant, postKindOut, timeOfDay } from './common';

export const postSchema: z.ZodType<Post> = z
  .object({
    id: z.string(),
    kind: postKindOut,
    name: z.string(),
    code: z.string(),
    district: z.string(),
    address: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    geofenceRadiusM: z.number(),
    timeZone: z.string(),
    openingHours: z.array(z.object({ days: z.array(z.number().int()), start: timeOfDay, end: timeOfDay })),
    lawyersPerShift: z.number().int(),
    channel: channelOut,
    opensOnHolidays: z.boolean(),
    opensOnMakeUpDays: z.boolean(),
    active: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Post' });

export const shiftPatternSchema: z.ZodType<ShiftPattern> = z
  .object({
    id: z.string(),
    postId: z.string(),
    label: z.string(),
    rrule: z.string(),
    dtstart: calendarDay,
    start: timeOfDay,
    end: timeOfDay,
    exdates: z.array(calendarDay),
    rdates: z.array(calendarDay),
    lawyersNeeded: z.number().int().nullable(),
    revision: z.number().int(),
  })
  .meta({ id: 'ShiftPattern' });

export const patternPreviewSchema: z.ZodType<PatternPreview> = z.object({
  occurrences: z.array(
    z.object({
      day: calendarDay,
      weekday: z.number().int(),
      start: timeOfDay,
      end: timeOfDay,
      note: z.string().nullable(),
      noteCode: z.object({ code: z.enum(['makeUpDay', 'holidayDuty', 'holidayClosed', 'restDayClosed']), name: z.string() }).nullable(),
      startsAt: instant.nullable(),
      endsAt: instant.nullable(),
      nextDay: z.boolean(),
      skipped: z.boolean(),
    }),
  ),
});

export const calendarYearSchema: z.ZodType<CalendarYear> = z
  .object({
    year: z.number().int(),
    days: z.array(z.object({ day: calendarDay, type: z.enum(['holiday', 'makeUpDay']), name: z.string(), source: z.enum(['shipped', 'override']) })),
    shippedYears: z.array(z.number().int()),
    officialLoaded: z.boolean(),
    cleared: z.array(calendarDay),
  })
  .meta({ id: 'CalendarYear' });

export const calendarFeedSchema: z.ZodType<CalendarFeed> = z
  .object({ id: z.string(), subject: z.enum(['lawyer', 'post']), subjectId: z.string(), path: z.string() })
  .meta({ id: 'CalendarFeed' });

export const dutyBoardSchema: z.ZodType<DutyBoard> = z
  .object({
    post: z.object({ name: z.string(), code: z.string(), address: z.string(), kind: z.string(), channel: z.string() }),
    day: calendarDay,
    shifts: z.array(z.object({ localStart: timeOfDay, localEnd: timeOfDay, lawyers: z.array(z.object({ name: z.string(), licenceNumber: z.string(), firm: z.string() })) })),
    lookupPath: z.string(),
  })
  .meta({ id: 'DutyBoard' });
