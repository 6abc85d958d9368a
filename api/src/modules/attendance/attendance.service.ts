import type { AttendanceEventsQuery } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import type { Clock } from '../../lib/clock';
import type { RuleEvent } from './attendance.rules';
import { findEvents, insertEvents } from './attendance.repository';

/** One duty of one lawyer: a rota slot in its current version. */
export function dutyKeyOf(d: Pick<Duty, 'rotaId' | 'slotId' | 'lawyerId'>): string {
  return `${d.rotaId}:${d.slotId}:${d.lawyerId}`;
}

/**
 * Attendance events (late, absent, left early): facts the rules found, one per duty and type,
 * which discipline turns into proposed violations.
 */
export function createAttendanceService(deps: { clock: Clock }) {
  /** Stores the rules' events of a duty; repeating is harmless. Returns how many were new. */
  async function record(duty: Duty, events: RuleEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const dutyKey = dutyKeyOf(duty);
    const fresh = await insertEvents(
      events.map((e) => ({
        key: `${dutyKey}:${e.type}`,
        type: e.type,
        dutyKey,
        lawyerId: duty.lawyerId,
        postId: duty.postId,
        rotaId: duty.rotaId,
        slotId: duty.slotId,
        day: duty.day,
        at: e.at,
        minutes: e.minutes,
        createdAt: deps.clock.now(),
      })),
    );
    return fresh.length;
  }

  return { record, events: (q: AttendanceEventsQuery) => findEvents(q) };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
