import { createHash } from 'node:crypto';
import type { CheckinBody, CheckinResult } from '../../contracts/checkins';
import { AppError } from '../../lib/errors';
import { dutyKeyOf } from '../attendance/attendance.service';
import type { RotasService } from '../rotas/rotas.service';
import { checkinRecord, minutesOff } from './checkin-result';
import { findByIdempotencyKey, type StoredCheckin } from './checkins.repository';
import type { DutyStates } from './duty-states';

/** What makes two check-in requests the same one (besides their idempotency key). */
export const requestHashOf = (b: CheckinBody) =>
  createHash('sha256').update(JSON.stringify([b.kind, b.code ?? null, b.postCode ?? null, b.shortCode ?? null])).digest('hex');

export interface CheckinReplayDeps {
  rotas: Pick<RotasService, 'duties'>;
  attendanceOf: DutyStates['attendanceOf'];
}

/** Retries of a check-in request: the same idempotency key answers the first result again. */
export function createCheckinReplay(deps: CheckinReplayDeps) {
  /** The answer for a stored check-in: its duty's state and how far off time it was. */
  async function resultOf(c: StoredCheckin, replayed: boolean): Promise<CheckinResult> {
    const duties = await deps.rotas.duties({ from: c.day, to: c.day, lawyerId: c.lawyerId, postId: c.postId });
    const duty = duties.find((d) => dutyKeyOf(d) === c.dutyKey);
    if (!duty) throw new AppError('duty_not_found', 'The duty of this check-in is no longer on the rota', 404);
    const [att] = await deps.attendanceOf([duty]);
    return { checkin: checkinRecord(c, duty), state: att!.state, minutesOff: minutesOff(c.kind, c.at, duty), replayed };
  }

  /** The first result of this request when it was stored before (`thorough`: also while its key is being recorded), else null. */
  async function replay(lawyerId: string, body: CheckinBody, thorough = false): Promise<CheckinResult | null> {
    const first = await findByIdempotencyKey(lawyerId, body.idempotencyKey, thorough);
    if (!first) return null;
    // A retry repeats the same request; the same key with another post's code, a garbage code or the other kind is not one.
    if (first.kind !== body.kind || (first.requestHash && first.requestHash !== requestHashOf(body))) {
      throw new AppError('idempotency_key_reused', 'This request key was already used for another request', 409);
    }
    return resultOf(first, true);
  }

  return { replay };
}

export type CheckinReplay = ReturnType<typeof createCheckinReplay>;
