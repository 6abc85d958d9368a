/**
 * The public lookup (值班查询) and public feedback. No account; rate-limited per IP. Pure: imports only zod.
 *
 * Routes                                                                              roles
 *   GET  /api/public/posts                       → PublicPost[] (active posts)             public
 *   GET  /api/public/duty?post=<id|code>&at=<ISO> → PublicDuty                              public
 *   GET  /api/public/feedback/challenge          → altcha challenge (proof of work)        public
 *   POST /api/public/feedback                    body PublicFeedbackBody → FeedbackReceipt (201) public
 *   GET  /api/public/feedback/:code              → PublicFeedbackStatus                    public
 *
 * Who was on duty is answered as the published rota, its amendments and approved swaps stood
 * at `at` (each rota's last version published at or before `at`). No public answer carries a
 * phone number, an ID number, a person's address or the text of anyone's complaint: the
 * response schemas below are strict and a test walks them.
 *
 * Errors: 404 `post_not_found` (unknown or inactive post), 404 `feedback_not_found`,
 * 400 `proof_of_work_invalid`, 409 `proof_of_work_used`, 404 `duty_not_found` (no such lawyer
 * on duty at that post and time), 413 `payload_too_large`, 429 `too_many_requests`.
 */
import { z } from 'zod';
import { POST_KINDS } from './common';

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);

export const publicPostSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    district: z.string(),
    kind: z.enum(POST_KINDS),
    channel: z.string(),
    /** The post's own address (an institution's, never a person's). */
    address: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).strict().nullable(),
    timeZone: z.string(),
    openingHours: z.array(z.object({ days: z.array(z.number()), start: hhmm, end: hhmm }).strict()),
  })
  .strict();
export type PublicPost = z.infer<typeof publicPostSchema>;
export const publicPostsSchema = z.array(publicPostSchema);

export const publicDutyQuery = z.object({
  post: z.string().trim().min(1).max(40),
  at: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
});

/** Why nobody is listed: closed at that time, no rota published for that day, or a shift nobody was assigned to. */
export const NOBODY_REASONS = ['closed', 'no_rota', 'unstaffed'] as const;
export type NobodyReason = (typeof NOBODY_REASONS)[number];

export const publicDutyLawyerSchema = z
  .object({
    name: z.string(),
    licenceNo: z.string(),
    firm: z.string(),
    shift: z.object({ start: z.string(), end: z.string(), day: z.string(), localStart: hhmm, localEnd: hhmm }).strict(),
    checkedIn: z.boolean(),
    checkedInAt: z.string().nullable(),
  })
  .strict();

export const publicDutySchema = z
  .object({
    post: publicPostSchema,
    at: z.string(),
    lawyers: z.array(publicDutyLawyerSchema),
    reason: z.enum(NOBODY_REASONS).optional(),
  })
  .strict();
export type PublicDuty = z.infer<typeof publicDutySchema>;
export type PublicDutyLawyer = z.infer<typeof publicDutyLawyerSchema>;

export const FEEDBACK_KINDS = ['praise', 'complaint'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_STATUSES = ['received', 'accepted', 'rejected', 'handling', 'concluded'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const MAX_FEEDBACK_TEXT = 2000;
export const phoneSchema = z.string().trim().regex(/^[0-9+\-\s()]{6,20}$/, 'must be a phone number');

export const publicFeedbackBody = z
  .object({
    kind: z.enum(FEEDBACK_KINDS),
    post: z.string().trim().min(1).max(40),
    at: z.iso.datetime({ offset: true }),
    licenceNo: z.string().trim().min(1).max(40),
    text: z.string().trim().min(1).max(MAX_FEEDBACK_TEXT),
    contactName: z.string().trim().max(40).optional(),
    contactPhone: phoneSchema.optional(),
    /** The altcha widget's payload (base64 JSON of the solved challenge). */
    altcha: z.string().min(1).max(4000),
  })
  .refine((b) => b.kind !== 'complaint' || Boolean(b.contactPhone), { message: 'a complaint needs a contact phone', path: ['contactPhone'] });
export type PublicFeedbackBody = z.infer<typeof publicFeedbackBody>;

export const feedbackReceiptSchema = z.object({ trackingCode: z.string(), status: z.enum(FEEDBACK_STATUSES), statusPath: z.string() }).strict();
export type FeedbackReceipt = z.infer<typeof feedbackReceiptSchema>;

export const trackingCodeParams = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,16}$/, 'must be a tracking code') });

export const publicFeedbackStatusSchema = z
  .object({
    trackingCode: z.string(),
    kind: z.enum(FEEDBACK_KINDS),
    status: z.enum(FEEDBACK_STATUSES),
    postName: z.string(),
    lawyerName: z.string(),
    day: z.string(),
    shift: z.object({ localStart: hhmm, localEnd: hhmm }).strict(),
    receivedAt: z.string(),
    history: z.array(z.object({ status: z.enum(FEEDBACK_STATUSES), at: z.string() }).strict()),
    /** Published by staff when concluding or rejecting; never the submitter's text. */
    conclusion: z.string().nullable(),
  })
  .strict();
export type PublicFeedbackStatus = z.infer<typeof publicFeedbackStatusSchema>;
