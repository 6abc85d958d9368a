/**
 * Records by id (e.g. names for labelling duties), for hot paths where reading each record
 * every time would dominate.
 *
 * - An id never seen is loaded before answering: the whole list at once the first time (one
 *   pass), later by id.
 * - An entry older than the time limit is answered as it is and refreshed in the background,
 *   one id after another, so the refresh never holds the database (one connection on the
 *   embedded database) for longer than a single primary-key read.
 * - `forget(ids)` drops entries after a change (all of them without ids), so the next lookup
 *   reads them again.
 */
export interface KeyedCache<T> {
  (ids: string[]): Promise<Map<string, T>>;
  forget(ids?: string[]): void;
}

export function keyedCache<T extends { id: string }>(
  load: (ids: string[]) => Promise<T[]>,
  loadAll?: () => Promise<T[]>,
  ttlMs: number | (() => number) = 60_000,
): KeyedCache<T> {
  const ttl = typeof ttlMs === 'function' ? ttlMs : () => ttlMs;
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

  async function lookup(ids: string[]): Promise<Map<string, T>> {
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
    const limit = ttl();
    const stale = ids.filter((id) => {
      const e = entries.get(id);
      return e && now - e.at > limit && !refreshing.has(id);
    });
    if (stale.length) refreshInBackground(stale);
    const out = new Map<string, T>();
    for (const id of ids) {
      const e = entries.get(id);
      if (e) out.set(id, e.value);
    }
    return out;
  }

  return Object.assign(lookup, {
    forget(ids?: string[]) {
      if (!ids) {
        entries.clear();
        loadedAll = false;
        return;
      }
      for (const id of ids) entries.delete(id);
    },
  });
}
