/**
 * Check-in at posts (签到/签退), the post kiosk, attendance and the live board.
 * Pure: imports only zod.
 *
 * Routes                                                                                   roles
 *   POST /api/posts/:id/kiosk-token        → KioskTokenIssued (201; shown once)            admin, coordinator
 *   POST /api/posts/:id/countersign-pin    → CountersignPinIssued (201; shown once)        admin, coordinator
 *   GET  /api/posts/:id/checkin-settings   → CheckinSettings                               admin, coordinator
 *   PUT  /api/posts/:id/checkin-settings   body CheckinSettingsBody → CheckinSettings      admin, coordinator
 *   GET  /api/kiosk/:code                  header X-Kiosk-Token → KioskView                public (the kiosk token is the key)
 *   POST /api/checkins                     body CheckinBody → CheckinResult (201 new, 200 replay) lawyer
 *   GET  /api/checkins/mine                → MyDuty[] (today's duties with state)           lawyer
 *   GET  /api/liveboard                    → LiveBoard                                      admin, coordinator, hotline
 *   GET  /api/attendance/events            query AttendanceEventsQuery → AttendanceEvent[]  admin, coordinator
 *
 * Kiosk: staff issue a token per post (issuing again rotates it: the old one stops working)
 * and open `/kiosk/<postCode>#token=<token>` once on the post's screen; the page keeps the
 * token (localStorage) and sends it as `X-Kiosk-Token`. It polls GET /api/kiosk/:code every
 * `refreshInMs` and shows `checkinPath` (prefixed with the site origin) as a QR code plus
 * `shortCode` in large digits. Codes change every `windowSeconds`; the current and the
 * previous window are accepted.
 *
 * Countersign (optional per post, `requireCountersign`): staff issue an 8-digit PIN per post
 * to the host institution's gate staff (看守所/检察院/法院). The station officer types it on
 * the lawyer's phone when the lawyer checks in. Issuing again rotates it. Only its keyed hash
 * is stored; 5 wrong PINs by a lawyer at a post lock countersigning for that lawyer and post
 * for the day (`countersign_locked`).
 *
 * Socket.IO: admin, coordinator and hotline sockets emit `liveboard:watch` (ack(true)) to join
 * room `liveboard` (`liveboard:unwatch` leaves it). After each check-in/out is stored, and
 * when the detector moves a lawyer to `late` or `absent`, the server emits `liveboard:updates`
 * (LiveBoardUpdate[], oldest first) to that room: a lone update goes out at once, updates
 * arriving faster than every LIVEBOARD_BATCH_MS are sent together. The client patches each
 * lawyer by `dutyKey` and recomputes counters; an unknown `dutyKey` means "refetch GET
 * /api/liveboard". When a post's current or next shift moves on (a check-in window opens, a
 * shift ends, an amendment changes its lawyers), the server emits `liveboard:posts`
 * (LivePost[]): the client replaces those rows. Both arrive within about a second.
 *
 * A kiosk screen emits `kiosk:watch` with { code, token } (its post code and kiosk token;
 * ack(true) when valid) and then receives `kiosk:changed` ({ postId }) whenever that post's
 * lawyers or states change; it then fetches GET /api/kiosk/:code again.
 *
 * Errors of POST /api/checkins (all 4xx, `error.code`):
 *   400 code_required        neither `code` nor `postCode` + `shortCode` was sent
 *   400 code_invalid         not a code of ours / wrong signature / a code of another post
 *   400 code_expired         an old code (older than the previous window), e.g. a screenshot
 *   400 location_required    the post requires the phone's location
 *   400 location_inaccurate  accuracy worse than the post allows (details: { maxAccuracyM })
 *   403 outside_geofence     too far from the post (details: { distanceM, radiusM })
 *   400 countersign_required the post requires the station's countersign PIN
 *   403 countersign_invalid  wrong PIN (details: { attemptsLeft })
 *   429 countersign_locked   too many wrong PINs today
 *   409 no_duty_now          no duty of yours at this post whose check-in window is open
 *   409 already_checked_in   / already_checked_out: one of each per duty
 *   409 not_checked_in       checking out without having checked in
 *   409 idempotency_key_reused  the key was used for another request (other post or kind)
 *   429 too_many_attempts    too many refused attempts in a short time
 * GET /api/kiosk/:code answers 403 `kiosk_token_invalid` when the token is missing, wrong or rotated.
 */
