/**
 * The engine's vocabulary. Everything here is plain JSON-compatible data so that an
 * instance can be read from a file, sent over HTTP or stored, and planned again later.
 *
 * Instants are ISO-8601 UTC strings (or epoch ms inside the engine); local calendar days
 * are `YYYY-MM-DD` in the post's IANA zone; local wall times are `HH:mm`.
 */

export type PostKind = 'detention_centre' | 'procuratorate' | 'court' | 'fast_track' | 'hotline' | 'online';
export const POST_KINDS: readonly PostKind[] = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'];

/** A recurring shift at a post, written as RFC 5545 rules in local wall time. */
export interface ShiftPattern {
  id: string;
  /** RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR` (an `RRULE:` prefix is accepted). */
  rrule: string;
  /** First local day of the recurrence; anchors INTERVAL (every other Saturday, rotations). */
  dtstart: string;
  /** Local wall-clock start and end (`HH:mm`). An end at or before the start ends on the next day. */
  start: string;
  end: string;
  /** Local days removed from (EXDATE) or added to (RDATE) the recurrence. */
  exdates?: string[];
  rdates?: string[];
  /** Lawyers this shift needs; defaults to the post's `lawyersNeeded`. */
  lawyersNeeded?: number;
  /**
   * Whether the shift follows the working-day calendar, i.e. also runs on make-up working
   * days (调休) when the post opens on them. Defaults to true when the rule is weekly on
   * every weekday Monday to Friday.
   */
  followsWorkingDays?: boolean;
}

export interface Post {
  id: string;
  name: string;
  kind: PostKind;
  district: string;
  /** IANA zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  lawyersNeeded: number;
  patterns: ShiftPattern[];
  opensOnHolidays: boolean;
  /** A working-day post also opens on a make-up Saturday or Sunday. */
  opensOnMakeUpDays: boolean;
  /** Local days on which the post is closed regardless of its patterns. */
  closedDays?: string[];
}

/**
 * A period of leave or declared unavailability: either two local days (inclusive, in the
 * slot's zone) or two ISO instants (half-open `[from, to)`).
 */
export interface Absence {
  from: string;
  to: string;
  reason?: string;
}

export interface LawyerPreferences {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  desiredWeekdays?: number[];
  undesiredWeekdays?: number[];
  desiredDays?: string[];
  undesiredDays?: string[];
  desiredPosts?: string[];
  undesiredPosts?: string[];
  desiredDistricts?: string[];
  undesiredDistricts?: string[];
}

export type LawyerStatus = 'active' | 'suspended' | 'removed';

export interface Lawyer {
  id: string;
  name: string;
  firmId: string;
  status: LawyerStatus;
  /** Passed vetting (遴选) and still meets it. */
  eligible: boolean;
  qualifications: { kinds: PostKind[]; districts: string[] };
  leave?: Absence[];
  unavailable?: Absence[];
  maxPerWeek?: number;
  maxPerMonth?: number;
  preferences?: LawyerPreferences;
}

/** Public holidays and make-up working days (调休) by local day. */
export interface HolidayCalendar {
  holidays: Record<string, string>;
  makeUpDays: Record<string, string>;
}

export interface RuleSettings {
  minRestHours: number;
  maxPerWeek: number;
  maxPerMonth: number;
  /** A shift starting before this local time counts as early. */
  earlyStartsBefore: string;
  /** A shift ending after this local time counts as late. */
  lateEndsAfter: string;
  /** Duties by one lawyer at one post in one calendar month before variety suffers. */
  samePostPerMonth: number;
  /** Largest share of a post's monthly seats one firm should hold. */
  maxFirmShareAtPost: number;
  /** Swaps must be between lawyers of the same firm. */
  swapRequiresSameFirm: boolean;
  /** Soft-rule weights by rule name; missing names use the rule's default. */
  weights: Partial<Record<string, number>>;
}

export interface Period {
  /** First and last local day, inclusive. */
  from: string;
  to: string;
}

export interface Assignment {
  slotId: string;
  lawyerId: string;
  pinned?: boolean;
}

/** A one-off slot added by staff outside the patterns. */
export interface ExtraSlot {
  postId: string;
  day: string;
  start: string;
  end: string;
  lawyersNeeded?: number;
}

export interface RotaInstance {
  period: Period;
  posts: Post[];
  lawyers: Lawyer[];
  calendar: HolidayCalendar;
  rules?: Partial<RuleSettings>;
  pins?: Assignment[];
  extraSlots?: ExtraSlot[];
  seed: number;
}

/** One concrete occurrence of a shift at a post. */
export interface Slot {
  id: string;
  postId: string;
  /** Local day of the start, in the post's zone. */
  day: string;
  /** Local wall times as planned (`HH:mm`). */
  localStart: string;
  localEnd: string;
  /** Real instants (ISO UTC) after daylight-saving adjustment. */
  start: string;
  end: string;
  lawyersNeeded: number;
  holiday: boolean;
  makeUpDay: boolean;
  /** Saturday or Sunday that is not a make-up working day, or a public holiday. */
  weekendOrHoliday: boolean;
  early: boolean;
  late: boolean;
}

export interface Rota {
  period: Period;
  seed: number;
  slots: Slot[];
  assignments: Assignment[];
}
