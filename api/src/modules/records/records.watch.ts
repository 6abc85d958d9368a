import { randomUUID } from 'node:crypto';
import { RECORD_KIND_LABELS } from '../../contracts/records';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { CheckinsService } from '../checkins/checkins.service';
import type { DisciplinePort } from '../discipline/discipline.port';
import type { NotificationsService, NewNotification } from '../notifications/notifications.service';
import type { RotasService } from '../rotas/rotas.service';
import { attendanceByKey } from './attendance-batches';
import { countDeadline } from './records.counters';
import { findMarks, findOpenDeadlines, markMissed, markReminded, setMarkFlag } from './records.repository';
import { dueSoonMs, type RecordsService } from './records.service';
import { addDays, startOfDay, today } from './records.time';

export const RECORDS_WATCH_LEASE = 'records-watch';
const HOUR_MS = 3_600_000;
const CLOCK_LABELS = { aid_forward: '法律援助申请转交', file_read: '阅卷', opinion: '提交书面法律意见' } as const;

export interface RecordsWatchDeps {
  clock: Clock;
  logger?: Logger;
  records: Pick<RecordsService, 'settings'>;
  rotas: Pick<RotasService, 'duties'>;
  checkins: Pick<CheckinsService, 'attendanceOf'>;
  notifications: Pick<NotificationsService, 'notify'>;
  discipline: DisciplinePort;
  lease: {
    acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
    release(name: string, owner: string): Promise<void>;
  };
  intervalMs?: number;
}

export interface WatchResult {
  reminded: number;
  missed: number;
  told: number;
  proposed: number;
}

/**
 * Every few minutes, under a lease so that one process does it: reminds lawyers of clocks due
 * soon or overdue (aid applications, fast-track cases) and counts missed ones; tells a lawyer whose
 * duty has a check-in but no record by the end of the next day, and after the grace period
 * proposes a `missing_record` violation. Each step is idempotent, so a crash only delays it.
 */
export function createRecordsWatch(deps: RecordsWatchDeps) {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const intervalMs = deps.intervalMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function watchDeadlines(now: Date): Promise<{ reminded: number; missed: number }> {
    const notes: NewNotification[] = [];
    let missed = 0;
    for (const d of await findOpenDeadlines()) {
      const what = CLOCK_LABELS[d.kind];
      const params = { what, subject: d.subject, due: d.dueAt.toISOString() };
      if (now > d.dueAt) {
        if (await markMissed(d._id)) {
          missed++;
          await countDeadline(d, 'missed');
        }
        if (await markReminded(d._id, 'remindedOverdueAt', now)) {
          notes.push({ lawyerId: d.lawyerId, kind: 'deadline_overdue', key: 'notifications.deadlineOverdue', params, text: `已超期：${d.subject} ${what}`, dedupeKey: `deadline:${d._id}:overdue` });
        }
      } else if (d.dueAt.getTime() - now.getTime() <= dueSoonMs(d) && (await markReminded(d._id, 'remindedSoonAt', now))) {
        notes.push({ lawyerId: d.lawyerId, kind: 'deadline_due_soon', key: 'notifications.deadlineDueSoon', params, text: `即将到期：${d.subject} ${what}`, dedupeKey: `deadline:${d._id}:soon` });
      }
    }
    return { reminded: await deps.notifications.notify(notes), missed };
  }

  /** Duties that ended with a check-in but no record, from the days the grace period still reaches. */
  async function watchMissingRecords(now: Date): Promise<{ told: number; proposed: number }> {
    const graceMs = (await deps.records.settings()).missingRecordGraceHours * HOUR_MS;
    const t = today(now);
    const from = addDays(t, -(2 + Math.ceil(graceMs / (24 * HOUR_MS)) + 2));
    const duties = (await deps.rotas.duties({ from, to: addDays(t, -1) })).filter((d) => startOfDay(addDays(d.day, 2)) <= now);
    if (duties.length === 0) return { told: 0, proposed: 0 };
    const attended = (await attendanceByKey(deps.checkins, duties, now)).filter((a) => a.inAt !== null);
    const marks = await findMarks(attended.map((a) => a.dutyKey));
    let told = 0;
    let proposed = 0;
    for (const a of attended) {
      const mark = marks.get(a.dutyKey);
      if (mark && mark.recordIds.length > 0) continue;
      const d = a.duty;
      const dueAt = startOfDay(addDays(d.day, 2));
      if (!mark?.toldAt && (await setMarkFlag(a.dutyKey, d.lawyerId, d.day, 'toldAt', now))) {
        told += await deps.notifications.notify([
          {
            lawyerId: d.lawyerId,
            kind: 'record_missing',
            key: 'notifications.recordMissing',
            params: { post: d.postName, day: d.day, start: d.localStart, end: d.localEnd },
            text: `${d.day} ${d.localStart}–${d.localEnd} 在${d.postName}的值班尚无台账记录（如${RECORD_KIND_LABELS.consultation}），请尽快补录。`,
            dedupeKey: `records:missing:${a.dutyKey}`,
          },
        ]);
      }
      if (!mark?.proposedAt && now.getTime() >= dueAt.getTime() + graceMs) {
        // Proposed first, flagged after: the source key makes a repeat after a crash harmless.
        await deps.discipline.propose({
          sourceKey: `records:missing:${a.dutyKey}`,
          lawyerId: d.lawyerId,
          type: 'missing_record',
          occurredAt: dueAt,
          dutyKey: a.dutyKey,
          description: `${d.day} ${d.localStart}–${d.localEnd} 在${d.postName}值班已签到，但截至次日结束及宽限期满仍无值班台账记录。`,
          evidence: [{ kind: 'duty_record_missing', dutyKey: a.dutyKey }],
        });
        if (await setMarkFlag(a.dutyKey, d.lawyerId, d.day, 'proposedAt', now)) proposed++;
      }
    }
    return { told, proposed };
  }

  async function tick(now = deps.clock.now()): Promise<WatchResult> {
    const clocks = await watchDeadlines(now);
    const missing = await watchMissingRecords(now);
    return { ...clocks, ...missing };
  }

  async function runIfLeader(): Promise<boolean> {
    const now = deps.clock.now();
    if (!(await deps.lease.acquire(RECORDS_WATCH_LEASE, owner, now, intervalMs * 3))) return false;
    await tick(now);
    return true;
  }

  function schedule(delay: number) {
    timer = setTimeout(() => {
      running = runIfLeader()
        .catch((err: unknown) => deps.logger?.error({ err }, 'records watch tick failed'))
        .finally(() => {
          if (timer) schedule(intervalMs);
        });
    }, delay);
    timer.unref?.();
  }

  return {
    tick,
    runIfLeader,
    start() {
      if (!timer) schedule(5000);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
      await deps.lease.release(RECORDS_WATCH_LEASE, owner).catch(() => undefined);
    },
  };
}

export type RecordsWatch = ReturnType<typeof createRecordsWatch>;
