/**
 * Names for labelling duties (post names and codes, lawyer names), kept for a short while.
 * Duty lists are read on hot paths (check-in, the live board, "my duties"); reading dossiers
 * for a label each time would dominate them. On a miss the whole list is loaded at most once
 * per `ttlMs` (one pass), then single ids are read by key.
 */
export function createNameCache<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>, loadAll?: () => Promise<T[]>, ttlMs = 30_000) {
  const entries = new Map<string, { value: T; at: number }>();
  let lastFull = 0;
  return async function lookup(ids: string[]): Promise<Map<string, T>> {
    const now = Date.now();
    const missing = () =>
      ids.filter((id) => {
        const e = entries.get(id);
        return !e || now - e.at > ttlMs;
      });
    let stale = missing();
    if (stale.length && loadAll && now - lastFull > ttlMs) {
      for (const value of await loadAll()) entries.set(value.id, { value, at: now });
      lastFull = now;
      stale = missing();
    }
    if (stale.length) {
      for (const value of await load(stale)) entries.set(value.id, { value, at: now });
    }
    const out = new Map<string, T>();
    for (const id of ids) {
      const e = entries.get(id);
      if (e) out.set(id, e.value);
    }
    return out;
  };
}
