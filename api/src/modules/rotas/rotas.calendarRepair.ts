import type { CalendarConflict, CalendarRepairResult } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import { repairRota, slotId, slotsChangedByCalendar } from '../../../../scheduler/src/index';
import { instanceFor, type RotasDeps } from './rotas.context';
import { diffSlots } from './rotas.editing';
import type { createRotaPublishing } from './rotas.publishing';
import { findRota, findRotaSummaries, updateRotaAt, type SlotFields } from './rotas.repository';
import { engineRotaOf, slotsFromEngine } from './rotas.views';

type PublishVersion = ReturnType<typeof createRotaPublishing>['publishVersion'];

/**
 * Slots under the engine's current ids (rotas stored before ids carried the end time have
 * `post:day:HHMM`), with the stored id of each, so that saved slots keep the ids duties,
 * check-ins and feeds already refer to.
 */
function withCurrentIds(slots: SlotFields[]): { slots: SlotFields[]; stored: Map<string, string> } {
  const stored = new Map<string, string>();
  const out = slots.map((s) => {
    const id = slotId(s.postId, s.day, s.localStart, s.localEnd);
    stored.set(id, s.id);
    return { ...s, id };
  });
  return { slots: out, stored };
}


export const CALENDAR_REPAIR_REASON = '节假日安排调整';

/**
 * A change to the holiday calendar after publishing: every published duty it affects is
 * flagged (computed against the current calendar, so the flag goes once repaired), and a
 * repair amends the rota through the engine — duties on vanished shifts are dropped, new
 * shifts filled, everything else kept — as a new version with a reason.
 */
export function createCalendarRepair(deps: RotasDeps, publishVersion: PublishVersion) {
  async function conflicts(): Promise<CalendarConflict[]> {
    const today = localDay('Asia/Shanghai', deps.clock.now());
    const published = await findRotaSummaries({ status: 'published' });
    const out: CalendarConflict[] = [];
    for (const summary of published.filter((r) => r.to >= today)) {
      const rota = await findRota(summary.id);
      if (!rota) continue;
      const instance = await instanceFor(deps, rota);
      const current = withCurrentIds(rota.slots);
      const { removed, added } = slotsChangedByCalendar(instance, engineRotaOf(rota, current.slots).slots);
      const lawyersOf = new Map(current.slots.map((s) => [s.id, s.lawyerIds]));
      const view = (s: { id: string; postId: string; day: string; localStart: string; localEnd: string }) => ({
        slotId: current.stored.get(s.id) ?? s.id,
        postId: s.postId,
        day: s.day,
        localStart: s.localStart,
        localEnd: s.localEnd,
        lawyerIds: lawyersOf.get(s.id) ?? [],
      });
      const future = (s: { day: string }) => s.day >= today;
      const flagged = removed.filter(future).map(view).filter((s) => s.lawyerIds.length > 0);
      const missing = added.filter(future).map(view);
      if (flagged.length || missing.length) out.push({ rotaId: rota.id, name: rota.name, from: rota.from, to: rota.to, removed: flagged, added: missing });
    }
    return out;
  }

  async function repair(actor: Actor, rotaId: string): Promise<CalendarRepairResult> {
    const rota = await findRota(rotaId);
    if (!rota) throw new AppError('rota_not_found', 'No such rota', 404);
    if (rota.status !== 'published') throw new AppError('not_published', 'Only a published rota is repaired; plan a draft again instead', 409);
    const instance = await instanceFor(deps, rota);
    const current = withCurrentIds(rota.slots);
    const result = repairRota(instance, engineRotaOf(rota, current.slots), { type: 'calendarChanged' }, { report: false, now: deps.clock.now().toISOString() });
    const today = localDay('Asia/Shanghai', deps.clock.now());
    // The past stays as it was served: only today's and later shifts follow the calendar.
    const slots = [
      ...rota.slots.filter((s) => s.day < today),
      ...slotsFromEngine(result.rota.slots, result.rota.assignments)
        .filter((s) => s.day >= today)
        .map((s) => ({ ...s, id: current.stored.get(s.id) ?? s.id })),
    ].sort((a, b) => a.start.getTime() - b.start.getTime() || a.postId.localeCompare(b.postId));
    const changes = diffSlots(rota.slots, slots);
    const slotsGone = rota.slots.length !== slots.length || rota.slots.some((s, i) => s.id !== slots[i]?.id);
    if (changes.length === 0 && !slotsGone) throw new AppError('nothing_to_repair', 'The rota already matches the calendar', 409);
    const saved = await updateRotaAt(rota.id, rota.revision, { slots });
    if (!saved) throw new AppError('rota_conflict', 'The rota was changed by someone else; reload it', 409);
    const started = await publishVersion(actor.username, saved, CALENDAR_REPAIR_REASON);
    await deps.audit.record(actor, { action: 'rota.calendar_repair', entityType: 'rota', entityId: rota.id, after: { version: started.version, changes }, note: CALENDAR_REPAIR_REASON });
    return { rotaId: rota.id, version: started.version, changed: changes.length };
  }

  return { conflicts, repair };
}
