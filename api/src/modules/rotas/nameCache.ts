/**
 * Names for labelling duties (post names and codes, lawyer names). Duty lists are read on hot
 * paths (check-in, the live board, "my duties"); reading dossiers for a label each time would
 * dominate them.
 *
 * - An id never seen is loaded before answering: the whole list at once the first time (one
 *   pass), later by id.
 * - An entry older than `ttlMs` is answered as it is and refreshed in the background, one id
 *   after another, so the refresh never holds the database (one connection on the embedded
 *   database) for longer than a single primary-key read.
 */
export function createNameCache<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>, loadAll?: () => Promise<T[]>, ttlMs = 60_000) {
  const entries = new Map<string, { value: T; at: number }>();
  let loadedAll = false;
  const refreshing = new Set<string>();
  let refresher: Promise<void> | null = null;

  function refreshInBackground(ids: string[]): void {
    for (const id of ids) refreshing.add(id);
    refresher ??= (async () => {
      for (const id of refreshing) {
        try {
          const [value] = await load([id]);
          if (value) entries.set(id, { value, at: Date.now() });
          else entries.delete(id);
        } catch {
          // keep the old entry; the next lookup tries again
        }
        refreshing.delete(id);
      }
    })().finally(() => {
      refresher = null;
    });
  }

  return async function lookup(ids: string[]): Promise<Map<string, T>> {
    const now = Date.now();
    let missing = ids.filter((id) => !entries.has(id));
    if (missing.length && loadAll && !loadedAll) {
      for (const value of await loadAll()) entries.set(value.id, { value, at: now });
      loadedAll = true;
      missing = ids.filter((id) => !entries.has(id));
    }
    if (missing.length) {
      for (const value of await load(missing)) entries.set(value.id, { value, at: now });
    }
    const stale = ids.filter((id) => {
      const e = entries.get(id);
      return e && now - e.at > ttlMs && !refreshing.has(id);
    });
    if (stale.length) refreshInBackground(stale);
    const out = new Map<string, T>();
    for (const id of ids) {
      const e = entries.get(id);
      if (e) out.set(id, e.value);
    }
    return out;
  };
}
