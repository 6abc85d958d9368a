import type { CheckinKind, CheckinRecord } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import { dutyTimes } from '../attendance/attendance.port';
import type { StoredCheckin } from './checkins.repository';

/** A stored check-in as the lawyer sees it, with its duty's post and times. */
export function checkinRecord(c: StoredCheckin, duty: Duty): CheckinRecord {
  return {
    id: c.id,
    dutyKey: c.dutyKey,
    kind: c.kind,
    at: c.at.toISOString(),
    postId: c.postId,
    postCode: duty.postCode,
    postName: duty.postName,
    slotId: c.slotId,
    localStart: duty.localStart,
    localEnd: duty.localEnd,
    day: c.day,
    distanceM: c.distanceM,
    accuracyM: c.location?.accuracyM ?? null,
    countersigned: c.countersigned,
  };
}

/** How many minutes a check-in came after the duty's start, or a check-out before its end (0 when on time). */
export function minutesOff(kind: CheckinKind, at: Date, duty: Duty): number {
  const t = dutyTimes(duty);
  return kind === 'in' ? Math.max(0, Math.ceil((at.getTime() - t.start.getTime()) / 60_000)) : Math.max(0, Math.ceil((t.end.getTime() - at.getTime()) / 60_000));
}
