import { JobModel } from '../../../api/src/modules/jobs/jobs.model';
import { acquireLease } from '../../../api/src/modules/jobs/jobs.repository';
import { createJobsService, type Job } from '../../../api/src/modules/jobs/jobs.service';
import { useTestDatabase } from '../../support/db';

function pinnedClock(iso: string) {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('durable jobs', () => {
  useTestDatabase();

  it('when the same key is enqueued twice, then one job exists', async () => {
    const jobs = createJobsService({ clock: pinnedClock('2026-12-01T00:00:00Z') });
    const a = await jobs.enqueue({ kind: 'noop', key: 'same-key', payload: { n: 1 } });
    const b = await jobs.enqueue({ kind: 'noop', key: 'same-key', payload: { n: 2 } });
    expect(b.id).toBe(a.id);
    expect(await JobModel.countDocuments({ key: 'same-key' })).toBe(1);
  });

  it('when a job runs, then its progress is announced and its result stored', async () => {
    const updates: Job[] = [];
    const jobs = createJobsService({ clock: pinnedClock('2026-12-01T00:00:00Z'), onUpdate: (j) => updates.push(j), progressEveryMs: 0 });
    jobs.register<{ total: number }, { sum: number }>('count', async (ctx) => {
      let sum = 0;
      for (let i = 1; i <= ctx.payload.total; i++) {
        sum += i;
        await ctx.progress(i, ctx.payload.total, 'counting');
      }
      return { sum };
    });
    const job = await jobs.enqueue({ kind: 'count', payload: { total: 4 } });
    expect(await jobs.runOnce()).toBe(true);
    const stored = await jobs.get(job.id);
    expect(stored).toMatchObject({ status: 'done', result: { sum: 10 }, progress: { done: 4, total: 4, phase: 'counting' }, attempts: 1 });
    expect(updates.map((u) => u.progress.done)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(updates.at(-1)?.status).toBe('done');
    expect(await jobs.runOnce()).toBe(false);
  });

  it('when a worker died half-way, then another resumes after the lease and skips finished steps', async () => {
    const clock = pinnedClock('2026-12-01T00:00:00Z');
    const ran: string[] = [];
    const jobs = createJobsService({ clock, leaseMs: 10_000 });
    jobs.register('two-steps', async (ctx) => {
      const a = await ctx.step('a', async () => {
        ran.push('a');
        return 1;
      });
      const b = await ctx.step('b', async () => {
        ran.push('b');
        return 2;
      });
      return { total: a + b };
    });
    const job = await jobs.enqueue({ kind: 'two-steps', payload: {} });
    // The state a dead worker leaves behind: running, step a checkpointed, lease held.
    await JobModel.updateOne(
      { _id: job.id },
      { $set: { status: 'running', leaseOwner: 'dead-worker', leaseUntil: new Date(clock.now().getTime() + 10_000), 'steps.a': 1, attempts: 1 } },
    );
    expect(await jobs.runOnce()).toBe(false);
    clock.advance(10_001);
    expect(await jobs.runOnce()).toBe(true);
    expect(ran).toEqual(['b']);
    expect(await jobs.get(job.id)).toMatchObject({ status: 'done', result: { total: 3 }, attempts: 2 });
  });

  it('when two workers race for one job, then it runs once', async () => {
    const clock = pinnedClock('2026-12-01T00:00:00Z');
    let runs = 0;
    const workers = [createJobsService({ clock }), createJobsService({ clock })];
    for (const w of workers) w.register('once', async () => ++runs);
    await workers[0].enqueue({ kind: 'once', payload: {} });
    const claimed = await Promise.all(workers.map((w) => w.runOnce()));
    expect(claimed.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('when a job keeps failing, then it is retried with back-off and finally marked failed', async () => {
    const clock = pinnedClock('2026-12-01T00:00:00Z');
    const jobs = createJobsService({ clock });
    jobs.register('broken', async () => {
      throw new Error('boom');
    });
    const job = await jobs.enqueue({ kind: 'broken', payload: {}, maxAttempts: 2 });
    expect(await jobs.runOnce()).toBe(true);
    expect(await jobs.get(job.id)).toMatchObject({ status: 'queued', error: 'boom', attempts: 1 });
    expect(await jobs.runOnce()).toBe(false);
    clock.advance(1001);
    expect(await jobs.runOnce()).toBe(true);
    expect(await jobs.get(job.id)).toMatchObject({ status: 'failed', error: 'boom', attempts: 2 });
  });
});

describe('named leases', () => {
  useTestDatabase();

  it('when one holder has the lease, then another cannot take it until it expires', async () => {
    const t0 = new Date('2026-12-01T00:00:00Z');
    expect(await acquireLease('detector', 'p1', t0, 5000)).toBe(true);
    expect(await acquireLease('detector', 'p2', new Date(t0.getTime() + 1000), 5000)).toBe(false);
    expect(await acquireLease('detector', 'p1', new Date(t0.getTime() + 2000), 5000)).toBe(true);
    expect(await acquireLease('detector', 'p2', new Date(t0.getTime() + 8000), 5000)).toBe(true);
  });

  it('when several processes race for a free lease, then exactly one gets it', async () => {
    const t0 = new Date('2026-12-01T00:00:00Z');
    const got = await Promise.all(['a', 'b', 'c', 'd'].map((o) => acquireLease('race', o, t0, 5000)));
    expect(got.filter(Boolean)).toHaveLength(1);
  });
});
