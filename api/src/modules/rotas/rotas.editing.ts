import type { EditBody, EditCheck, RotaViolation } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { validateRota, type Violation } from '../../../../scheduler/src/index';
import { instanceFor, type RotasDeps } from './rotas.context';
import { findRota, updateRotaAt, type SlotFields, type StoredRota } from './rotas.repository';
import { engineRotaOf, violationView } from './rotas.views';

/**
 * Rules an edit may leave broken for now: a slot left short is shown as a warning, since
 * staff may fill it later or accept the gap. Every other hard rule blocks the edit.
 */
const WARNING_RULES = new Set(['slotFilled']);

/** What makes two violations the same one, before and after a change. */
export const violationKey = (v: Violation) => `${v.rule}|${v.slotId ?? ''}|${v.lawyerId ?? ''}|${v.otherSlotId ?? ''}`;

export function applyEdits(slots: SlotFields[], edits: EditBody['edits']): SlotFields[] {
  const byId = new Map(slots.map((s) => [s.id, s]));
  for (const e of edits) if (!byId.has(e.slotId)) throw new AppError('slot_not_found', `No slot ${e.slotId} in this rota`, 404, { slotId: e.slotId });
  const edited = new Map(edits.map((e) => [e.slotId, e]));
  return slots.map((s) => {
    const e = edited.get(s.id);
    if (!e) return s;
    const lawyerIds = [...new Set(e.lawyerIds)];
    const pinned = e.pinned === undefined ? s.pinnedLawyerIds.filter((id) => lawyerIds.includes(id)) : e.pinned ? lawyerIds : [];
    return { ...s, lawyerIds, pinnedLawyerIds: pinned };
  });
}

export function createRotaEditing(deps: RotasDeps) {
  /** New violations an edit would bring, split into blocking ones and warnings. */
  async function evaluate(rota: StoredRota, slots: SlotFields[]): Promise<{ blocking: RotaViolation[]; warnings: RotaViolation[] }> {
    const instance = await instanceFor(deps, rota);
    const before = new Set(validateRota(instance, engineRotaOf(rota, rota.slots)).violations.map(violationKey));
    const after = validateRota(instance, engineRotaOf(rota, slots)).violations.filter((v) => !before.has(violationKey(v)));
    return {
      blocking: after.filter((v) => !WARNING_RULES.has(v.rule)).map((v) => violationView(v)),
      warnings: after.filter((v) => WARNING_RULES.has(v.rule)).map((v) => violationView(v)),
    };
  }

  async function load(id: string): Promise<StoredRota> {
    const rota = await findRota(id);
    if (!rota) throw new AppError('rota_not_found', 'No such rota', 404);
    if (rota.status === 'planning') throw new AppError('rota_planning', 'The engine is still planning this rota', 409);
    if (rota.status === 'archived') throw new AppError('rota_archived', 'This rota is archived', 409);
    return rota;
  }

  async function check(id: string, body: EditBody): Promise<EditCheck> {
    const rota = await load(id);
    const { blocking, warnings } = await evaluate(rota, applyEdits(rota.slots, body.edits));
    return { ok: blocking.length === 0, violations: [...blocking, ...warnings] };
  }

  /**
   * Saves edits made from `revision`. Refused when someone saved first (409 rota_conflict) or
   * when an edit breaks a hard rule (409 rule_violation). Returns the saved rota and what changed.
   */
  async function saveEdits(
    actor: Actor,
    id: string,
    body: EditBody,
  ): Promise<{ rota: StoredRota; before: StoredRota; changed: { slotId: string; removed: string[]; added: string[] }[]; audit(): Promise<void> }> {
    const rota = await load(id);
    if (rota.revision !== body.revision) throw conflict(rota.revision);
    if (rota.status === 'published' && !body.reason) {
      throw new AppError('amendment_reason_required', 'A published rota is changed by amendment: give a reason', 400);
    }
    const slots = applyEdits(rota.slots, body.edits);
    const { blocking } = await evaluate(rota, slots);
    if (blocking.length) throw new AppError('rule_violation', blocking[0].message, 409, blocking);
    const saved = await updateRotaAt(id, body.revision, { slots });
    if (!saved) throw conflict((await findRota(id))?.revision ?? body.revision);
    const changed = diffSlots(rota.slots, slots);
    // Written by the caller once the change has taken effect (an amendment only when its version is published).
    const audit = () =>
      changed.length === 0
        ? Promise.resolve()
        : deps.audit.record(actor, { action: rota.status === 'published' ? 'rota.amend' : 'rota.edit', entityType: 'rota', entityId: id, before: changed.map((c) => ({ slotId: c.slotId, lawyerIds: c.removed })), after: changed.map((c) => ({ slotId: c.slotId, lawyerIds: c.added })), note: body.reason });
    return { rota: saved, before: rota, changed, audit };
  }

  return { check, saveEdits };
}

export function conflict(revision: number): AppError {
  return new AppError('rota_conflict', 'Someone else saved this rota first; reload to see their changes', 409, { revision });
}

export function diffSlots(before: SlotFields[], after: SlotFields[]): { slotId: string; removed: string[]; added: string[] }[] {
  const old = new Map(before.map((s) => [s.id, s.lawyerIds]));
  const out = [];
  for (const s of after) {
    const prev = old.get(s.id) ?? [];
    const removed = prev.filter((id) => !s.lawyerIds.includes(id));
    const added = s.lawyerIds.filter((id) => !prev.includes(id));
    if (removed.length || added.length) out.push({ slotId: s.id, removed, added });
  }
  return out;
}
