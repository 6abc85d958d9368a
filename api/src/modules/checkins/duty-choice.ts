import type { CheckinBody } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import { AppError } from '../../lib/errors';
import { checkinOpen, checkinWindow, checkoutOpen, dutyTimes, evaluateAttendance } from '../attendance/attendance.port';
import { dutyKeyOf } from '../attendance/attendance.service';
import { postSettings } from './checkin-settings';
import type { DutyAttendance, DutyStates } from './duty-states';

/**
 * The duties to choose from, with their state. Checking in with exactly one duty open needs no
 * reads of earlier check-ins: the check-in's primary key refuses a second one for that duty.
 */
export async function choices(kind: CheckinBody['kind'], duties: Duty[], now: Date, attendanceOf: DutyStates['attendanceOf']): Promise<DutyAttendance[]> {
  if (kind === 'in') {
    const settingsOfPost = await postSettings();
    const open = duties.filter((d) => checkinOpen(dutyTimes(d), settingsOfPost(d.postId), now));
    if (open.length === 1) {
      const duty = open[0]!;
      const settings = settingsOfPost(duty.postId);
      const state = evaluateAttendance(dutyTimes(duty), settings, { inAt: null, outAt: null }, now).state;
      return [{ duty, dutyKey: dutyKeyOf(duty), state, inAt: null, outAt: null, settings }];
    }
  }
  return attendanceOf(duties, now);
}

/** The duty a check-in (or check-out) at `now` is for, or why there is none. */
export function chooseDuty(kind: CheckinBody['kind'], states: DutyAttendance[], now: Date): DutyAttendance {
  if (kind === 'in') {
    const open = states.filter((a) => checkinOpen(dutyTimes(a.duty), a.settings, now));
    if (open.length === 0) throw new AppError('no_duty_now', 'You have no duty at this post whose check-in is open now', 409);
    const todo = open.find((a) => !a.inAt);
    if (!todo) throw new AppError('already_checked_in', 'You have already checked in for this duty', 409);
    return todo;
  }
  const open = states.filter((a) => a.inAt && checkoutOpen(dutyTimes(a.duty), a.settings, a, now));
  const todo = open.find((a) => !a.outAt);
  if (todo) return todo;
  if (open.length > 0) throw new AppError('already_checked_out', 'You have already checked out of this duty', 409);
  if (states.some((a) => !a.inAt && now >= checkinWindow(dutyTimes(a.duty), a.settings).opensAt && now <= new Date(a.duty.end))) {
    throw new AppError('not_checked_in', 'Check in before checking out', 409);
  }
  throw new AppError('no_duty_now', 'You have no duty at this post to check out of now', 409);
}
