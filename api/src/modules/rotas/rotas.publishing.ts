import { randomUUID } from 'node:crypto';
import type { PublishBody, PublishStarted, RotaVersionSummary } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { acquireLease, findJobByKey, releaseLease } from '../jobs/jobs.port';
import type { JobContext } from '../jobs/jobs.service';
import type { NewNotification } from '../notifications/notifications.service';
import { validateRota } from '../../../../scheduler/src/index';
import { requireHolidaySchedule } from './rotas.calendarCheck';
import { instanceFor, type RotasDeps } from './rotas.context';
import { conflict, diffSlots, violationKey } from './rotas.editing';
import { currentVersionOf, findRota, findVersion, insertVersion, listVersions, markRotaPublished, switchPublication, type StoredRota } from './rotas.repository';
import { engineRotaOf, violationView } from './rotas.views';
import { recordTimeline } from './rotas.timeline';

export const PUBLISH_JOB = 'publish-rota';
const PUBLISH_LEASE = 'rota-publication';

interface PublishPayload {
  rotaId: string;
  version: number;
  previous: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createRotaPublishing(deps: RotasDeps) {
  /**
   * Publishes the rota's current slots as the next version. The version is written whole
   * first (one document); a job then switches the rota's publication to it (one conditional
   * write) and tells the lawyers, so readers see the old version or the new one, never a mix. Publications are serialised by a lease so
   * that two rotas cannot be published onto the same lawyer's day at once.
   */
  async function publishVersion(actorName: string, rota: StoredRota, reason: string | null): Promise<PublishStarted & { status: string }> {
    // One owner per call: two publications of the same rota must not share the lease either.
    const owner = `${deps.jobs.owner}:${rota.id}:${randomUUID().slice(0, 8)}`;
    let held = false;
    for (let i = 0; i < 100 && !(held = await acquireLease(PUBLISH_LEASE, owner, deps.clock.now(), 60_000)); i++) await sleep(100);
    if (!held) throw new AppError('publication_busy', 'Another rota is being published; try again in a moment', 409);
    try {
      // A draft read before the lease may have been published meanwhile (by this process or another).
      if (rota.status === 'draft') {
        const fresh = await findRota(rota.id);
        if (!fresh || fresh.status !== 'draft' || fresh.revision !== rota.revision) throw conflict(fresh?.revision ?? rota.revision);
        // Its publication may still be running (a job another worker took): one at a time.
        const latest = (await listVersions(rota.id))[0];
        const pending = latest ? await findJobByKey(`publish:${rota.id}:${latest.version}`) : null;
        if (pending && (pending.status === 'queued' || pending.status === 'running')) throw new AppError('publication_in_progress', 'This version is already being published', 409);
      }
      const instance = await instanceFor(deps, rota);
      const previous = await currentVersionOf(rota.id);
      // A new version is judged by what it makes worse than the current one (a removed lawyer's
      // past duties stay as history and must not block every later amendment).
      const known = new Set<string>();
      if (previous !== null) {
        const current = await findVersion(rota.id, previous);
        if (current) for (const v of validateRota(instance, engineRotaOf(rota, current.slots)).violations) known.add(violationKey(v));
      }
      const blocking = validateRota(instance, engineRotaOf(rota, rota.slots)).violations.filter((v) => v.rule !== 'slotFilled' && !known.has(violationKey(v)));
      if (blocking.length) throw new AppError('rule_violation', blocking[0].messageZh, 409, blocking.slice(0, 100).map((v) => violationView(v)));
      // Numbered after every version ever written, so one whose publication failed is skipped.
      const version = Math.max(previous ?? 0, (await listVersions(rota.id))[0]?.version ?? 0) + 1;
      const prevSlots = previous ? ((await findVersion(rota.id, previous))?.slots ?? []) : [];
      const inserted = await insertVersion({
        rotaId: rota.id,
        version,
        slots: rota.slots,
        publishedAt: deps.clock.now(),
        publishedBy: actorName,
        reason,
        changes: previous ? diffSlots(prevSlots, rota.slots) : [],
      });
      if (!inserted) throw new AppError('publication_in_progress', 'This version is already being published', 409);
      const job = await deps.jobs.enqueue<PublishPayload>({ kind: PUBLISH_JOB, key: `publish:${rota.id}:${version}`, payload: { rotaId: rota.id, version, previous }, createdBy: actorName });
      const done = await deps.jobs.runNow(job.id);
      return { rotaId: rota.id, jobId: job.id, version, status: done?.status ?? 'queued' };
    } finally {
      await releaseLease(PUBLISH_LEASE, owner);
    }
  }

  async function publish(actor: Actor, id: string, body: PublishBody): Promise<PublishStarted & { status: string }> {
    const rota = await findRota(id);
    if (!rota) throw new AppError('rota_not_found', 'No such rota', 404);
    if (rota.status !== 'draft') throw new AppError('not_draft', 'Only a draft can be published; changes to a published rota are amendments', 409);
    if (rota.revision !== body.revision) throw conflict(rota.revision);
    requireHolidaySchedule(deps.calendar, rota.from, rota.to, body.confirmMissingCalendar);
    const started = await publishVersion(actor.username, rota, body.note ?? null);
    await deps.audit.record(actor, { action: 'rota.publish', entityType: 'rota', entityId: id, after: { version: started.version }, note: body.note });
    return started;
  }

  async function notifyLawyers(rota: StoredRota, version: number): Promise<number> {
    const v = await findVersion(rota.id, version);
    if (!v) return 0;
    const items: NewNotification[] = [];
    const name = `${rota.from}–${rota.to}`;
    if (version === 1) {
      const counts = new Map<string, number>();
      for (const s of v.slots) for (const l of s.lawyerIds) counts.set(l, (counts.get(l) ?? 0) + 1);
      for (const [lawyerId, n] of counts) {
        items.push({ lawyerId, kind: 'rota.published', key: 'notifications.rotaPublished', params: { period: name, duties: n }, text: `排班已发布（${name}）：您有${n}个值班。`, dedupeKey: `${rota.id}:${version}:${lawyerId}` });
      }
    } else {
      const slotsById = new Map(v.slots.map((s) => [s.id, s]));
      for (const change of v.changes) {
        const s = slotsById.get(change.slotId);
        const when = s ? `${s.day} ${s.localStart}–${s.localEnd}` : change.slotId;
        for (const lawyerId of change.removed) {
          items.push({ lawyerId, kind: 'rota.amended', key: 'notifications.dutyRemoved', params: { when, reason: v.reason ?? '' }, text: `排班变更：您${when}的值班已取消。原因：${v.reason ?? '—'}`, dedupeKey: `${rota.id}:${version}:${change.slotId}:-${lawyerId}` });
        }
        for (const lawyerId of change.added) {
          items.push({ lawyerId, kind: 'rota.amended', key: 'notifications.dutyAdded', params: { when, reason: v.reason ?? '' }, text: `排班变更：您新增${when}的值班。原因：${v.reason ?? '—'}`, dedupeKey: `${rota.id}:${version}:${change.slotId}:+${lawyerId}` });
        }
      }
    }
    return deps.notifications.notify(items);
  }

  /** The job: switch to the new version, mirror it on the rota, then tell the lawyers. */
  async function runPublishJob(ctx: JobContext<PublishPayload>): Promise<unknown> {
    const { rotaId, version, previous } = ctx.payload;
    const rota = await findRota(rotaId);
    const v = await findVersion(rotaId, version);
    if (!rota || !v) throw new Error(`rota ${rotaId} version ${version} is missing`);
    await ctx.progress(0, 3, 'switch');
    await ctx.step('current', async () => {
      if (await switchPublication(rotaId, previous, version, { from: rota.from, to: rota.to })) return true;
      const now = await currentVersionOf(rotaId);
      if (now === version) return true;
      throw new Error(`rota ${rotaId} moved on to version ${now} meanwhile`);
    });
    await ctx.step('rota', () => markRotaPublished(rotaId, version));
    await ctx.step('timeline', () => recordTimeline({ id: rotaId, postIds: rota.postIds, from: rota.from, to: rota.to }, v));
    await ctx.progress(1, 3, 'notify');
    const notified = await ctx.step('notify', () => notifyLawyers(rota, version));
    await ctx.progress(3, 3, 'done');
    return { version, duties: v.slots.reduce((n, s) => n + s.lawyerIds.length, 0), notified };
  }

  async function versions(id: string): Promise<RotaVersionSummary[]> {
    const list = await listVersions(id);
    return list.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, reason: v.reason, changes: v.changes }));
  }

  deps.jobs.register(PUBLISH_JOB, runPublishJob);
  return { publish, publishVersion, versions, runPublishJob };
}