import { z } from 'zod';
import type { Instant } from './common';

export const ATTENDANCE_STATES = ['not_yet_due', 'due', 'checked_in', 'late', 'absent', 'checked_out', 'left_early'] as const;
/**
 * not_yet_due: check-in window not open · due: window open, not checked in, within the grace
 * period · checked_in: on time, present · late: no check-in after the grace period (not yet
 * absent), or checked in late and present · absent: nobody checked in by the cut-off ·
 * checked_out: left at or after the end (minus tolerance) · left_early: left before that.
 */
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const ATTENDANCE_EVENT_TYPES = ['late', 'absent', 'left_early'] as const;
export type AttendanceEventType = (typeof ATTENDANCE_EVENT_TYPES)[number];

export const CHECKIN_KINDS = ['in', 'out'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

/** Thresholds and requirements of one post. Defaults apply until staff change them. */
export const checkinSettingsBody = z
  .object({
    /** The check-in window opens this many minutes before the start. Default 30. */
    opensBeforeMin: z.number().int().min(0).max(240),
    /** Late when checking in more than this many minutes after the start. Default 10. */
    lateAfterMin: z.number().int().min(0).max(240),
    /** Absent when nobody checked in this many minutes after the start. Default 60. */
    absentAfterMin: z.number().int().min(1).max(720),
    /** Left early when checking out more than this many minutes before the end. Default 5. */
    leftEarlyToleranceMin: z.number().int().min(0).max(240),
    /** Check-out stays possible this many minutes after the end. Default 180. */
    checkoutUntilAfterEndMin: z.number().int().min(0).max(720),
    /** Require the phone's location inside the post's geofence (post.location + geofenceRadiusM). */
    requireLocation: z.boolean(),
    /** Refuse a location whose accuracy is worse than this (metres). Default 200. */
    maxAccuracyM: z.number().int().min(5).max(5000),
    /** Require the station's countersign PIN at check-in. */
    requireCountersign: z.boolean(),
  })
  .refine((s) => s.absentAfterMin > s.lateAfterMin, { message: 'absentAfterMin must be after lateAfterMin', path: ['absentAfterMin'] });
export type CheckinSettingsBody = z.infer<typeof checkinSettingsBody>;

export interface CheckinSettings extends CheckinSettingsBody {
  postId: string;
  /** Whether a countersign PIN has been issued for this post. */
  countersignPinIssued: boolean;
  /** Whether a kiosk token has been issued for this post. */
  kioskTokenIssued: boolean;
  updatedAt: Instant | null;
}

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000),
});
export type CheckinLocation = z.infer<typeof locationSchema>;

export const checkinBody = z
  .object({
    /** The QR payload (the `c` of checkinPath), or … */
    code: z.string().trim().min(10).max(200).optional(),
    /** … the post's code plus the 6 digits shown on the kiosk. */
    postCode: z.string().trim().min(2).max(32).optional(),
    shortCode: z.string().trim().regex(/^\d{6}$/, 'six digits').optional(),
    kind: z.enum(CHECKIN_KINDS),
    location: locationSchema.optional(),
    /** The station's countersign PIN, typed by station staff. */
    countersignPin: z.string().trim().regex(/^\d{8}$/, 'eight digits').optional(),
    /** Generated by the client once per attempt (e.g. crypto.randomUUID()); a retry sends the same. */
    idempotencyKey: z.string().trim().regex(/^[A-Za-z0-9_-]{8,100}$/, '8–100 letters, digits, - or _'),
  })
  .refine((b) => b.code !== undefined || (b.postCode !== undefined && b.shortCode !== undefined), { message: 'send code, or postCode and shortCode', path: ['code'] });
export type CheckinBody = z.infer<typeof checkinBody>;

export interface CheckinRecord {
  id: string;
  dutyKey: string;
  kind: CheckinKind;
  at: Instant;
  postId: string;
  postCode: string;
  postName: string;
  slotId: string;
  localStart: string;
  localEnd: string;
  day: string;
  /** Metres from the post, when a location was sent and the post has one. */
  distanceM: number | null;
  /** The reported accuracy (metres) of the location sent with the check-in, if any. */
  accuracyM: number | null;
  countersigned: boolean;
}

