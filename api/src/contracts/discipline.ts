/**
 * Discipline: "一次警告、二次清退". Violations (proposed by attendance, duty records and
 * complaints, or entered by staff), the lawyer's reply, staff decisions, the rule and removal.
 * Pure: imports only zod.
 *
 * Routes                                                                                     roles
 *   GET   /api/violations                   query ViolationsQuery → { items: Violation[], total } admin, coordinator
 *   POST  /api/violations                   body CreateViolationBody → Violation (201)      admin, coordinator
 *   POST  /api/violations/bulk-decision     body BulkDecisionBody → BulkDecisionResult       admin, coordinator
 *   GET   /api/violations/mine              → MyRecord                                      lawyer
 *   GET   /api/violations/:id               → Violation                                     admin, coordinator, lawyer (own only)
 *   POST  /api/violations/:id/seen          → Violation (staff opened its evidence)          admin, coordinator
 *   POST  /api/violations/:id/reply         body ReplyBody → Violation                       lawyer (own, within the window)
 *   POST  /api/violations/:id/decision      body DecisionBody → Violation                    admin, coordinator
 *   POST  /api/violations/:id/reversal      body ReversalBody → Violation                    admin
 *   GET   /api/discipline/lawyers/:id       → LawyerDiscipline (timeline, standing, removals) admin, coordinator
 *
 * Errors: 404 `violation_not_found`, 409 `already_decided`, 409 `not_decided`,
 * 409 `reply_window_closed`, 409 `not_seen` (details: ids), 400 `bulk_only_attendance`,
 * 403 `lawyer_removed` (a removed lawyer cannot check in, take swaps or ask for leave).
 */
import { z } from 'zod';
import { idSchema, paginationQuery } from './common';

export const VIOLATION_TYPES = ['absent', 'late', 'left_early', 'missing_record', 'complaint_upheld', 'misconduct', 'other'] as const;
export const violationTypeSchema = z.enum(VIOLATION_TYPES);
export const VIOLATION_STATES = ['proposed', 'confirmed', 'dismissed'] as const;
export type ViolationState = (typeof VIOLATION_STATES)[number];
/** Types the check-in detector proposes; only these may be confirmed in bulk. */
export const ATTENDANCE_TYPES = ['absent', 'late', 'left_early'] as const;

const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 instant')
  .transform((s) => new Date(s));

export const createViolationBody = z.object({
  lawyerId: idSchema,
  type: violationTypeSchema,
  occurredAt: instant,
  description: z.string().trim().min(1).max(2000),
  /** The duty concerned, as a duty key (rotaId:slotId:lawyerId). */
  dutyId: z.string().trim().min(1).max(200).optional(),
});
export type CreateViolationBody = z.infer<typeof createViolationBody>;

export const decisionBody = z.object({
  outcome: z.enum(['confirmed', 'dismissed']),
  reason: z.string().trim().min(1, 'a reason is required').max(1000),
});
export type DecisionBody = z.infer<typeof decisionBody>;

export const bulkDecisionBody = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(200),
  reason: z.string().trim().min(1).max(1000),
});
export type BulkDecisionBody = z.infer<typeof bulkDecisionBody>;

export const replyBody = z.object({ text: z.string().trim().min(1).max(2000) });
export const reversalBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(1000) });

export const violationIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'must be an id') });

export const violationsQuery = paginationQuery.extend({
  lawyerId: idSchema.optional(),
  state: z.enum(VIOLATION_STATES).optional(),
  type: violationTypeSchema.optional(),
  postId: idSchema.optional(),
  district: z.string().trim().min(1).max(40).optional(),
});
export type ViolationsQuery = z.infer<typeof violationsQuery>;

// ---- responses ----

const actorRef = z.object({ userId: z.string(), username: z.string() });
export const evidenceSchema = z.union([
  z.object({ kind: z.literal('attendance_event'), eventKey: z.string() }),
  z.object({ kind: z.literal('complaint'), feedbackId: z.string(), trackingCode: z.string() }),
  z.object({ kind: z.literal('duty_record_missing'), dutyKey: z.string() }),
  z.object({ kind: z.literal('note'), text: z.string() }),
]);

export const violationSchema = z.object({
  id: z.string(),
  lawyerId: z.string(),
  lawyerName: z.string(),
  type: violationTypeSchema,
  state: z.enum(VIOLATION_STATES),
  sourceKey: z.string(),
  dutyKey: z.string().optional(),
  /** The duty's post, day and time, when there is a duty. */
  duty: z.object({ postId: z.string(), postName: z.string(), district: z.string(), day: z.string(), localStart: z.string(), localEnd: z.string() }).optional(),
  occurredAt: z.string(),
  description: z.string(),
  evidence: z.array(evidenceSchema),
  replyDeadline: z.string(),
  reply: z.object({ text: z.string(), at: z.string() }).optional(),
  decision: z.object({ outcome: z.enum(['confirmed', 'dismissed']), reason: z.string(), by: actorRef, at: z.string(), beforeReplyDeadline: z.boolean() }).optional(),
  reversals: z.array(z.object({ from: z.enum(['confirmed', 'dismissed']), reason: z.string(), by: actorRef, at: z.string() })),
  seenBy: z.array(z.string()),
  createdAt: z.string(),
});
export type Violation = z.infer<typeof violationSchema>;
export const violationListSchema = z.object({ items: z.array(violationSchema), total: z.number(), page: z.number(), pageSize: z.number() });

export const bulkDecisionResultSchema = z.object({ confirmed: z.array(z.string()) });

export const removalSchema = z.object({
  id: z.string(),
  lawyerId: z.string(),
  cause: z.enum(['rule', 'manual']),
  startedAt: z.string(),
  jobId: z.string(),
  status: z.string(),
  progress: z.object({ done: z.number(), total: z.number(), phase: z.string() }),
  error: z.string().nullable(),
  moved: z.number(),
  uncovered: z.array(z.object({ rotaId: z.string(), slotId: z.string(), postId: z.string(), day: z.string(), localStart: z.string(), code: z.string(), message: z.string() })),
});
export type Removal = z.infer<typeof removalSchema>;

export const TIMELINE_KINDS = ['violation', 'decision', 'reversal', 'warning', 'removal', 'reinstatement'] as const;
export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  violationId: z.string().optional(),
  type: violationTypeSchema.optional(),
  outcome: z.string().optional(),
  text: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const lawyerDisciplineSchema = z.object({
  lawyerId: z.string(),
  status: z.string(),
  /** Confirmed violations inside the counting period. */
  counted: z.number(),
  periodMonths: z.number(),
  timeline: z.array(timelineEntrySchema),
  removals: z.array(removalSchema),
});
export type LawyerDiscipline = z.infer<typeof lawyerDisciplineSchema>;

export const myRecordSchema = z.object({
  status: z.string(),
  counted: z.number(),
  periodMonths: z.number(),
  replyWindowDays: z.number(),
  violations: z.array(violationSchema),
});
export type MyRecord = z.infer<typeof myRecordSchema>;
