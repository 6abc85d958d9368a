import { AppError } from '../../lib/errors';
import type { Job, JobContext } from '../jobs/jobs.service';
import { repairRota, type RotaChange } from '../../../../scheduler/src/index';
import { instanceFor, type RotasDeps } from './rotas.context';
import { diffSlots } from './rotas.editing';
import type { createRotaPublishing } from './rotas.publishing';
import { findCurrentDuties, findRota, findVersion, updateRotaAt } from './rotas.repository';
import { engineRotaOf, slotsFromEngine } from './rotas.views';

export const REPAIR_JOB = 'repair-rotas';

interface RepairPayload {
  lawyerId: string;
  change: RotaChange;
  /** First local day the change touches. */
  fromDay: string;
  reason: string;
  actorName: string;
}

type PublishVersion = ReturnType<typeof createRotaPublishing>['publishVersion'];

/**
 * Re-covers a lawyer's future duties when they can no longer serve (removal through
 * discipline, leave granted after publication). Runs as a durable job, one checkpointed step
 * per rota, so it finishes even if the process is killed half-way.
 */
export function createRotaRemoval(deps: RotasDeps, publishVersion: PublishVersion) {
  async function repairOne(rotaId: string, p: RepairPayload): Promise<{ moved: number }> {
    const rota = await findRota(rotaId);
    if (!rota || rota.publishedVersion === null) return { moved: 0 };
    const instance = await instanceFor(deps, rota);
    const result = repairRota(instance, engineRotaOf(rota, rota.slots), p.change, { report: false });
    const slots = slotsFromEngine(result.rota.slots, result.rota.assignments);
    const changes = diffSlots(rota.slots, slots);
    if (changes.length > 0) {
      const saved = await updateRotaAt(rota.id, rota.revision, { slots });
      if (!saved) throw new Error(`rota ${rota.id} changed during repair; retrying`);
      await publishVersion(p.actorName, saved, p.reason);
      return { moved: changes.length };
    }
    // A resumed step: the repair was saved before; publish it if that had not happened yet.
    const current = await findVersion(rota.id, rota.publishedVersion);
    if (current && diffSlots(current.slots, rota.slots).length > 0) await publishVersion(p.actorName, rota, p.reason);
    return { moved: 0 };
  }

  async function runRepairJob(ctx: JobContext<RepairPayload>): Promise<unknown> {
    const p = ctx.payload;
    const duties = await findCurrentDuties({ from: p.fromDay, to: '9999-12-31', lawyerId: p.lawyerId });
    const rotaIds = [...new Set(duties.map((d) => d.rotaId))].sort();
    const results: Record<string, { moved: number }> = {};
    for (let i = 0; i < rotaIds.length; i++) {
      await ctx.progress(i, rotaIds.length, 'repairing');
      results[rotaIds[i]] = await ctx.step(`rota:${rotaIds[i]}`, () => repairOne(rotaIds[i], p));
    }
    await ctx.progress(rotaIds.length, rotaIds.length, 'done');
    return { rotas: results };
  }

  deps.jobs.register(REPAIR_JOB, runRepairJob);

  function enqueue(p: RepairPayload, key: string): Promise<Job> {
    return deps.jobs.enqueue<RepairPayload>({ kind: REPAIR_JOB, key, payload: p, createdBy: p.actorName, maxAttempts: 10 });
  }

  return {
    /** "This lawyer can no longer serve from time T": re-covers every later duty and tells those affected. */
    removeLawyerFrom(actorName: string, lawyerId: string, from: Date, reason: string): Promise<Job> {
      if (Number.isNaN(from.getTime())) throw new AppError('invalid_time', 'Invalid time', 400);
      const iso = from.toISOString();
      return enqueue({ lawyerId, change: { type: 'lawyerRemoved', lawyerId, from: iso }, fromDay: iso.slice(0, 10), reason, actorName }, `remove:${lawyerId}:${iso}`);
    },
    /** Leave granted after publication: re-covers the duties inside it. */
    repairForLeave(actorName: string, lawyerId: string, fromDay: string, toDay: string, reason: string, key: string): Promise<Job> {
      return enqueue({ lawyerId, change: { type: 'lawyerLeave', lawyerId, from: fromDay, to: toDay, reason }, fromDay, reason, actorName }, key);
    },
  };
}
