import type { Duty, DutiesQuery, EditBody, JobView, RotaDetail, RotasQuery, RotaSummary } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { addDays, checkAssignment, createAssignmentChecker, type ProposedChange } from '../../../../scheduler/src/index';
import { instanceFor } from './rotas.context';
import { engineRotaOf, violationView } from './rotas.views';
import type { RotasDeps } from './rotas.context';
import { createRotaEditing } from './rotas.editing';
import { createRotaPlanning } from './rotas.planning';
import { createRotaPublishing } from './rotas.publishing';
import { createRotaRemoval } from './rotas.removal';
import { createCalendarRepair } from './rotas.calendarRepair';
import { findCurrentDuties, findRota, findRotaSummaries, updateRotaAt } from './rotas.repository';
import { detailOf } from './rotas.views';
import { caches } from '../../db/cache';
import type { RotaViolation, SlotEdit } from '../../contracts/rotas';

export function createRotasService(deps: RotasDeps) {
  const planning = createRotaPlanning(deps);
  const editing = createRotaEditing(deps);
  const publishing = createRotaPublishing(deps);
  const removal = createRotaRemoval(deps, publishing.publishVersion);
  const calendarRepair = createCalendarRepair(deps, publishing.publishVersion);
  const postNames = caches.byId('postNames', 'posts', deps.directory.postsByIds);
  const names = deps.lawyerNames ?? ((ids?: string[]) => (ids ? deps.directory.lawyersByIds(ids) : deps.directory.lawyers()));
  const lawyerNames = caches.byId('lawyerNames', 'lawyers', (ids) => names(ids), () => names());

  async function list(q: RotasQuery): Promise<RotaSummary[]> {
    if (!q.month) return findRotaSummaries({ status: q.status });
    const from = `${q.month}-01`;
    const nextMonth = addDays(from, 31).slice(0, 7);
    return findRotaSummaries({ status: q.status, from, to: addDays(`${nextMonth}-01`, -1) });
  }

  /**
   * The lawyers the review grid names and offers, read at most every 10 s: reading all dossiers
   * takes ~0.5 s on the embedded database and the grid is opened again and again. A lawyer
   * changed meanwhile may be offered for a few seconds more; every edit is checked against
   * fresh data (check, save, publish), so nothing wrong can be saved.
   */
  let directory: { at: number; lawyers: Promise<Awaited<ReturnType<RotasDeps['directory']['lawyers']>>> } | null = null;
  function reviewLawyers() {
    const now = Date.now();
    if (!directory || now - directory.at > 10_000) {
      const lawyers = deps.directory.lawyers();
      directory = { at: now, lawyers };
      lawyers.catch(() => (directory = null));
    }
    return directory.lawyers;
  }

  async function get(id: string): Promise<RotaDetail> {
    // The rota and the lawyers are read together: the review grid waits for both.
    const [rota, all] = await Promise.all([findRota(id), reviewLawyers()]);
    if (!rota) throw new AppError('rota_not_found', 'No such rota', 404);
    const posts = await deps.directory.postsByIds(rota.postIds);
    const ids = new Set<string>();
    for (const s of rota.slots) for (const l of s.lawyerIds) ids.add(l);
    const lawyers = all.filter((l) => ids.has(l.id) || ((l.status === 'active' || l.status === 'warned') && l.eligible));
    return detailOf(rota, posts, lawyers);
  }

  /** Saves edits; on a published rota they are an amendment, published at once as a new version. */
  async function edit(actor: Actor, id: string, body: EditBody): Promise<RotaDetail> {
    const { rota, before, changed, audit } = await editing.saveEdits(actor, id, body);
    if (rota.status === 'published' && changed.length > 0) {
      try {
        await publishing.publishVersion(actor.username, rota, body.reason ?? null);
      } catch (err) {
        // The amendment was refused: its slots go back, so the rota shows what is published.
        await updateRotaAt(id, rota.revision, { slots: before.slots });
        throw err;
      }
    }
    await audit();
    return get(id);
  }

  async function job(id: string): Promise<JobView> {
    const j = await deps.jobs.get(id);
    if (!j) throw new AppError('job_not_found', 'No such job', 404);
    return { id: j.id, kind: j.kind, status: j.status, progress: j.progress, error: j.error, result: j.result };
  }

  /** Duties of the published rotas, with post and lawyer names. */
  async function duties(q: DutiesQuery): Promise<Duty[]> {
    const rows = await findCurrentDuties(q);
    const posts = await postNames([...new Set(rows.map((r) => r.postId))]);
    const lawyers = await lawyerNames([...new Set(rows.map((r) => r.lawyerId))]);
    return rows.map((r) => ({
      rotaId: r.rotaId,
      version: r.version,
      slotId: r.slotId,
      postId: r.postId,
      postName: posts.get(r.postId)?.name ?? '',
      postCode: posts.get(r.postId)?.code ?? '',
      lawyerId: r.lawyerId,
      lawyerName: lawyers.get(r.lawyerId)?.name ?? '',
      day: r.day,
      localStart: r.localStart,
      localEnd: r.localEnd,
      start: r.start.toISOString(),
      end: r.end.toISOString(),
    }));
  }

  async function publishedRota(rotaId: string) {
    const rota = await findRota(rotaId);
    if (!rota || rota.publishedVersion === null) throw new AppError('rota_not_found', 'No such published rota', 404);
    return rota;
  }

  /** Whether a change (a swap, a replacement) to a published rota keeps every hard rule. */
  async function checkChange(rotaId: string, change: ProposedChange): Promise<RotaViolation[]> {
    const rota = await publishedRota(rotaId);
    const result = checkAssignment(await instanceFor(deps, rota), engineRotaOf(rota, rota.slots), change);
    return result.violations.filter((v) => v.rule !== 'slotFilled').map((v) => violationView(v));
  }

  /** Amends a published rota: new lawyers for some slots, with a reason; publishes a new version. */
  async function amend(actor: Actor, rotaId: string, makeEdits: (slots: RotaDetail['slots']) => SlotEdit[], reason: string): Promise<RotaDetail> {
    const rota = await publishedRota(rotaId);
    const detail = await get(rotaId);
    return edit(actor, rotaId, { revision: rota.revision, edits: makeEdits(detail.slots), reason });
  }

  /** Of `candidates`, who could take `lawyerId`'s seat in a published slot without breaking a hard rule (one indexing for all). */
  async function whoMayTake(rotaId: string, slotId: string, lawyerId: string, candidates: string[]): Promise<string[]> {
    const rota = await publishedRota(rotaId);
    const check = createAssignmentChecker(await instanceFor(deps, rota), engineRotaOf(rota, rota.slots));
    return candidates.filter(
      (id) => id !== lawyerId && check({ type: 'replace', slotId, fromLawyerId: lawyerId, toLawyerId: id }).violations.every((v) => v.rule === 'slotFilled'),
    );
  }

  return {
    list,
    checkChange,
    whoMayTake,
    amend,
    get,
    job,
    createDraft: planning.createDraft,
    replan: planning.replan,
    check: editing.check,
    edit,
    publish: publishing.publish,
    versions: publishing.versions,
    duties,
    removeLawyerFrom: removal.removeLawyerFrom,
    repairForLeave: removal.repairForLeave,
    calendarConflicts: calendarRepair.conflicts,
    repairCalendar: calendarRepair.repair,
  };
}

export type RotasService = ReturnType<typeof createRotasService>;
