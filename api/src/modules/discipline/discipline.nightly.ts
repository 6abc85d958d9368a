import { randomUUID } from 'node:crypto';
import type { ReevaluationResult } from '../../contracts/lawyers';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { localDay } from '../../lib/local-day';
import type { Logger } from '../../lib/logger';
import type { JobContext, JobsService } from '../jobs/jobs.service';

export const ELIGIBILITY_JOB = 'eligibility-recheck';
const LEASE = 'eligibility-nightly';
/** Local hour (Asia/Shanghai) after which the night's re-check is due. */
const DUE_HOUR = 2;

const SYSTEM: Actor = { userId: 'system', username: 'system', role: 'admin', lawyerId: null, requestId: null };

export interface NightlyDeps {
  clock: Clock;
  logger?: Logger;
  jobs: Pick<JobsService, 'register' | 'enqueue' | 'get'>;
  lawyers: { reevaluateAll(actor: Actor): Promise<ReevaluationResult> };
  lease: {
    acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
    release(name: string, owner: string): Promise<void>;
  };
  intervalMs?: number;
}

/**
 * Re-checks every lawyer's eligibility once a night (certificates, years in practice,
 * assessments, upheld complaints); lawyers who stop being eligible are flagged to staff by the
 * re-evaluation itself. The holder of a named lease enqueues the night's job, keyed by the day,
 * so with several API processes it runs once, and as a durable job it survives a crash.
 */
export function createNightlyEligibilityCheck(deps: NightlyDeps) {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const intervalMs = deps.intervalMs ?? 10 * 60_000;
  let timer: NodeJS.Timeout | undefined;

  deps.jobs.register(ELIGIBILITY_JOB, async (ctx: JobContext<{ day: string }>) => {
    await ctx.progress(0, 1, 'recheck');
    const result = await ctx.step('recheck', () => deps.lawyers.reevaluateAll(SYSTEM));
    await ctx.progress(1, 1, 'done');
    return result;
  });

  /** Enqueues tonight's re-check if it is due and this process holds the lease; the job's id, or null. */
  async function runIfDue(now = deps.clock.now()): Promise<string | null> {
    // China keeps UTC+8 all year.
    const local = new Date(now.getTime() + 8 * 3_600_000);
    if (local.getUTCHours() < DUE_HOUR) return null;
    if (!(await deps.lease.acquire(LEASE, owner, now, intervalMs * 3))) return null;
    const day = localDay('Asia/Shanghai', now);
    const job = await deps.jobs.enqueue({ kind: ELIGIBILITY_JOB, key: `${ELIGIBILITY_JOB}:${day}`, payload: { day }, createdBy: 'system', maxAttempts: 3 });
    return job.id;
  }

  function schedule(delay: number) {
    timer = setTimeout(() => {
      runIfDue()
        .catch((err: unknown) => deps.logger?.error({ err }, 'nightly eligibility check failed to start'))
        .finally(() => {
          if (timer) schedule(intervalMs);
        });
    }, delay);
    timer.unref?.();
  }

  return {
    runIfDue,
    start() {
      if (!timer) schedule(5000);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await deps.lease.release(LEASE, owner).catch(() => undefined);
    },
  };
}
