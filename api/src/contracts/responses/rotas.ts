import { z } from 'zod';
import {
  ROTA_STATUSES,
  type CalendarConflict,
  type CalendarRepairResult,
  type Duty,
  type EditCheck,
  type JobView,
  type PlanningStarted,
  type PublishStarted,
  type RotaDetail,
  type RotaFiguresView,
  type RotaSummary,
  type RotaVersionSummary,
  type RotaViolation,
} from '../rotas';
import { ABSENCE_KINDS, REQUEST_STATUSES, type Absence, type Notification, type Swap } from '../selfservice';
import { calendarDay, instant, messageParams, timeOfDay } from './common';

const figures: z.ZodType<RotaFiguresView> = z.object({
  slots: z.number(),
  seats: z.number(),
  filled: z.number(),
  unfilled: z.number(),
  hardViolations: z.number(),
  spread: z.number(),
  weekendSpread: z.number(),
});

const violation: z.ZodType<RotaViolation> = z.object({ rule: z.string(), slotId: z.string().optional(), lawyerId: z.string().optional(), message: z.string() });

const summaryShape = {
  id: z.string(),
  name: z.string(),
  from: calendarDay,
  to: calendarDay,
  postIds: z.array(z.string()),
  status: z.enum(ROTA_STATUSES),
  revision: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  figures: figures.nullable(),
  planningJobId: z.string().nullable(),
  updatedAt: instant,
};

export const rotaSummariesSchema: z.ZodType<RotaSummary[]> = z.array(z.object(summaryShape).meta({ id: 'RotaSummary' }));

export const rotaDetailSchema: z.ZodType<RotaDetail> = z
  .object({
    ...summaryShape,
    slots: z.array(
      z.object({
        id: z.string(),
        postId: z.string(),
        day: calendarDay,
        localStart: timeOfDay,
        localEnd: timeOfDay,
        start: instant,
        end: instant,
        lawyersNeeded: z.number().int(),
        holiday: z.boolean(),
        makeUpDay: z.boolean(),
        weekendOrHoliday: z.boolean(),
        lawyerIds: z.array(z.string()),
        pinnedLawyerIds: z.array(z.string()),
      }),
    ),
    explanations: z
      .object({
        unfilled: z.array(z.object({ slotId: z.string(), missing: z.number(), code: z.string(), message: z.string(), counts: z.record(z.string(), z.number()) })),
        softGoalsMissed: z.array(z.object({ rule: z.string(), target: z.number(), actual: z.number(), missedBy: z.number(), details: z.array(z.string()) })),
        fairness: z.array(z.object({ lawyerId: z.string(), duties: z.number(), weekendOrHoliday: z.number(), early: z.number(), late: z.number() })),
        figures,
        violations: z.array(violation),
      })
      .nullable(),
    lawyers: z.record(z.string(), z.object({ id: z.string(), name: z.string(), firm: z.string(), licenceNumber: z.string() })),
    posts: z.record(z.string(), z.object({ id: z.string(), name: z.string(), code: z.string(), district: z.string(), kind: z.string() })),
  })
  .meta({ id: 'RotaDetail' });

export const planningStartedSchema: z.ZodType<PlanningStarted> = z.object({ rotaId: z.string(), jobId: z.string() });
export const publishStartedSchema: z.ZodType<PublishStarted & { status: string }> = z.object({
  rotaId: z.string(),
  jobId: z.string(),
  version: z.number().int(),
  status: z.string(),
});
export const editCheckSchema: z.ZodType<EditCheck> = z.object({ ok: z.boolean(), violations: z.array(violation) });

export const rotaVersionsSchema: z.ZodType<RotaVersionSummary[]> = z.array(
  z.object({
    version: z.number().int(),
    publishedAt: instant,
    publishedBy: z.string(),
    reason: z.string().nullable(),
    changes: z.array(z.object({ slotId: z.string(), removed: z.array(z.string()), added: z.array(z.string()) })),
  }),
);

export const jobViewSchema: z.ZodType<JobView> = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ done: z.number(), total: z.number(), phase: z.string() }),
    error: z.string().nullable(),
    result: z.unknown(),
  })
  .meta({ id: 'Job' });

export const dutiesSchema: z.ZodType<Duty[]> = z.array(
  z
    .object({
      rotaId: z.string(),
      version: z.number().int(),
      slotId: z.string(),
      postId: z.string(),
      postName: z.string(),
      postCode: z.string(),
      lawyerId: z.string(),
      lawyerName: z.string(),
      day: calendarDay,
      localStart: timeOfDay,
      localEnd: timeOfDay,
      start: instant,
      end: instant,
    })
    .meta({ id: 'Duty' }),
);

export const absenceSchema: z.ZodType<Absence> = z
  .object({
    id: z.string(),
    lawyerId: z.string(),
    lawyerName: z.string(),
    kind: z.enum(ABSENCE_KINDS),
    from: calendarDay,
    to: calendarDay,
    reason: z.string(),
    status: z.enum(REQUEST_STATUSES),
    decidedBy: z.string().nullable(),
    decidedAt: instant.nullable(),
    note: z.string().nullable(),
    dutiesAffected: z.number().int(),
    repair: z.object({ status: z.enum(['queued', 'running', 'done', 'failed']), error: z.string().nullable() }).nullable(),
    createdAt: instant,
  })
  .meta({ id: 'Absence' });

export const swapSchema: z.ZodType<Swap> = z
  .object({
    id: z.string(),
    rotaId: z.string(),
    slotId: z.string(),
    day: calendarDay,
    postName: z.string(),
    localStart: timeOfDay,
    localEnd: timeOfDay,
    requesterId: z.string(),
    requesterName: z.string(),
    partnerLawyerId: z.string().nullable(),
    partnerName: z.string().nullable(),
    partnerSlotId: z.string().nullable(),
    status: z.enum(['open', 'accepted', 'approved', 'rejected', 'cancelled']),
    note: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'Swap' });

export const notificationSchema: z.ZodType<Notification> = z
  .object({ id: z.string(), kind: z.string(), key: z.string(), params: messageParams, text: z.string(), read: z.boolean(), createdAt: instant })
  .meta({ id: 'Notification' });

const calendarConflictSlot = z.object({
  slotId: z.string(),
  postId: z.string(),
  day: calendarDay,
  localStart: timeOfDay,
  localEnd: timeOfDay,
  lawyerIds: z.array(z.string()),
});

export const calendarConflictsSchema: z.ZodType<CalendarConflict[]> = z.array(
  z
    .object({ rotaId: z.string(), name: z.string(), from: calendarDay, to: calendarDay, removed: z.array(calendarConflictSlot), added: z.array(calendarConflictSlot) })
    .meta({ id: 'CalendarConflict' }),
);

export const calendarRepairResultSchema: z.ZodType<CalendarRepairResult> = z.object({ rotaId: z.string(), version: z.number().int(), changed: z.number().int() });
