import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/http';
import { recordsApi, type DutyRecord, type RecordBody, type RecordKind } from '@/api/records';

/** A record being written or waiting to be sent. Kept in localStorage, so a phone without signal loses nothing. */
export interface RecordDraft {
  /** Chosen when the draft is made and sent with it: a retry never records twice. */
  clientKey: string;
  kind: RecordKind;
  dutyKey: string;
  data: Record<string, unknown>;
  savedAt: string;
  /** editing: the open form · pending: waiting for the network · refused: the server said no (code). */
  status: 'editing' | 'pending' | 'refused';
  error?: string;
}

const STORAGE_KEY = 'zhiban.recordDrafts';

function newKey(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `r-${random}`.slice(0, 64);
}

function load(): RecordDraft[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as RecordDraft[]) : [];
  } catch {
    return [];
  }
}

export const useRecordDraftsStore = defineStore('recordDrafts', () => {
  const byKey = ref<Record<string, RecordDraft>>(Object.fromEntries(load().map((d) => [d.clientKey, d])));
  const sent = ref<DutyRecord[]>([]);
  const sending = ref(false);

  const all = computed(() => Object.values(byKey.value).sort((a, b) => a.savedAt.localeCompare(b.savedAt)));
  const queued = computed(() => all.value.filter((d) => d.status !== 'editing'));

  function persist(): void {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all.value));
  }

  /** The open draft for a duty and kind, or a fresh one with the given defaults. */
  function editing(dutyKey: string, kind: RecordKind, defaults: () => Record<string, unknown>): RecordDraft {
    const open = all.value.find((d) => d.status === 'editing' && d.dutyKey === dutyKey && d.kind === kind);
    if (open) return open;
    const draft: RecordDraft = { clientKey: newKey(), kind, dutyKey, data: defaults(), savedAt: new Date().toISOString(), status: 'editing' };
    byKey.value[draft.clientKey] = draft;
    persist();
    return draft;
  }

  function save(draft: RecordDraft): void {
    byKey.value[draft.clientKey] = { ...draft, data: { ...draft.data }, savedAt: new Date().toISOString() };
    persist();
  }

  function discard(clientKey: string): void {
    delete byKey.value[clientKey];
    persist();
  }

  /** Sends every queued draft, oldest first; stops at the first network failure and keeps the rest. */
  async function sendQueued(): Promise<{ sent: number; failed: boolean }> {
    if (sending.value) return { sent: 0, failed: false };
    sending.value = true;
    let count = 0;
    try {
      for (const d of queued.value.filter((x) => x.status === 'pending')) {
        try {
          const body = { kind: d.kind, dutyKey: d.dutyKey, clientKey: d.clientKey, data: d.data } as RecordBody;
          const record = await recordsApi.create(body);
          sent.value = [record, ...sent.value.filter((r) => r.id !== record.id)];
          delete byKey.value[d.clientKey];
          count++;
        } catch (err) {
          if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
            byKey.value[d.clientKey] = { ...d, status: 'refused', error: err.code };
          } else {
            return { sent: count, failed: true };
          }
        } finally {
          persist();
        }
      }
      return { sent: count, failed: false };
    } finally {
      sending.value = false;
    }
  }

  /** Queues the draft and tries to send at once. */
  async function submit(draft: RecordDraft): Promise<{ sent: number; failed: boolean }> {
    byKey.value[draft.clientKey] = { ...draft, data: { ...draft.data }, status: 'pending', error: undefined, savedAt: new Date().toISOString() };
    persist();
    return sendQueued();
  }

  /** A refused draft goes back to the form to be corrected. */
  function reopen(clientKey: string): RecordDraft | undefined {
    const d = byKey.value[clientKey];
    if (!d) return undefined;
    for (const other of all.value) if (other.status === 'editing' && other.dutyKey === d.dutyKey && other.kind === d.kind) delete byKey.value[other.clientKey];
    byKey.value[clientKey] = { ...d, status: 'editing', error: undefined };
    persist();
    return byKey.value[clientKey];
  }

  return { all, queued, sent, sending, editing, save, discard, submit, sendQueued, reopen };
});
