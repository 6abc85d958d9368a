import type { CheckinBody, CheckinResult, LiveBoardUpdate } from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import { dutyTimes, evaluateAttendance, type Marks } from '../attendance/attendance.port';
import type { AttendanceService } from '../attendance/attendance.service';
import type { LawyerStanding } from '../lawyers/lawyers.port';
import type { RotasService } from '../rotas/rotas.service';
import { verifyPayload, verifyShortCode, type CodeCheck } from './checkin-codes';
import { requestHashOf, type CheckinReplay } from './checkin-replay';
import { checkinRecord, minutesOff } from './checkin-result';
import { insertCheckin, recordRequestKey } from './checkins.repository';
import { checkCountersign } from './countersign';
import { choices, chooseDuty } from './duty-choice';
import type { DutyAttendance, DutyStates } from './duty-states';
import { checkLocation } from './geofence';

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface CheckInDeps {
  clock: Clock;
  attendance: Pick<AttendanceService, 'record'>;
  rotas: Pick<RotasService, 'duties'>;
  postsByIds(ids: string[]): Promise<Post[]>;
  postByCode(code: string): Promise<Post | null>;
  secret(): Promise<string>;
  onUpdate?(update: LiveBoardUpdate): void;
  attendanceOf: DutyStates['attendanceOf'];
  replay: CheckinReplay['replay'];
  standing: Pick<LawyerStanding, 'assertMayCheckIn'>;
}

/**
 * The check-in (or check-out) itself: the post from its code, the duty it is for, the location
 * and countersign the post requires, then one insert whose unique keys settle races and retries.
 */
export function createCheckIn(deps: CheckInDeps) {
  const { clock } = deps;

  async function resolveCode(body: CheckinBody, now: Date, secret: string): Promise<{ post: Post; window: number }> {
    let check: CodeCheck;
    let post: Post | null;
    if (body.code) {
      check = verifyPayload(secret, body.code, now);
      post = check.ok ? ((await deps.postsByIds([check.postId]))[0] ?? null) : null;
      if (check.ok && body.postCode && post && post.code !== body.postCode) check = { ok: false, reason: 'code_invalid' };
    } else {
      post = await deps.postByCode(body.postCode!);
      check = post ? verifyShortCode(secret, post.id, body.shortCode!, now) : { ok: false, reason: 'code_invalid' };
    }
    if (!check.ok) {
      throw check.reason === 'code_expired'
        ? new AppError('code_expired', 'This code has expired: scan the code on the screen now', 400)
        : new AppError('code_invalid', 'This is not a valid check-in code for the post', 400);
    }
    if (!post || !post.active) throw new AppError('code_invalid', 'This is not a valid check-in code for the post', 400);
    return { post, window: check.window };
  }

  /** Checks a lawyer in or out at a post; a retry with the same key answers the first result. */
  async function checkIn(actor: Actor, body: CheckinBody): Promise<CheckinResult> {
    const lawyerId = actor.lawyerId;
    if (!lawyerId) throw new AppError('not_a_lawyer', 'This account is not linked to a lawyer', 403);
    try {
      return await checkInOnce(actor, lawyerId, body);
    } catch (err) {
      // A retry of a stored request answers the stored result, even when its code has expired since.
      if (err instanceof AppError && err.status < 500) {
        const earlier = await deps.replay(lawyerId, body);
        if (earlier) return earlier;
      }
      throw err;
    }
  }

  async function checkInOnce(actor: Actor, lawyerId: string, body: CheckinBody): Promise<CheckinResult> {
    if (body.kind === 'in') await deps.standing.assertMayCheckIn(lawyerId);
    const now = clock.now();
    const secret = await deps.secret();
    const { post, window } = await resolveCode(body, now, secret);
    const today = localDay(post.timeZone, now);
    const duties = await deps.rotas.duties({ from: localDay(post.timeZone, new Date(now.getTime() - DAY_MS)), to: today, lawyerId, postId: post.id });
    let chosen: DutyAttendance;
    try {
      chosen = chooseDuty(body.kind, await choices(body.kind, duties, now, deps.attendanceOf), now);
    } catch (err) {
      // The same request may have been stored meanwhile by a concurrent retry: answer that one.
      if (err instanceof AppError && err.code.startsWith('already_checked')) {
        const again = await deps.replay(lawyerId, body, true);
        if (again) return again;
      }
      throw err;
    }
    const distanceM = checkLocation(post, chosen.settings, body.location);
    const countersign = body.kind === 'in' && chosen.settings.requireCountersign;
    if (countersign) await checkCountersign(lawyerId, post, today, body.countersignPin, secret);

    const duty = chosen.duty;
    const stored = await insertCheckin({
      dutyKey: chosen.dutyKey,
      kind: body.kind,
      lawyerId,
      userId: actor.userId,
      idempotencyKey: body.idempotencyKey,
      requestHash: requestHashOf(body),
      postId: post.id,
      rotaId: duty.rotaId,
      slotId: duty.slotId,
      day: duty.day,
      at: now,
      location: body.location ?? null,
      distanceM,
      countersigned: countersign,
      codeWindow: window,
    });
    if (!stored) {
      // A unique index refused it: the same request raced in first, or the duty already has one.
      const again = await deps.replay(lawyerId, body, true);
      if (again) return again;
      throw body.kind === 'in'
        ? new AppError('already_checked_in', 'You have already checked in for this duty', 409)
        : new AppError('already_checked_out', 'You have already checked out of this duty', 409);
    }
    const marks: Marks = { inAt: body.kind === 'in' ? now : chosen.inAt, outAt: body.kind === 'out' ? now : null };
    const evaluation = evaluateAttendance(dutyTimes(duty), chosen.settings, marks, now);
    deps.onUpdate?.({
      postId: duty.postId,
      slotId: duty.slotId,
      dutyKey: chosen.dutyKey,
      lawyerId,
      state: evaluation.state,
      checkedInAt: iso(marks.inAt),
      checkedOutAt: iso(marks.outAt),
      cause: body.kind === 'in' ? 'checkin' : 'checkout',
      at: now.toISOString(),
    });
    await recordRequestKey(stored);
    // The detector's full passes re-evaluate every recent duty, so an event missed here is recorded later.
    await deps.attendance.record(duty, evaluation.events);
    return { checkin: checkinRecord(stored, duty), state: evaluation.state, minutesOff: minutesOff(body.kind, now, duty), replayed: false };
  }

  return { checkIn };
}
