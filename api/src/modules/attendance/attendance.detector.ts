import { randomUUID } from 'node:crypto';
import type { AttendanceState, LiveBoard, LiveBoardUpdate, LivePost } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { CheckinsService, DutyAttendance } from '../checkins/checkins.service';
import { boardDays } from '../liveboard/liveboard.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RotasService } from '../rotas/rotas.service';
import { dutyTimes, evaluateAttendance, nextTimeDrivenChange, timeDrivenChanges } from './attendance.rules';
import type { AttendanceService } from './attendance.service';

export const DETECTOR_LEASE = 'attendance-detector';
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
  /** The live board from the tick's states, to notice posts whose shifts moved on (or whose lawyers changed). */
  boardOf?(states: DutyAttendance[], now: Date): Promise<LiveBoard>;
  /** Announces such posts' new rows. */
  onPosts?(posts: LivePost[]): void;
  intervalMs?: number;
}

export interface TickResult {
  /** Whether every duty was evaluated (else only those with a change by time since the last tick). */
  full: boolean;
  evaluated: number;
  events: number;
  reminders: number;
  announced: number;
  reshaped: number;
  nextChangeAt: Date | null;
}

/** How often a tick evaluates every duty, re-reading all their check-ins. */
export const FULL_PASS_MS = 5 * 60_000;
/** Thresholds that make a span's only changes its start and end (reminders). */
const NO_WINDOW = { opensBeforeMin: 0, lateAfterMin: 0, absentAfterMin: 0, leftEarlyToleranceMin: 0, checkoutUntilAfterEndMin: 0 };

/** Ticks happen at least this far apart, however close together the duties' changes are. */
export const MIN_TICK_GAP_MS = 1000;
/** A tick aimed at a change runs this long after it, so the change has happened. */
const AFTER_CHANGE_MS = 500;

/** What a board row shows apart from states: which shifts, with which duties. */
function shapeOf(p: LivePost): string {
  const shift = (s: LivePost['current']) => (s ? `${s.slotId}:${s.lawyers.map((l) => l.dutyKey).join(',')}` : '-');
  return `${shift(p.current)}|${shift(p.next)}`;
}

/** How long to wait before the next tick: until just after the next change, within bounds. */
export function delayUntil(nextChange: Date | null, now: Date, intervalMs: number): number {
  if (!nextChange) return intervalMs;
  return Math.min(intervalMs, Math.max(MIN_TICK_GAP_MS, nextChange.getTime() - now.getTime() + AFTER_CHANGE_MS));
}

/**
 * Every ~30 s, and just after each moment a duty's state changes by time (check-in opens, late,
 * absent, the end): records late/absent/left-early events, announces lawyers who became due,
 * late or absent on the live board, pushes the rows of posts whose shifts moved on, and reminds
 * lawyers 30 minutes before a duty. Only the holder of a named lease in the database runs a
 * tick, so with several API processes each tick runs once.
 */
export function createAttendanceDetector(deps: DetectorDeps) {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const intervalMs = deps.intervalMs ?? 30_000;
  const leaseMs = intervalMs * 3;
  const lastState = new Map<string, AttendanceState>();
  const lastShape = new Map<string, string>();
  let lastTickAt: Date | null = null;
  let lastFullAt: Date | null = null;
  let nextDelay = intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function remind(duties: Duty[]): Promise<number> {
    return deps.notifications.notify(
      duties.map((d) => ({
        lawyerId: d.lawyerId,
        kind: 'duty_reminder',
        key: 'notifications.dutyReminder',
        params: { post: d.postName, day: d.day, start: d.localStart, end: d.localEnd },
        text: `值班提醒：${d.day} ${d.localStart}–${d.localEnd} 在${d.postName}值班，请按时到岗签到。`,
        dedupeKey: `duty-reminder:${d.rotaId}:${d.slotId}:${d.lawyerId}`,
      })),
    );
  }

  /**
   * One pass over the duties of yesterday, today and tomorrow (UTC days cover every zone). A full
   * pass (the first, then every FULL_PASS_MS) reads every duty's check-ins and re-records any event
   * a crash may have lost; the ticks between only look at duties with a change by time since the
   * last tick, so they cost next to nothing while lawyers are checking in.
   */
  async function tick(now = deps.clock.now()): Promise<TickResult> {
    const duties = await deps.rotas.duties(boardDays(now));
    const full = lastTickAt === null || lastFullAt === null || now.getTime() - lastFullAt.getTime() >= FULL_PASS_MS || now < lastTickAt;
    const since = full ? null : lastTickAt!;
    const blank = await deps.checkins.attendanceOf(duties, now, { marks: false });
    const changed = full ? duties : blank.filter((a) => timeDrivenChanges(dutyTimes(a.duty), a.settings).some((t) => t > since! && t <= now)).map((a) => a.duty);
    let events = 0;
    let announced = 0;
    for (const a of await deps.checkins.attendanceOf(changed, now)) {
      const evaluation = evaluateAttendance(dutyTimes(a.duty), a.settings, a, now);
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
    const reminders = await remind(
      duties.filter((d) => {
        const start = new Date(d.start).getTime();
        const remindAt = start - REMINDER_BEFORE_MS;
        return start > now.getTime() && remindAt <= now.getTime() && (since === null || remindAt > since.getTime());
      }),
    );
    const reshaped = await pushMovedPosts(blank, now);
    const nextChangeAt = nextTimeDrivenChange(
      blank.flatMap((a) => [
        { duty: dutyTimes(a.duty), settings: a.settings },
        // The reminder, as a moment of its own.
        { duty: { start: new Date(new Date(a.duty.start).getTime() - REMINDER_BEFORE_MS), end: new Date(a.duty.start) }, settings: NO_WINDOW },
      ]),
      now,
    );
    lastTickAt = now;
    if (full) lastFullAt = now;
    nextDelay = delayUntil(nextChangeAt, deps.clock.now(), intervalMs);
    return { full, evaluated: changed.length, events, reminders, announced, reshaped, nextChangeAt };
  }

  /**
   * Pushes the rows of posts whose current or next shift is not what it was last tick. Which
   * shifts a row shows depends on time alone, so it is found without reading check-ins; only the
   * rows pushed are filled with their lawyers' states.
   */
  async function pushMovedPosts(blank: DutyAttendance[], now: Date): Promise<number> {
    if (!deps.boardOf || !deps.onPosts) return 0;
    const movedIds = new Set<string>();
    for (const post of (await deps.boardOf(blank, now)).posts) {
      const shape = shapeOf(post);
      const before = lastShape.get(post.postId);
      lastShape.set(post.postId, shape);
      if (before !== undefined && before !== shape) movedIds.add(post.postId);
    }
    if (movedIds.size === 0) return 0;
    const states = await deps.checkins.attendanceOf(
      blank.filter((a) => movedIds.has(a.duty.postId)).map((a) => a.duty),
      now,
    );
    deps.onPosts((await deps.boardOf(states, now)).posts.filter((p) => movedIds.has(p.postId)));
    return movedIds.size;
  }

  /** Runs a tick if this process holds (or takes) the lease; false when another process does. */
  async function runIfLeader(): Promise<boolean> {
    const now = deps.clock.now();
    if (!(await deps.lease.acquire(DETECTOR_LEASE, owner, now, leaseMs))) {
      lastState.clear();
      lastShape.clear();
      lastTickAt = null;
      lastFullAt = null;
      nextDelay = intervalMs;
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
          if (timer) schedule(nextDelay);
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
