import { z } from 'zod';
import {
  ATTENDANCE_EVENT_TYPES,
  ATTENDANCE_STATES,
  CHECKIN_KINDS,
  type AttendanceEvent,
  type CheckinResult,
  type CheckinSettings,
  type CountersignPinIssued,
  type KioskTokenIssued,
  type KioskView,
  type LiveBoard,
  type LiveShift,
  type MyDuty,
  type StateCounts,
} from '../checkins';
import { calendarDay, instant, timeOfDay } from './common';

const state = z.enum(ATTENDANCE_STATES);

export const checkinSettingsSchema: z.ZodType<CheckinSettings> = z
  .object({
    postId: z.string(),
    opensBeforeMin: z.number().int(),
    lateAfterMin: z.number().int(),
    absentAfterMin: z.number().int(),
    leftEarlyToleranceMin: z.number().int(),
    checkoutUntilAfterEndMin: z.number().int(),
    requireLocation: z.boolean(),
    maxAccuracyM: z.number().int(),
    requireCountersign: z.boolean(),
    countersignPinIssued: z.boolean(),
    kioskTokenIssued: z.boolean(),
    updatedAt: instant.nullable(),
  })
  .meta({ id: 'CheckinSettings' });

export const kioskTokenIssuedSchema: z.ZodType<KioskTokenIssued> = z.object({
  postId: z.string(),
  postCode: z.string(),
  token: z.string(),
  kioskPath: z.string(),
  issuedAt: instant,
});

export const countersignPinIssuedSchema: z.ZodType<CountersignPinIssued> = z.object({ postId: z.string(), postCode: z.string(), pin: z.string(), issuedAt: instant });

export const kioskViewSchema: z.ZodType<KioskView> = z.object({
  post: z.object({ code: z.string(), name: z.string() }),
  day: calendarDay,
  code: z.object({ payload: z.string(), checkinPath: z.string(), shortCode: z.string(), windowSeconds: z.number(), validFrom: instant, validUntil: instant }),
  lawyers: z.array(z.object({ name: z.string(), localStart: timeOfDay, localEnd: timeOfDay, state })),
  refreshInMs: z.number(),
  serverTime: instant,
});

export const checkinResultSchema: z.ZodType<CheckinResult> = z
  .object({
    checkin: z.object({
      id: z.string(),
      dutyKey: z.string(),
      kind: z.enum(CHECKIN_KINDS),
      at: instant,
      postId: z.string(),
      postCode: z.string(),
      postName: z.string(),
      slotId: z.string(),
      localStart: timeOfDay,
      localEnd: timeOfDay,
      day: calendarDay,
      distanceM: z.number().nullable(),
      accuracyM: z.number().nullable(),
      countersigned: z.boolean(),
    }),
    state,
    minutesOff: z.number(),
    replayed: z.boolean(),
  })
  .meta({ id: 'CheckinResult' });

export const myDutiesSchema: z.ZodType<MyDuty[]> = z.array(
  z.object({
    dutyKey: z.string(),
    postId: z.string(),
    postCode: z.string(),
    postName: z.string(),
    day: calendarDay,
    localStart: timeOfDay,
    localEnd: timeOfDay,
    start: instant,
    end: instant,
    state,
    checkedInAt: instant.nullable(),
    checkedOutAt: instant.nullable(),
    checkinOpensAt: instant,
    checkinClosesAt: instant,
    requireLocation: z.boolean(),
    requireCountersign: z.boolean(),
  }),
);

const counts: z.ZodType<StateCounts> = z.object(Object.fromEntries(ATTENDANCE_STATES.map((s) => [s, z.number()])) as Record<(typeof ATTENDANCE_STATES)[number], z.ZodNumber>);

const liveShift: z.ZodType<LiveShift> = z.object({
  slotId: z.string(),
  day: calendarDay,
  localStart: timeOfDay,
  localEnd: timeOfDay,
  start: instant,
  end: instant,
  lawyers: z.array(z.object({ dutyKey: z.string(), lawyerId: z.string(), name: z.string(), state, checkedInAt: instant.nullable(), checkedOutAt: instant.nullable() })),
});

export const liveBoardSchema: z.ZodType<LiveBoard> = z
  .object({
    at: instant,
    posts: z.array(z.object({ postId: z.string(), code: z.string(), name: z.string(), district: z.string(), kind: z.string(), current: liveShift.nullable(), next: liveShift.nullable() })),
    counters: z.object({ byDistrict: z.record(z.string(), counts), byKind: z.record(z.string(), counts), total: counts }),
  })
  .meta({ id: 'LiveBoard' });

export const attendanceEventsSchema: z.ZodType<AttendanceEvent[]> = z.array(
  z.object({
    id: z.string(),
    key: z.string(),
    type: z.enum(ATTENDANCE_EVENT_TYPES),
    dutyKey: z.string(),
    lawyerId: z.string(),
    postId: z.string(),
    rotaId: z.string(),
    slotId: z.string(),
    day: calendarDay,
    at: instant,
    minutes: z.number(),
    createdAt: instant,
  }),
);
