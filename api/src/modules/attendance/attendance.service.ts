import type { AttendanceEventsQuery } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { DisciplinePort } from '../discipline/discipline.port';
import type { RuleEvent } from './attendance.rules';
import { deleteEvent, findEvents, insertEvents } from './attendance.repository';

/** One duty of one lawyer: a rota slot in its current version. */
export function dutyKeyOf(d: Pick<Duty, 'rotaId' | 'slotId' | 'lawyerId'>): string {
  return `${d.rotaId}:${d.slotId}:${d.lawyerId}`;
}

/** The day of a duty from its key (slot ids carry their day: `<postId>:<YYYY-MM-DD>:…`). */
export function dayOfDutyKey(dutyKey: string): string {
  const day = /(?:^|:)(\d{4}-\d{2}-\d{2})(?=:|$)/.exec(dutyKey)?.[1];
  if (!day) throw new Error(`no day in duty key ${dutyKey}`);
  return day;
}

const EVENT_ZH: Record<RuleEvent['type'], string> = { late: '迟到', absent: '缺岗', left_early: '早退' };

/** What the detector saw, in the centre's words (the violation's description). */
function describeEvent(duty: Duty, e: RuleEvent): string {
  const what = e.type === 'absent' ? `开始${e.minutes}分钟后仍未签到` : e.type === 'late' ? `迟到${e.minutes}分钟` : `提前${e.minutes}分钟签退`;
  return `${EVENT_ZH[e.type]}：${duty.postName} ${duty.day} ${duty.localStart}–${duty.localEnd}，${what}（签到系统自动记录）`;
}

/**
 * Attendance events (late, absent, left early): facts the rules found, one per duty and type,
 * which discipline turns into proposed violations.
 */
export function createAttendanceService(deps: { clock: Clock; logger?: Logger; discipline?: Pick<DisciplinePort, 'propose'> }) {
  /**
   * Stores the rules' events of a duty and proposes each as a violation for staff to decide;
   * repeating is harmless (both are keyed by the event), and a repeat finishes a proposal a crash
   * may have lost. Returns how many events were new.
   */
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
    const port = deps.discipline;
    if (port) {
      for (const e of events) {
        const eventKey = `${dutyKey}:${e.type}`;
        // A failed proposal must not stop the detector's tick; the next full pass proposes it again.
        await port.propose({
          sourceKey: `attendance:${eventKey}`,
          lawyerId: duty.lawyerId,
          type: e.type,
          occurredAt: e.at,
          dutyKey,
          description: describeEvent(duty, e),
          evidence: [{ kind: 'attendance_event', eventKey }],
        }).catch((err: unknown) => deps.logger?.error({ err, eventKey }, 'proposing an attendance violation failed; retried on the next full pass'));
      }
    }
    return fresh.length;
  }

  /** Withdraws the "left early" event a check-out at `at` recorded (the check-out was undone); false when there was none. */
  function withdrawLeftEarly(dutyKey: string, at: Date): Promise<boolean> {
    return deleteEvent(`${dutyKey}:left_early`, at);
  }

  return { record, withdrawLeftEarly, events: (q: AttendanceEventsQuery) => findEvents(q) };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
