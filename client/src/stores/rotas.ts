import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import {
  rotasApi,
  type CreateDraftBody,
  type EditCheck,
  type RotaDetail,
  type RotaSlot,
  type RotaSummary,
  type RotaVersionSummary,
  type SlotEdit,
} from '@/api/rotas';

/**
 * Rotas: the list, and the one rota under review with the staff's unsaved edits laid over
 * it (slot id → edit) until they are saved as one PATCH.
 */
export const useRotasStore = defineStore('rotas', () => {
  const byId = ref<Record<string, RotaSummary>>({});
  const listIds = ref<string[]>([]);
  const list = computed(() => listIds.value.map((id) => byId.value[id]).filter((r): r is RotaSummary => !!r));

  // A month of 38 posts is ~1,900 slots: replaced whole, never changed in place, so not made
  // deeply reactive (deep proxies over it cost seconds on the first render).
  const current = shallowRef<RotaDetail | null>(null);
  const edits = ref<Record<string, SlotEdit>>({});
  const versions = ref<RotaVersionSummary[]>([]);
  const editCount = computed(() => Object.keys(edits.value).length);

  async function fetchList(): Promise<void> {
    const rotas = await rotasApi.list();
    for (const r of rotas) byId.value[r.id] = r;
    listIds.value = rotas.map((r) => r.id);
  }

  /** A request for a rota started ahead of its page (by the router), taken by the next `load` of that rota. */
  let early: { id: string; detail: Promise<RotaDetail> } | null = null;
  function prefetch(id: string): void {
    const detail = rotasApi.get(id);
    detail.catch(() => undefined);
    early = { id, detail };
  }

  async function load(id: string): Promise<RotaDetail> {
    const pending = early?.id === id ? early.detail : null;
    early = null;
    const detail = markRaw(await (pending ?? rotasApi.get(id)));
    current.value = detail;
    byId.value[id] = detail;
    edits.value = {};
    return detail;
  }

  async function loadVersions(id: string): Promise<void> {
    versions.value = await rotasApi.versions(id);
  }

  const createDraft = (body: CreateDraftBody) => rotasApi.createDraft(body);

  /** The lawyers a slot has with the unsaved edits applied. */
  function lawyersOf(slot: RotaSlot): string[] {
    return edits.value[slot.id]?.lawyerIds ?? slot.lawyerIds;
  }
  function isPinned(slot: RotaSlot): boolean {
    const e = edits.value[slot.id];
    if (e?.pinned !== undefined) return e.pinned;
    return slot.pinnedLawyerIds.length > 0;
  }

  const slotById = computed(() => new Map((current.value?.slots ?? []).map((s) => [s.id, s])));

  function setSlot(slotId: string, lawyerIds: string[], pinned?: boolean): void {
    const slot = slotById.value.get(slotId);
    if (!slot) return;
    const prev = edits.value[slotId];
    const nextPinned = pinned ?? prev?.pinned;
    const same = lawyerIds.join() === slot.lawyerIds.join() && (nextPinned === undefined || nextPinned === slot.pinnedLawyerIds.length > 0);
    if (same) {
      const rest = { ...edits.value };
      delete rest[slotId];
      edits.value = rest;
      return;
    }
    edits.value = { ...edits.value, [slotId]: { slotId, lawyerIds, ...(nextPinned === undefined ? {} : { pinned: nextPinned }) } };
  }

  /** Moves one lawyer from a seat in one slot to another slot (drag and drop). */
  function moveLawyer(lawyerId: string, fromSlotId: string, toSlotId: string): void {
    if (fromSlotId === toSlotId) return;
    const from = slotById.value.get(fromSlotId);
    const to = slotById.value.get(toSlotId);
    if (!from || !to) return;
    const target = lawyersOf(to);
    if (target.includes(lawyerId)) return;
    setSlot(fromSlotId, lawyersOf(from).filter((id) => id !== lawyerId));
    setSlot(toSlotId, [...target, lawyerId]);
  }

  function discardEdits(): void {
    edits.value = {};
  }

  function editList(): SlotEdit[] {
    return Object.values(edits.value);
  }

  async function check(extra: SlotEdit[] = []): Promise<EditCheck> {
    const rota = current.value!;
    const merged = new Map(editList().map((e) => [e.slotId, e]));
    for (const e of extra) merged.set(e.slotId, e);
    if (merged.size === 0) return { ok: true, violations: [] };
    return rotasApi.check(rota.id, { revision: rota.revision, edits: [...merged.values()] });
  }

  async function save(reason?: string): Promise<void> {
    const rota = current.value!;
    const detail = markRaw(await rotasApi.saveAssignments(rota.id, { revision: rota.revision, edits: editList(), ...(reason ? { reason } : {}) }));
    current.value = detail;
    byId.value[detail.id] = detail;
    edits.value = {};
  }

  async function publish(note: string, confirmMissingCalendar = false) {
    const rota = current.value!;
    return rotasApi.publish(rota.id, { revision: rota.revision, ...(note ? { note } : {}), ...(confirmMissingCalendar ? { confirmMissingCalendar } : {}) });
  }

  async function replan() {
    const rota = current.value!;
    return rotasApi.replan(rota.id, { revision: rota.revision });
  }

  return {
    byId,
    list,
    current,
    edits,
    editCount,
    versions,
    fetchList,
    load,
    loadVersions,
    prefetch,
    createDraft,
    lawyersOf,
    isPinned,
    slotById,
    setSlot,
    moveLawyer,
    discardEdits,
    check,
    save,
    publish,
    replan,
  };
});
