/**
 * Shift patterns (班次规则): each post's recurring shifts as RFC 5545 rules in the post's
 * time zone. Pure: imports only zod.
 *
 * Routes                                                                        roles
 *   GET    /api/posts/:id/patterns            → ShiftPattern[]                   admin, coordinator
 *   PUT    /api/posts/:id/patterns            body PutPatternsBody → ShiftPattern[]   admin, coordinator
 *   POST   /api/shift-patterns/preview        body PreviewBody → PatternPreview  admin, coordinator
 * Errors: 400 `invalid_rrule` / `duplicate_shift` / `invalid_preview` (details: { index, reason,
 * params, message } — `reason` is the engine's message code, e.g. RULE_NEVER_MATCHES, and
 * `params` its parameters), 404 `post_not_found`, 409 `stale_patterns` when `revision` is not
 * the current one, 422 `preview_too_slow` when a preview runs past its time limit.
 *
 * Times: an end at or before the start ends on the following day (night duty); an end equal
 * to the start is a 24-hour duty. Two patterns of one post may not have the same start and
 * end: that is one shift, written as one pattern.
 */
import { z } from 'zod';
import { daySchema } from './common';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');

/** The weekdays of RFC 5545 BYDAY, Monday first. */
export const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const shiftPatternInput = z.object({
  /** Staff's name for the shift, e.g. 上午班. */
  label: z.string().trim().min(1).max(40),
  /** RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`. */
  rrule: z.string().trim().min(6).max(500),
  /** First local day; anchors INTERVAL (every other week). */
  dtstart: daySchema,
  start: hhmm,
  end: hhmm,
  exdates: z.array(daySchema).max(400).default([]),
  rdates: z.array(daySchema).max(400).default([]),
  /** Defaults to the post's lawyers per shift. */
  lawyersNeeded: z.number().int().min(1).max(50).nullish(),
});
export type ShiftPatternInput = z.infer<typeof shiftPatternInput>;

export const putPatternsBody = z.object({
  patterns: z.array(shiftPatternInput).max(20),
  /** The revision read; omit only when the post has no patterns yet. */
  revision: z.number().int().min(0).optional(),
});
export type PutPatternsBody = z.infer<typeof putPatternsBody>;

export const previewBody = z.object({
  pattern: shiftPatternInput,
  timeZone: z.string().default('Asia/Shanghai'),
  from: daySchema,
  count: z.number().int().min(1).max(60).default(10),
  opensOnHolidays: z.boolean().default(false),
  opensOnMakeUpDays: z.boolean().default(true),
});
export type PreviewBody = z.infer<typeof previewBody>;

export interface ShiftPattern extends Omit<ShiftPatternInput, 'lawyersNeeded'> {
  id: string;
  postId: string;
  lawyersNeeded: number | null;
  revision: number;
}

export interface PreviewOccurrence {
  day: string;
  weekday: number;
  start: string;
  end: string;
  /** e.g. 国庆节 when the post is closed that day, or 调休上班 on a make-up working day. */
  note: string | null;
  /** The same note as a code for the client to word: makeUpDay, holidayDuty, holidayClosed, restDayClosed. */
  noteCode: { code: 'makeUpDay' | 'holidayDuty' | 'holidayClosed' | 'restDayClosed'; name: string } | null;
  /** Real start and end (ISO UTC) after daylight saving; null on a skipped day. */
  startsAt: string | null;
  endsAt: string | null;
  /** The shift ends on the following day. */
  nextDay: boolean;
  /** The pattern falls on this day but the post is closed (a holiday or a rest day). */
  skipped: boolean;
}

export interface PatternPreview {
  occurrences: PreviewOccurrence[];
}
