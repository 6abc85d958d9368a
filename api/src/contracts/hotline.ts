/**
 * The hotline desk (12348/12345 热线): find who was on duty, see what happened on that duty, log
 * the call. Also the dossier's duty history. Pure: imports only zod.
 *
 * Routes                                                                              roles
 *   GET  /api/hotline/search   query HotlineSearchQuery → HotlineSearchResult               hotline, admin, coordinator
 *   GET  /api/hotline/duty     query DutyRefQuery → HotlineDutyDetail                      hotline, admin, coordinator
 *   POST /api/hotline/calls    body HotlineCallBody → HotlineCallLogged (201)               hotline, admin, coordinator
 *   GET  /api/lawyers/:id/attendance-history query { from?, to? } → DutyHistoryRow[]             admin, coordinator, hotline, lawyer (own)
 *
 * Search by post and time (as the lookup), by lawyer name or licence number (their duties of the
 * last 60 days), or by a caller's tracking code. A praise or complaint call becomes feedback with
 * a tracking code; an enquiry is logged only. Errors: 400 `search_needs_one` (say what to search
 * by), 404 `duty_not_found`, 404 `feedback_not_found`, 404 `post_not_found`.
 */
import { z } from 'zod';
import { daySchema, idSchema } from './common';
import { ATTENDANCE_EVENT_TYPES, ATTENDANCE_STATES } from './checkins';
import { feedbackItemSchema } from './feedback';
import { FEEDBACK_KINDS, phoneSchema } from './public';

export const hotlineSearchQuery = z
  .object({
    post: z.string().trim().min(1).max(40).optional(),
    at: z.iso.datetime({ offset: true }).optional(),
    lawyer: z.string().trim().min(1).max(40).optional(),
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,16}$/).optional(),
  })
  .refine((q) => Boolean(q.post) || Boolean(q.lawyer) || Boolean(q.code), { message: 'search by post and time, lawyer, or tracking code' });
export type HotlineSearchQuery = z.infer<typeof hotlineSearchQuery>;

const dutyRowSchema = z.object({
  rotaId: z.string(),
  slotId: z.string(),
  lawyerId: z.string(),
  lawyerName: z.string(),
  licenceNo: z.string(),
  firm: z.string(),
  postId: z.string(),
  postName: z.string(),
  postCode: z.string(),
  day: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  start: z.string(),
  end: z.string(),
});
export type HotlineDutyRow = z.infer<typeof dutyRowSchema>;

export const hotlineSearchResultSchema = z.object({
  by: z.enum(['post', 'lawyer', 'code']),
  duties: z.array(dutyRowSchema),
  /** Set when searching by post and nobody was on duty. */
  reason: z.enum(['closed', 'no_rota', 'unstaffed']).optional(),
  trackingCode: z.string().optional(),
});
export type HotlineSearchResult = z.infer<typeof hotlineSearchResultSchema>;

export const dutyRefQuery = z.object({ rotaId: z.string().min(1).max(64), slotId: z.string().min(1).max(200), lawyerId: idSchema, day: daySchema });
export type DutyRefQuery = z.infer<typeof dutyRefQuery>;

export const hotlineDutyDetailSchema = z.object({
  duty: dutyRowSchema,
  dutyKey: z.string(),
  /** The lawyer's work contact (hotline operators may call them back). */
  lawyerPhone: z.string().nullable(),
  postAddress: z.string(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  state: z.enum(ATTENDANCE_STATES),
  events: z.array(z.object({ type: z.enum(ATTENDANCE_EVENT_TYPES), at: z.string(), minutes: z.number() })),
  records: z.array(z.object({ id: z.string(), kind: z.string(), at: z.string(), title: z.string() })),
  feedback: z.array(feedbackItemSchema),
});
export type HotlineDutyDetail = z.infer<typeof hotlineDutyDetailSchema>;

export const CALL_KINDS = [...FEEDBACK_KINDS, 'enquiry'] as const;
export const hotlineCallBody = z
  .object({
    kind: z.enum(CALL_KINDS),
    post: z.string().trim().min(1).max(40),
    at: z.iso.datetime({ offset: true }),
    licenceNo: z.string().trim().min(1).max(40),
    callerName: z.string().trim().max(40).optional(),
    callerPhone: phoneSchema.optional(),
    text: z.string().trim().min(1).max(2000),
  })
  .refine((b) => b.kind !== 'complaint' || Boolean(b.callerPhone), { message: 'a complaint needs the caller’s phone', path: ['callerPhone'] });
export type HotlineCallBody = z.infer<typeof hotlineCallBody>;

export const hotlineCallLoggedSchema = z.object({ callId: z.string(), kind: z.enum(CALL_KINDS), trackingCode: z.string().nullable() });
export type HotlineCallLogged = z.infer<typeof hotlineCallLoggedSchema>;

export const dutyHistoryQuery = z.object({ from: daySchema.optional(), to: daySchema.optional() });
export const dutyHistoryRowSchema = z.object({
  rotaId: z.string(),
  slotId: z.string(),
  postName: z.string(),
  day: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  state: z.enum(ATTENDANCE_STATES),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
});
export type DutyHistoryRow = z.infer<typeof dutyHistoryRowSchema>;
