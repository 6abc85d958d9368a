import { AppError } from '../../lib/errors';
import type { Job, JobContext } from '../jobs/jobs.service';
import { repairRota, validateRota, type RotaChange, type RotaInstance } from '../../../../scheduler/src/index';
import { instanceFor, type RotasDeps } from './rotas.context';
import { diffSlots, violationKey } from './rotas.editing';
import type { createRotaPublishing } from './rotas.publishing';
import { findCurrentDuties, findDraftsHolding, findRota, findVersion, listVersions, updateRotaAt, type SlotFields, type StoredRota } from './rotas.repository';
import { engineRotaOf, slotsFromEngine } from './rotas.views';

export const REPAIR_JOB = 'repair-rotas';

interface RepairPayload {
  lawyerId: string;
  change: RotaChange;
  /** First local day the change touches. */
  fromDay: string;
  reason: string;
  actorName: string;
  /** Also take the lawyer out of open drafts (removal; leave is read by planning anyway). */
  drafts?: boolean;
}

/** A seat the lawyer left that nobody could take, with the engine's reason. */
export interface UncoveredSlot {
  rotaId: string;
  slotId: string;
  postId: string;
  day: string;
  localStart: string;
  code: string;
  message: string;
}

export interface RepairStepResult {
  moved: number;
  uncovered: UncoveredSlot[];
}

type PublishVersion = ReturnType<typeof createRotaPublishing>['publishVersion'];

const ONLY_BY_MOVING_OTHERS = { code: 'ONLY_BY_MOVING_OTHERS', message: '只有调动其他律师已排的值班才能补上，请人工安排' };

/**
 * Keeps the repair to the seats the lawyer left: every other slot stays as it was, and a
 * newcomer whose seat would then break a rule (the engine had moved one of their duties to
 * make room) is taken out again, leaving the seat for staff.
 */
function restrictToVacated(instance: RotaInstance, rota: StoredRota, repaired: SlotFields[], vacated: Set<string>): SlotFields[] {
  const original = new Map(rota.slots.map((s) => [s.id, s]));
  let slots = repaired.map((s) => (vacated.has(s.id) ? s : (original.get(s.id) ?? s)));
  const before = new Set(validateRota(instance, engineRotaOf(rota, rota.slots)).violations.map(violationKey));
  for (let round = 0; round < 20; round++) {
    const fresh = validateRota(instance, engineRotaOf(rota, slots)).violations.filter((v) => v.rule !== 'slotFilled' && !before.has(violationKey(v)));
    const drop = new Set<string>();
    const added = (slotId: string, lawyerId: string) => !(original.get(slotId)?.lawyerIds ?? []).includes(lawyerId) && (slots.find((s) => s.id === slotId)?.lawyerIds ?? []).includes(lawyerId);
    for (const v of fresh) {
      if (!v.lawyerId) continue;
      const named = [v.slotId, v.otherSlotId].filter((id): id is string => Boolean(id && vacated.has(id) && added(id, v.lawyerId!)));
      // A rule over many duties (a monthly cap) names another slot: take the newcomer out of every seat they were given.
      const targets = named.length ? named : [...vacated].filter((id) => added(id, v.lawyerId!));
      for (const slotId of targets) drop.add(`${slotId}|${v.lawyerId}`);
    }
    if (drop.size === 0) break;
    slots = slots.map((s) => (vacated.has(s.id) ? { ...s, lawyerIds: s.lawyerIds.filter((l) => !drop.has(`${s.id}|${l}`) || (original.get(s.id)?.lawyerIds ?? []).includes(l)), pinnedLawyerIds: s.pinnedLawyerIds.filter((l) => !drop.has(`${s.id}|${l}`)) } : s));
  }
  return slots;
}

/**
 * Re-covers a lawyer's future duties when they can no longer serve (removal through
 * discipline, leave granted after publication). Runs as a durable job, one checkpointed step
 * per rota, so it finishes even if the process is killed half-way. Only the seats the lawyer
 * leaves change; seats nobody can take are listed with the reason.
 */
