import type { CreateDraftBody, PlanningStarted, ReplanBody } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { JobContext } from '../jobs/jobs.service';
import { planRota, type PlanResult } from '../../../../scheduler/src/index';
import { requireHolidaySchedule } from './rotas.calendarCheck';
import { instanceFor, type RotasDeps } from './rotas.context';
import { planInWorker } from './planning/runPlan';
import { findOverlappingRotas, findRota, insertRota, markPlanningFailed, newJobId, setPlanningJob, storePlan } from './rotas.repository';
import { engineRotaOf, explanationsOf, slotsFromEngine } from './rotas.views';

export const PLAN_JOB = 'plan-rota';

interface PlanPayload {
  rotaId: string;
  /** Keep the pinned assignments as they are. */
  keepPins: boolean;
}

export function createRotaPlanning(deps: RotasDeps) {
  async function startPlanning(actor: Actor, rotaId: string, revision: number, keepPins: boolean): Promise<PlanningStarted> {
    const jobId = newJobId();
    if (!(await setPlanningJob(rotaId, revision, jobId))) {
      throw new AppError('rota_conflict', 'The rota was changed by someone else; reload it', 409);
    }
    await deps.jobs.enqueue<PlanPayload>({ id: jobId, kind: PLAN_JOB, key: `plan:${rotaId}:${jobId}`, payload: { rotaId, keepPins }, createdBy: actor.userId, maxAttempts: 2 });
    return { rotaId, jobId };
  }

  async function createDraft(actor: Actor, body: CreateDraftBody): Promise<PlanningStarted> {
    const posts = await deps.directory.postsByIds(body.postIds);
    if (posts.length !== new Set(body.postIds).size) throw new AppError('post_not_found', 'Some posts do not exist', 404);
    const overlapping = await findOverlappingRotas(body.postIds, body.from, body.to);
    if (overlapping.length > 0) {
      throw new AppError('rota_overlaps', 'Another rota already covers some of these posts in this period', 409, {
        rotas: overlapping.map((r) => ({ id: r.id, name: r.name, from: r.from, to: r.to, status: r.status })),
      });
    }
    requireHolidaySchedule(deps.calendar, body.from, body.to, body.confirmMissingCalendar);
    const rota = await insertRota({
      name: body.name ?? defaultRotaName(body.from, body.to),
      from: body.from,
      to: body.to,
      postIds: [...new Set(body.postIds)],
      seed: body.seed ?? Number(body.from.replace(/-/g, '')) % 2_147_483_647,
      createdBy: actor.username,
    });
    await deps.audit.record(actor, { action: 'rota.draft', entityType: 'rota', entityId: rota.id, after: { name: rota.name, from: rota.from, to: rota.to, postIds: rota.postIds } });
    return startPlanning(actor, rota.id, rota.revision, false);
  }

  async function replan(actor: Actor, id: string, body: ReplanBody): Promise<PlanningStarted> {
    const rota = await findRota(id);
    if (!rota) throw new AppError('rota_not_found', 'No such rota', 404);
    if (rota.status !== 'draft') throw new AppError('not_draft', 'Only a draft can be planned again; amend a published rota instead', 409);
    await deps.audit.record(actor, { action: 'rota.replan', entityType: 'rota', entityId: id, note: 'pins kept' });
    return startPlanning(actor, id, body.revision, true);
  }

  /** The job: gather the facts, run the engine off the request thread, store the draft. */
  async function runPlanJob(ctx: JobContext<PlanPayload>): Promise<unknown> {
    const { rotaId, keepPins } = ctx.payload;
    // Progress in percent: loading 0–10, the engine's stages 10–90, saving 90–100.
    await ctx.progress(0, 100, 'loading');
    const rota = await findRota(rotaId);
    if (!rota || rota.planningJobId !== ctx.job.id) return { skipped: 'superseded' };
    const pins = keepPins ? engineRotaOf(rota, rota.slots).assignments.filter((a) => a.pinned) : [];
    const instance = await instanceFor(deps, rota, pins);
    await ctx.progress(10, 100, 'solving');
    // The worker's stages are recorded one after the other, in the order they happened.
    let recorded: Promise<void> = Promise.resolve();
    const onProgress = (fraction: number, stage: string) => {
      recorded = recorded.then(() => ctx.progress(10 + Math.round(fraction * 80), 100, stage === 'done' ? 'solved' : stage)).catch(() => undefined);
    };
    let result: PlanResult;
    try {
      result = deps.planInWorker === false ? planRota(instance) : await planInWorker(instance, onProgress);
    } catch (err) {
      await markPlanningFailed(rotaId, ctx.job.id, (err as Error).message);
      throw err;
    }
    await recorded;
    await ctx.progress(90, 100, 'saving');
    const stored = await storePlan(rotaId, ctx.job.id, {
      slots: slotsFromEngine(result.rota.slots, result.rota.assignments),
      explanations: { ...explanationsOf(result), pinConflicts: result.pinConflicts },
      figures: explanationsOf(result).figures,
    });
    await ctx.progress(100, 100, 'done');
    return { stored, figures: result.figures };
  }

  deps.jobs.register(PLAN_JOB, runPlanJob);
  return { createDraft, replan };
}

/** "2027-01 值班表" for a whole calendar month (as the published ones are named), else the period. */
export function defaultRotaName(from: string, to: string): string {
  const month = from.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return from.endsWith('-01') && to === `${month}-${String(last).padStart(2, '0')}` ? `${month} 值班表` : `${from} – ${to} 值班表`;
}
