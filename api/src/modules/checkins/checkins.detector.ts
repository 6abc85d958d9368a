import { randomUUID } from 'node:crypto';
import type { AttendanceState, LiveBoardUpdate } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import { evaluateAttendance } from '../attendance/attendance.rules';
import type { AttendanceService } from '../attendance/attendance.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RotasService } from '../rotas/rotas.service';
import { localDay, type CheckinsService } from './checkins.service';

export const DETECTOR_LEASE = 'attendance-detector';
const DAY_MS = 86_400_000;
const REMINDER_BEFORE_MS = 30 * 60_000;
/** States the passing of time brings about (check-ins announce the others themselves). */
const TIME_DRIVEN: ReadonlySet<AttendanceState> = new Set(['due', 'late', 'absent']);

export interface DetectorDeps {
  clock: Clock;
  logger?: Logger;
  checkins: Pick<CheckinsService, 'attendanceOf'>;
  attendance: AttendanceService;
  notifications: Pick<NotificationsService, 'notify'>;
  rotas: Pick<RotasService, 'duties'>;
  lease: {
    acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
    release(name: string, owner: string): Promise<void>;
  };
  onUpdate?(update: LiveBoardUpdate): void;
  intervalMs?: number;
}

/**
 * Every ~30 s: records late/absent/left-early events, announces late and absent lawyers on the
 * live board, and reminds lawyers 30 minutes before a duty. Only the holder of a named lease in
 * the database runs a tick, so with several API processes each tick runs once.
 */
export function createAttendanceDetector(deps: DetectorDeps) {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const intervalMs = deps.intervalMs ?? 30_000;
  const leaseMs = intervalMs * 3;
  const lastState = new Map<string, AttendanceState>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function remind(duties: Duty[], now: Date): Promise<number> {
    const soon = duties.filter((d) => {
      const start = new Date(d.start).getTime();
      return start > now.getTime() && start <= now.getTime() + REMINDER_BEFORE_MS;
    });
    return deps.notifications.notify(
      soon.map((d) => ({
        lawyerId: d.lawyerId,
        kind: 'duty_reminder',
        key: 'notifications.dutyReminder',
        params: { post: d.postName, day: d.day, start: d.localStart, end: d.localEnd },
        text: `值班提醒：${d.day} ${d.localStart}–${d.localEnd} 在${d.postName}值班，请按时到岗签到。`,
        dedupeKey: `duty-reminder:${d.rotaId}:${d.slotId}:${d.lawyerId}`,
      })),
    );
  }

  /** One pass over the duties of yesterday, today and tomorrow (UTC days cover every zone). */
  async function tick(now = deps.clock.now()): Promise<{ events: number; reminders: number; announced: number }> {
    const duties = await deps.rotas.duties({ from: localDay('UTC', new Date(now.getTime() - DAY_MS)), to: localDay('UTC', new Date(now.getTime() + DAY_MS)) });
    let events = 0;
    let announced = 0;
    for (const a of await deps.checkins.attendanceOf(duties, now)) {
      const evaluation = evaluateAttendance({ start: new Date(a.duty.start), end: new Date(a.duty.end) }, a.settings, a, now);
      events += await deps.attendance.record(a.duty, evaluation.events);
      const before = lastState.get(a.dutyKey);
      lastState.set(a.dutyKey, a.state);
      if (before !== undefined && before !== a.state && TIME_DRIVEN.has(a.state)) {
        announced++;
        deps.onUpdate?.({
          postId: a.duty.postId,
          slotId: a.duty.slotId,
          dutyKey: a.dutyKey,
          lawyerId: a.duty.lawyerId,
          state: a.state,
          checkedInAt: a.inAt ? a.inAt.toISOString() : null,
          checkedOutAt: a.outAt ? a.outAt.toISOString() : null,
          cause: 'detector',
          at: now.toISOString(),
        });
      }
    }
    const reminders = await remind(duties, now);
    return { events, reminders, announced };
  }

  /** Runs a tick if this process holds (or takes) the lease; false when another process does. */
  async function runIfLeader(): Promise<boolean> {
    const now = deps.clock.now();
    if (!(await deps.lease.acquire(DETECTOR_LEASE, owner, now, leaseMs))) {
      lastState.clear();
      return false;
    }
    await tick(now);
    return true;
  }

  function schedule(delay: number) {
    timer = setTimeout(() => {
      running = runIfLeader()
        .catch((err: unknown) => deps.logger?.error({ err }, 'attendance detector tick failed'))
        .finally(() => {
          if (timer) schedule(intervalMs);
        });
    }, delay);
    timer.unref?.();
  }

  return {
    owner,
    tick,
    runIfLeader,
    start() {
      if (!timer) schedule(1000);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
      await deps.lease.release(DETECTOR_LEASE, owner).catch(() => undefined);
    },
  };
}

export type AttendanceDetector = ReturnType<typeof createAttendanceDetector>;