export function createRotaRemoval(deps: RotasDeps, publishVersion: PublishVersion) {
  /** A resumed step: the repair was saved before; make sure it is published (once). */
  async function finishPublication(rota: StoredRota, p: RepairPayload): Promise<void> {
    if (rota.publishedVersion === null) return;
    const latest = (await listVersions(rota.id))[0];
    if (latest && latest.version > rota.publishedVersion) {
      // A publication of it was started before the crash: finish that one rather than writing another.
      const job = await deps.jobs.get((await findPublishJobId(rota.id, latest.version)) ?? '');
      if (job) {
        const done = job.status === 'done' ? job : await deps.jobs.runNow(job.id);
        if (done?.status !== 'done') throw new Error(`publication of rota ${rota.id} version ${latest.version} is still running; retrying`);
        const v = await findVersion(rota.id, latest.version);
        if (v && diffSlots(v.slots, rota.slots).length === 0) return;
      }
    }
    const current = await findVersion(rota.id, (await findRota(rota.id))?.publishedVersion ?? rota.publishedVersion);
    if (current && diffSlots(current.slots, rota.slots).length > 0) await publishVersion(p.actorName, rota, p.reason);
  }

  async function findPublishJobId(rotaId: string, version: number): Promise<string | null> {
    return (await deps.jobs.getByKey(`publish:${rotaId}:${version}`))?.id ?? null;
  }

  async function repairOne(rotaId: string, p: RepairPayload): Promise<RepairStepResult> {
    const rota = await findRota(rotaId);
    if (!rota || (rota.status !== 'published' && rota.status !== 'draft')) return { moved: 0, uncovered: [] };
    const instance = await instanceFor(deps, rota);
    if (!instance.lawyers.some((l) => l.id === p.lawyerId)) return { moved: 0, uncovered: [] };
    const result = repairRota(instance, engineRotaOf(rota, rota.slots), p.change);
    const repaired = slotsFromEngine(result.rota.slots, result.rota.assignments);
    const afterIds = new Map(repaired.map((s) => [s.id, s.lawyerIds]));
    const vacated = new Set(rota.slots.filter((s) => s.lawyerIds.includes(p.lawyerId) && !(afterIds.get(s.id) ?? []).includes(p.lawyerId)).map((s) => s.id));
    const slots = vacated.size ? restrictToVacated(result.instance, rota, repaired, vacated) : rota.slots;
    const changes = diffSlots(rota.slots, slots);
    const reasons = new Map((result.unfilled ?? []).map((u) => [u.slotId, { code: u.code, message: u.messageZh }]));
    const uncovered: UncoveredSlot[] = slots
      .filter((s) => vacated.has(s.id) && s.lawyerIds.length < s.lawyersNeeded)
      .map((s) => ({ rotaId, slotId: s.id, postId: s.postId, day: s.day, localStart: s.localStart, ...(reasons.get(s.id) ?? ONLY_BY_MOVING_OTHERS) }));
    if (changes.length > 0) {
      const saved = await updateRotaAt(rota.id, rota.revision, { slots });
      if (!saved) throw new Error(`rota ${rota.id} changed during repair; retrying`);
      if (saved.status === 'published') await publishVersion(p.actorName, saved, p.reason);
      return { moved: changes.length, uncovered };
    }
    await finishPublication(rota, p);
    return { moved: 0, uncovered };
  }

  async function runRepairJob(ctx: JobContext<RepairPayload>): Promise<unknown> {
    const p = ctx.payload;
    const rotaIds = await ctx.step('rotas', async () => {
      const duties = await findCurrentDuties({ from: p.fromDay, to: '9999-12-31', lawyerId: p.lawyerId });
      const drafts = p.drafts ? await findDraftsHolding(p.lawyerId, p.fromDay) : [];
      return [...new Set([...duties.map((d) => d.rotaId), ...drafts])].sort();
    });
    const results: Record<string, RepairStepResult> = {};
    for (let i = 0; i < rotaIds.length; i++) {
      await ctx.progress(i, rotaIds.length, 'repairing');
      results[rotaIds[i]] = await ctx.step(`rota:${rotaIds[i]}`, () => repairOne(rotaIds[i], p));
    }
    await ctx.progress(rotaIds.length, rotaIds.length, 'done');
    const uncovered = Object.values(results).flatMap((r) => r.uncovered ?? []);
    const moved = Object.values(results).reduce((n, r) => n + r.moved, 0);
    return { rotas: results, moved, uncovered };
  }

  deps.jobs.register(REPAIR_JOB, runRepairJob);

  function enqueue(p: RepairPayload, key: string): Promise<Job> {
    return deps.jobs.enqueue<RepairPayload>({ kind: REPAIR_JOB, key, payload: p, createdBy: p.actorName, maxAttempts: 10 });
  }

  return {
    /**
     * "This lawyer can no longer serve from time T": takes them out of every later duty of
     * published rotas and open drafts, re-covers each, and tells those affected.
     */
    removeLawyerFrom(actorName: string, lawyerId: string, from: Date, reason: string): Promise<Job> {
      if (Number.isNaN(from.getTime())) throw new AppError('invalid_time', 'Invalid time', 400);
      const iso = from.toISOString();
      return enqueue({ lawyerId, change: { type: 'lawyerRemoved', lawyerId, from: iso }, fromDay: iso.slice(0, 10), reason, actorName, drafts: true }, `remove:${lawyerId}:${iso}`);
    },
    /** Leave granted after publication: re-covers the duties inside it. */
    repairForLeave(actorName: string, lawyerId: string, fromDay: string, toDay: string, reason: string, key: string): Promise<Job> {
      return enqueue({ lawyerId, change: { type: 'lawyerLeave', lawyerId, from: fromDay, to: toDay, reason }, fromDay, reason, actorName }, key);
    },
  };
}
