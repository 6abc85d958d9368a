/**
 * A value read from the database and kept for a short while, for small collections read on hot
 * paths (publication pointers, posts, check-in settings). Concurrent readers of a missing or
 * expired value share one load. `clear()` after a write in this process. Repositories make these
 * through `db/cache.ts`, which takes the time limit from configuration and, with Redis, clears
 * the same snapshot in every process; without Redis other processes see the change once the
 * time limit has passed, so use it only where that delay is harmless.
 */
export interface ShortLived<T> {
  get(): Promise<T>;
  clear(): void;
}

export interface ShortLivedOptions {
  /**
   * Answer an expired value at once and read the new one in the background (later readers get
   * it). For data whose change may show a little late, so that no reader waits for the read.
   */
  staleWhileRefresh?: boolean;
  now?: () => number;
}

/** `ttlMs` may be a function, read at every `get()`, so that configuration can change it later. */
export function shortLived<T>(load: () => Promise<T>, ttlMs: number | (() => number), opts: ShortLivedOptions = {}): ShortLived<T> {
  const now = opts.now ?? Date.now;
  const ttl = typeof ttlMs === 'function' ? ttlMs : () => ttlMs;
  let value: { v: T; at: number } | null = null;
  let loading: Promise<T> | null = null;
  let generation = 0;

  function refresh(): Promise<T> {
    if (loading) return loading;
    const gen = generation;
    const startedAt = now();
    const p = load().then(
      (v) => {
        // A clear() while loading means a write raced the read: do not keep what was read.
        if (gen === generation) value = { v, at: startedAt };
        if (loading === p) loading = null;
        return v;
      },
      (err: unknown) => {
        if (loading === p) loading = null;
        throw err;
      },
    );
    loading = p;
    return p;
  }

  return {
    get() {
      if (value && now() - value.at < ttl()) return Promise.resolve(value.v);
      if (value && opts.staleWhileRefresh) {
        refresh().catch(() => undefined);
        return Promise.resolve(value.v);
      }
      return refresh();
    },
    clear() {
      generation++;
      value = null;
      loading = null;
    },
  };
}