export interface CheckinResult {
  checkin: CheckinRecord;
  /** The duty's attendance state after this check-in/out. */
  state: AttendanceState;
  /**
   * Minutes after the start (check-in) or before the end (check-out); 0 when earlier. Whether
   * that counts as late or leaving early (beyond the post's grace or tolerance) is `state`.
   */
  minutesOff: number;
  /** True when this answers a retry with an idempotency key already used. */
  replayed: boolean;
}

export interface MyDuty {
  dutyKey: string;
  postId: string;
  postCode: string;
  postName: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Instant;
  end: Instant;
  state: AttendanceState;
  checkedInAt: Instant | null;
  checkedOutAt: Instant | null;
  /** When the check-in window opens and closes (the absent cut-off). */
  checkinOpensAt: Instant;
  checkinClosesAt: Instant;
  requireLocation: boolean;
  requireCountersign: boolean;
}

export interface KioskTokenIssued {
  postId: string;
  postCode: string;
  token: string;
  /** Path to open on the kiosk screen. */
  kioskPath: string;
  issuedAt: Instant;
}

export interface CountersignPinIssued {
  postId: string;
  postCode: string;
  pin: string;
  issuedAt: Instant;
}

export interface KioskCode {
  /** The signed QR payload. */
  payload: string;
  /** `/checkin?c=<payload>`: prefix with the site origin and render as a QR code. */
  checkinPath: string;
  /** Six digits to type instead of scanning. */
  shortCode: string;
  windowSeconds: number;
  validFrom: Instant;
  /** The next code replaces this one then (it stays accepted one more window as grace). */
  validUntil: Instant;
}

export interface KioskLawyer {
  /** Name only: the kiosk is in a public place. */
  name: string;
  localStart: string;
  localEnd: string;
  state: AttendanceState;
}

export interface KioskView {
  post: { code: string; name: string };
  day: string;
  code: KioskCode;
  lawyers: KioskLawyer[];
  /** Poll again after this many milliseconds. */
  refreshInMs: number;
  serverTime: Instant;
}

export interface LiveLawyer {
  dutyKey: string;
  lawyerId: string;
  name: string;
  state: AttendanceState;
  checkedInAt: Instant | null;
  checkedOutAt: Instant | null;
}

export interface LiveShift {
  slotId: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Instant;
  end: Instant;
  lawyers: LiveLawyer[];
}

export interface LivePost {
  postId: string;
  code: string;
  name: string;
  district: string;
  kind: string;
  /** The shift whose check-in window is open or that is under way. */
  current: LiveShift | null;
  /** The next shift after it (today or tomorrow). */
  next: LiveShift | null;
}

export type StateCounts = Record<AttendanceState, number>;

export interface LiveBoard {
  at: Instant;
  posts: LivePost[];
  /** Lawyers of current shifts by state, per district, per post kind and in total. */
  counters: { byDistrict: Record<string, StateCounts>; byKind: Record<string, StateCounts>; total: StateCounts };
}

export interface LiveBoardUpdate {
  postId: string;
  slotId: string;
  dutyKey: string;
  lawyerId: string;
  state: AttendanceState;
  checkedInAt: Instant | null;
  checkedOutAt: Instant | null;
  cause: 'checkin' | 'checkout' | 'detector';
  /** When the server emitted it. */
  at: Instant;
}

export const LIVEBOARD_EVENTS = { watch: 'liveboard:watch', unwatch: 'liveboard:unwatch', updates: 'liveboard:updates', posts: 'liveboard:posts' } as const;
export const KIOSK_EVENTS = { watch: 'kiosk:watch', changed: 'kiosk:changed' } as const;
/** The shortest gap between two `liveboard:updates` messages. */
export const LIVEBOARD_BATCH_MS = 50;
export const LIVEBOARD_ROOM = 'liveboard';

export const attendanceEventsQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lawyerId: z.string().regex(/^[0-9a-f]{24}$/i).optional(),
  postId: z.string().regex(/^[0-9a-f]{24}$/i).optional(),
  type: z.enum(ATTENDANCE_EVENT_TYPES).optional(),
});
export type AttendanceEventsQuery = z.infer<typeof attendanceEventsQuery>;

/** A fact discipline turns into a proposed violation. One per duty and type. */
export interface AttendanceEvent {
  id: string;
  key: string;
  type: AttendanceEventType;
  dutyKey: string;
  lawyerId: string;
  postId: string;
  rotaId: string;
  slotId: string;
  day: string;
  /** When it happened: the late check-in, the absent cut-off, the early check-out. */
  at: Instant;
  minutes: number;
  createdAt: Instant;
}
