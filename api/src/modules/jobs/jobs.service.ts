import { randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import { claimJob, claimJobById, findJob, findJobByKey, finishJob, insertJob, recordStep, updateHeldJob, type Job } from './jobs.repository';

export type { Job };

export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`Lease on job ${jobId} was lost to another worker`);
  }
}

export interface JobContext<P> {
  job: Job;
  payload: P;
  /** Records progress (each new phase, else at most every few hundred ms), then announces it. */
  progress(done: number, total: number, phase: string): Promise<void>;
  /**
   * Runs `fn` once across restarts: its result is checkpointed on the job, and a resumed
   * job gets the saved result instead of running it again. `fn` must be idempotent up to
   * its checkpoint (it may have run without its result being saved).
   */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export type JobHandler<P = unknown, R = unknown> = (ctx: JobContext<P>) => Promise<R>;

export interface EnqueueOptions<P> {
  /** A chosen id (24 hex), when the caller must record it before the job can start. */
  id?: string;
  kind: string;
  key?: string;
  payload: P;
  createdBy?: string | null;
  maxAttempts?: number;
  runAfter?: Date;
}

export interface JobsOptions {
  clock: Clock;
  logger?: Logger;
  /** Called after a job's state was written: the realtime layer announces it. */
  onUpdate?: (job: Job) => void;
  leaseMs?: number;
  pollMs?: number;
  progressEveryMs?: number;
}

/**
 * Durable background jobs. A job is a document; any API process may claim it under a lease
 * and run it; if that process dies, the lease runs out and another claims it and resumes
 * from the last checkpointed step.
 */
export function createJobsService(opts: JobsOptions) {
  const { clock } = opts;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? 30_000;
  const pollMs = opts.pollMs ?? 500;
  const progressEveryMs = opts.progressEveryMs ?? 250;
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const announce = async (id: string) => {
    if (!opts.onUpdate) return;
    const job = await findJob(id);
    if (job) opts.onUpdate(job);
  };

  async function run(job: Job): Promise<void> {
    const handler = handlers.get(job.kind);
    if (!handler) return;
    const steps: Record<string, unknown> = { ...(job.steps ?? {}) };
    let lost = false;
    let lastProgress = 0;
    let lastPhase = job.progress?.phase ?? '';
    // This worker's writes to the job go one at a time: on FerretDB two updates of one document
    // at once can undo each other (a heartbeat could put back a step's checkpoint or a status).
    let writing: Promise<unknown> = Promise.resolve();
    const hold = (set: Record<string, unknown>): Promise<void> => {
      const write = writing.then(async () => {
        if (lost) throw new LeaseLost(job.id);
        const ok = await updateHeldJob(job.id, owner, job.attempts, { ...set, leaseUntil: new Date(clock.now().getTime() + leaseMs) });
        if (!ok) {
          lost = true;
          throw new LeaseLost(job.id);
        }
      });
      writing = write.catch(() => undefined);
      return write;
    };
    const heartbeat = setInterval(() => void hold({}).catch(() => undefined), Math.max(50, leaseMs / 3));
    const ctx: JobContext<unknown> = {
      job,
      payload: job.payload,
      async progress(done, total, phase) {
        const t = Date.now();
        // A new phase is always recorded; within a phase, at most every progressEveryMs.
        if (done < total && phase === lastPhase && t - lastProgress < progressEveryMs) return;
        lastProgress = t;
        lastPhase = phase;
        await hold({ progress: { done, total, phase } });
        await announce(job.id);
      },
      async step(name, fn) {
        if (Object.prototype.hasOwnProperty.call(steps, name)) return steps[name] as never;
        const value = await fn();
        // The first runner to finish a step records its result; a runner that overlapped it
        // (after a takeover) carries on with that result, not its own.
        const recorded = await recordStep(job.id, name, owner, value === undefined ? null : value, clock.now());
        steps[name] = recorded;
        await hold({ [`steps.${name}`]: recorded });
        return (recorded === null && value === undefined ? value : recorded) as never;
      },
    };
    try {
      const result = await handler(ctx);
      clearInterval(heartbeat);
      await writing;
      await finishJob(job.id, owner, job.attempts, 'done', { result: result ?? null, error: null, finishedAt: clock.now() });
    } catch (err) {
      clearInterval(heartbeat);
      await writing;
      if (err instanceof LeaseLost || lost) return;
      const message = (err as Error).message ?? String(err);
      opts.logger?.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
      if (job.attempts < job.maxAttempts) {
        const backoffMs = Math.min(60_000, 1000 * 2 ** (job.attempts - 1));
        await finishJob(job.id, owner, job.attempts, 'queued', { error: message, runAfter: new Date(clock.now().getTime() + backoffMs) });
      } else {
        await finishJob(job.id, owner, job.attempts, 'failed', { error: message, finishedAt: clock.now() });
      }
    }
    await announce(job.id);
  }

  /** Claims and runs one due job; false when there was none. */
  async function runOnce(): Promise<boolean> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return false;
    const job = await claimJob(kinds, owner, clock.now(), leaseMs);
    if (!job) return false;
    await announce(job.id);
    await run(job);
    return true;
  }

  async function drain(): Promise<void> {
    while (!stopped && (await runOnce())) {
      /* keep going while there is work */
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((err: unknown) => opts.logger?.error({ err }, 'job loop error'))
        .finally(() => schedule(pollMs));
    }, delay);
    timer.unref?.();
  }

  return {
    owner,
    register<P, R>(kind: string, handler: JobHandler<P, R>) {
      handlers.set(kind, handler as JobHandler);
    },
    async enqueue<P>(o: EnqueueOptions<P>): Promise<Job> {
      const job = await insertJob({
        id: o.id,
        kind: o.kind,
        key: o.key ?? `${o.kind}:${randomUUID()}`,
        payload: o.payload,
        createdBy: o.createdBy ?? null,
        maxAttempts: o.maxAttempts ?? 5,
        runAfter: o.runAfter ?? clock.now(),
      });
      if (!stopped) {
        clearTimeout(timer);
        schedule(0);
      }
      return job;
    },
    get: findJob,
    /** The job enqueued under a key (e.g. `publish:<rota>:<version>`), if any. */
    getByKey: findJobByKey,
    runOnce,
    /**
     * Runs a particular job now, in this process (when the caller waits for it); if the
     * process dies, the lease runs out and the background loop finishes it elsewhere.
     */
    /**
     * Runs a job here and now, and answers it finished. When another worker (the background
     * loop of this or another process) claimed it first, waits for that worker to finish it.
     */
    async runNow(id: string): Promise<Job | null> {
      for (;;) {
        const job = await claimJobById(id, owner, clock.now(), leaseMs);
        if (job) {
          await announce(job.id);
          await run(job);
          return findJob(id);
        }
        // Held by a live worker (its lease runs), or just claimed by one: wait for it, and take
        // the job over if that worker dies and its lease runs out.
        const current = await findJob(id);
        if (!current || current.status === 'done' || current.status === 'failed') return current;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
