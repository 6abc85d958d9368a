import type { AttendanceEventType, AttendanceState } from '../../contracts/checkins';

/** A post's attendance thresholds, in minutes. */
export interface Thresholds {
  opensBeforeMin: number;
  lateAfterMin: number;
  absentAfterMin: number;
  leftEarlyToleranceMin: number;
  checkoutUntilAfterEndMin: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  opensBeforeMin: 30,
  lateAfterMin: 10,
  absentAfterMin: 60,
  leftEarlyToleranceMin: 5,
  checkoutUntilAfterEndMin: 180,
};

export interface DutyTimes {
  start: Date;
  end: Date;
}

/** A duty's start and end (ISO instants, as duties carry them) as dates. */
export function dutyTimes(d: { start: string; end: string }): DutyTimes {
  return { start: new Date(d.start), end: new Date(d.end) };
}

/** The duty's check-in and check-out, when made. */
export interface Marks {
  inAt: Date | null;
  outAt: Date | null;
}

export interface RuleEvent {
  type: AttendanceEventType;
  at: Date;
  minutes: number;
}

const MIN = 60_000;
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);
const minutesBetween = (from: Date, to: Date) => Math.ceil((to.getTime() - from.getTime()) / MIN);

/** Check-in is possible from `opensBeforeMin` before the start until the absent cut-off. */
export function checkinWindow(duty: DutyTimes, t: Thresholds): { opensAt: Date; closesAt: Date } {
  return { opensAt: plus(duty.start, -t.opensBeforeMin), closesAt: plus(duty.start, t.absentAfterMin) };
}

export function checkinOpen(duty: DutyTimes, t: Thresholds, now: Date): boolean {
  const w = checkinWindow(duty, t);
  return now >= w.opensAt && now < w.closesAt;
}

/** Check-out is possible once checked in, until `checkoutUntilAfterEndMin` after the end. */
export function checkoutOpen(duty: DutyTimes, t: Thresholds, marks: Marks, now: Date): boolean {
  return marks.inAt !== null && now <= plus(duty.end, t.checkoutUntilAfterEndMin);
}

/** Late: checked in after the grace period (on the grace minute itself is on time). */
export function lateRule(duty: DutyTimes, t: Thresholds, marks: Marks): RuleEvent | null {
  if (!marks.inAt || marks.inAt <= plus(duty.start, t.lateAfterMin)) return null;
  return { type: 'late', at: marks.inAt, minutes: minutesBetween(duty.start, marks.inAt) };
}

/** Absent: nobody checked in by the cut-off, once the cut-off has passed. */
export function absentRule(duty: DutyTimes, t: Thresholds, marks: Marks, now: Date): RuleEvent | null {
  const cutoff = plus(duty.start, t.absentAfterMin);
  if (now < cutoff || (marks.inAt && marks.inAt < cutoff)) return null;
  return { type: 'absent', at: cutoff, minutes: t.absentAfterMin };
}

/** Left early: checked out before the end minus the tolerance. */
export function leftEarlyRule(duty: DutyTimes, t: Thresholds, marks: Marks): RuleEvent | null {
  if (!marks.outAt || marks.outAt >= plus(duty.end, -t.leftEarlyToleranceMin)) return null;
  return { type: 'left_early', at: marks.outAt, minutes: minutesBetween(marks.outAt, duty.end) };
}

/** Where a duty stands at `now`, given its check-in and check-out. */
export function attendanceState(duty: DutyTimes, t: Thresholds, marks: Marks, now: Date): AttendanceState {
  if (marks.outAt) return leftEarlyRule(duty, t, marks) ? 'left_early' : 'checked_out';
  if (marks.inAt) return lateRule(duty, t, marks) ? 'late' : 'checked_in';
  if (absentRule(duty, t, marks, now)) return 'absent';
  if (now > plus(duty.start, t.lateAfterMin)) return 'late';
  return now >= checkinWindow(duty, t).opensAt ? 'due' : 'not_yet_due';
}

/** State and the attendance events the rules produce; both are the same whenever re-evaluated. */
export function evaluateAttendance(duty: DutyTimes, t: Thresholds, marks: Marks, now: Date): { state: AttendanceState; events: RuleEvent[] } {
  const events = [lateRule(duty, t, marks), absentRule(duty, t, marks, now), leftEarlyRule(duty, t, marks)].filter((e): e is RuleEvent => e !== null);
  return { state: attendanceState(duty, t, marks, now), events };
}

/**
 * The moments a duty's state can change by time alone (check-in opens, late, absent, the end,
 * which moves the live board on to the next shift). Check-ins change it too, but announce it.
 */
export function timeDrivenChanges(duty: DutyTimes, t: Thresholds): Date[] {
  return [checkinWindow(duty, t).opensAt, plus(duty.start, t.lateAfterMin), plus(duty.start, t.absentAfterMin), duty.end];
}

/** The first of the duties' time-driven changes after `now`, if any. */
export function nextTimeDrivenChange(duties: { duty: DutyTimes; settings: Thresholds }[], now: Date): Date | null {
  let next: Date | null = null;
  for (const { duty, settings } of duties) {
    for (const at of timeDrivenChanges(duty, settings)) if (at > now && (!next || at < next)) next = at;
  }
  return next;
}
