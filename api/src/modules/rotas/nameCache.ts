import { keyedCache } from '../../lib/keyed-cache';

/**
 * Names for labelling duties (post names and codes, lawyer names). Duty lists are read on hot
 * paths (check-in, the live board, "my duties"); reading dossiers for a label each time would
 * dominate them. The cache itself is `lib/keyed-cache.ts`; `db/cache.ts` names it, so that
 * configuration sets its time limit and a change clears it in every process.
 */
export function createNameCache<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>, loadAll?: () => Promise<T[]>, ttlMs: number | (() => number) = 60_000) {
  return keyedCache(load, loadAll, ttlMs);
}
