/**
 * Praise and complaints (表扬/投诉) as staff handle them. Pure: imports only zod.
 *
 * Routes                                                                          roles
 *   GET  /api/feedback                 query FeedbackQuery → FeedbackItem[]          admin, coordinator, hotline
 *   GET  /api/feedback/overdue         → FeedbackItem[] (past a deadline)            admin, coordinator
 *   GET  /api/feedback/:code           → FeedbackItem                                admin, coordinator, hotline
 *   POST /api/feedback/:code/accept    body DecisionNote → FeedbackItem              admin, coordinator
 *   POST /api/feedback/:code/reject    body ConcludeText → FeedbackItem              admin, coordinator
 *   POST /api/feedback/:code/handle    body DecisionNote → FeedbackItem              admin, coordinator
 *   POST /api/feedback/:code/conclude  body ConcludeBody → FeedbackItem              admin, coordinator
 *
 * Workflow: received → accepted → handling → concluded, or received → rejected. Deadlines: accept
 * or reject within `acceptWorkingDays` working days (holiday calendar, 调休 included), conclude
 * within `concludeDays` days of receipt (server settings, defaults 5 and 30). A complaint concluded
 * as upheld becomes a confirmed `complaint_upheld` violation and an upheld complaint on the
 * dossier (eligibility); accepted praise goes on the dossier and the lawyer is told.
 *
 * Errors: 404 `feedback_not_found`, 409 `feedback_wrong_status` (details: { status, allowed }),
 * 400 `outcome_required` (a complaint's conclusion says whether it is upheld).
 */
import { z } from 'zod';
import { idSchema } from './common';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, type FeedbackKind, type FeedbackStatus } from './public';

export const FEEDBACK_CHANNELS = ['web', 'hotline'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_OUTCOMES = ['upheld', 'not_upheld'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

export const feedbackQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  kind: z.enum(FEEDBACK_KINDS).optional(),
  lawyerId: idSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type FeedbackQuery = z.infer<typeof feedbackQuery>;

export const decisionNoteBody = z.object({ note: z.string().trim().max(1000).default('') });
export const rejectBody = z.object({ conclusion: z.string().trim().min(1).max(1000), note: z.string().trim().max(1000).default('') });
export const concludeBody = z.object({
  outcome: z.enum(FEEDBACK_OUTCOMES).optional(),
  /** Published on the status page. */
  conclusion: z.string().trim().min(1).max(1000),
  note: z.string().trim().max(1000).default(''),
});
export type ConcludeBody = z.infer<typeof concludeBody>;

export interface FeedbackDuty {
  rotaId: string;
  slotId: string;
  dutyKey: string;
  lawyerId: string;
  lawyerName: string;
  licenceNo: string;
  postId: string;
  postName: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: string;
  end: string;
}

export interface FeedbackItem {
  trackingCode: string;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  status: FeedbackStatus;
  outcome: FeedbackOutcome | null;
  text: string;
  contactName: string | null;
  /** Private: staff and the hotline only. */
  contactPhone: string | null;
  duty: FeedbackDuty;
  receivedAt: string;
  acceptBy: string;
  concludeBy: string;
  overdue: 'accept' | 'conclude' | null;
  conclusion: string | null;
  history: { status: FeedbackStatus; at: string; by: string; note: string }[];
}

export const feedbackItemSchema = z.object({
  trackingCode: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  channel: z.enum(FEEDBACK_CHANNELS),
  status: z.enum(FEEDBACK_STATUSES),
  outcome: z.enum(FEEDBACK_OUTCOMES).nullable(),
  text: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  duty: z.object({
    rotaId: z.string(),
    slotId: z.string(),
    dutyKey: z.string(),
    lawyerId: z.string(),
    lawyerName: z.string(),
    licenceNo: z.string(),
    postId: z.string(),
    postName: z.string(),
    day: z.string(),
    localStart: z.string(),
    localEnd: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  receivedAt: z.string(),
  acceptBy: z.string(),
  concludeBy: z.string(),
  overdue: z.enum(['accept', 'conclude']).nullable(),
  conclusion: z.string().nullable(),
  history: z.array(z.object({ status: z.enum(FEEDBACK_STATUSES), at: z.string(), by: z.string(), note: z.string() })),
});

export const trackingParams = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,16}$/) });
