/**
 * Lawyers' self-service: leave and unavailability, swaps, notifications, calendar feeds.
 * Pure: imports only zod.
 *
 * Routes                                                                                 roles
 *   GET   /api/absences                   query AbsencesQuery → Absence[]               admin, coordinator
 *   GET   /api/absences/mine              → Absence[]                                   lawyer
 *   POST  /api/absences                   body CreateAbsenceBody → Absence (201)        lawyer
 *   POST  /api/absences/:id/cancel        → Absence                                     lawyer (own)
 *   POST  /api/absences/:id/decide        body DecideBody → Absence                     admin, coordinator
 *   GET   /api/swaps                      query SwapsQuery → Swap[]                     admin, coordinator
 *   GET   /api/swaps/mine                 → Swap[] (mine, to me, and open offers I can take) lawyer
 *   POST  /api/swaps                      body CreateSwapBody → Swap (201)              lawyer
 *   POST  /api/swaps/:id/accept           → Swap (partner or any eligible for offers)   lawyer
 *   POST  /api/swaps/:id/cancel           → Swap                                        lawyer (own)
 *   POST  /api/swaps/:id/decide           body DecideBody → Swap                        admin, coordinator
 *   GET   /api/notifications/mine         → Notification[]                              authenticated
 *   POST  /api/notifications/:id/read     → Notification                                authenticated (own)
 *   GET   /api/calendar-feeds/mine        → CalendarFeed                                lawyer
 *   GET   /api/posts/:id/calendar-feed    → CalendarFeed                                admin, coordinator
 *   POST  /api/calendar-feeds/:id/rotate  → CalendarFeed                                lawyer (own), admin, coordinator
 *   GET   /api/ical/:token.ics            → text/calendar                               public (the token is the key)
 *   GET   /api/public/posts/:code/board   query { day? } → DutyBoard                    public
 * Errors: 409 `swap_violation` (details: violations), 409 `not_pending`, 403 `not_yours`,
 * 404 `duty_not_found`, 400 `absence_in_past`.
 */
import { z } from 'zod';
import { daySchema, idSchema, type Instant } from './common';

export const ABSENCE_KINDS = ['leave', 'unavailable'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const createAbsenceBody = z
  .object({
    kind: z.enum(ABSENCE_KINDS),
    from: daySchema,
    to: daySchema,
    reason: z.string().trim().min(1).max(300),
  })
  .refine((b) => b.from <= b.to, { message: 'from must not be after to', path: ['to'] });
export type CreateAbsenceBody = z.infer<typeof createAbsenceBody>;

export const decideBody = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(300).optional(),
});
export type DecideBody = z.infer<typeof decideBody>;

export const absencesQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  lawyerId: idSchema.optional(),
});
export type AbsencesQuery = z.infer<typeof absencesQuery>;

export interface Absence {
  id: string;
  lawyerId: string;
  lawyerName: string;
  kind: AbsenceKind;
  from: string;
  to: string;
  reason: string;
  status: RequestStatus;
  decidedBy: string | null;
  decidedAt: Instant | null;
  note: string | null;
  /** Duties re-covered when the leave was approved. */
  dutiesAffected: number;
  /**
   * The re-covering of the lawyer's duties after approval: `failed` means the leave is approved
   * on paper but the rota still holds the duties, and staff must act.
   */
  repair: { status: 'queued' | 'running' | 'done' | 'failed'; error: string | null } | null;
  createdAt: Instant;
}

export const createSwapBody = z.object({
  rotaId: idSchema,
  slotId: z.string().min(1).max(120),
  /** A named colleague; omit to offer the duty to anyone eligible. */
  partnerLawyerId: idSchema.optional(),
  /** For a trade: the partner's duty the requester takes in return. */
  partnerSlotId: z.string().min(1).max(120).optional(),
  note: z.string().trim().max(300).optional(),
});
export type CreateSwapBody = z.infer<typeof createSwapBody>;

export const swapsQuery = z.object({ status: z.enum(['open', 'accepted', 'approved', 'rejected', 'cancelled']).optional() });
export type SwapsQuery = z.infer<typeof swapsQuery>;

export type SwapStatus = 'open' | 'accepted' | 'approved' | 'rejected' | 'cancelled';

export interface Swap {
  id: string;
  rotaId: string;
  slotId: string;
  day: string;
  postName: string;
  localStart: string;
  localEnd: string;
  requesterId: string;
  requesterName: string;
  partnerLawyerId: string | null;
  partnerName: string | null;
  partnerSlotId: string | null;
  status: SwapStatus;
  note: string | null;
  decisionNote: string | null;
  createdAt: Instant;
}

export interface Notification {
  id: string;
  kind: string;
  /** i18n key and its parameters; `text` is a Chinese rendering for channels without i18n. */
  key: string;
  params: Record<string, string | number>;
  text: string;
  read: boolean;
  createdAt: Instant;
}

export interface CalendarFeed {
  id: string;
  subject: 'lawyer' | 'post';
  subjectId: string;
  /** Path of the feed, to be prefixed with the site's origin. */
  path: string;
}

export interface DutyBoardEntry {
  localStart: string;
  localEnd: string;
  lawyers: { name: string; licenceNumber: string; firm: string }[];
}

export interface DutyBoard {
  post: { name: string; code: string; address: string; kind: string; channel: string };
  day: string;
  shifts: DutyBoardEntry[];
  /** Where the QR code leads: the public lookup for this post. */
  lookupPath: string;
}
