import { randomUUID } from 'node:crypto';
import { keyedCache, type KeyedCache } from '../lib/keyed-cache';
import { shortLived, type ShortLived, type ShortLivedOptions } from '../lib/short-lived';

/**
 * The one place where data read from the database is kept in memory. FerretDB answers only
 * `_id` lookups from an index, so small collections read on hot paths are held as snapshots
 * and names by id; on MongoDB they merely save round trips.
 *
 * Each cache has a name; its time limit is the default given here unless configuration sets
 * it (`ZHIBAN_CACHE_TTL_MS`, e.g. `posts=5000,lawyerNames=60000`). A write announces the topic
 * it changed (`invalidate('posts', [id])`): every cache on that topic in this process forgets
 * at once, and with Redis (`REDIS_URL`) so do those of every other process.
 */
export interface Invalidation {
  topic: string;
  /** The ids that changed; none means everything on the topic. */
  keys?: string[];
  /** The process that sent it (it has already cleared its own caches). */
  origin: string;
}

/** How invalidations travel between processes (Redis pub/sub in production). */
export interface CacheBus {
  publish(message: Invalidation): Promise<void>;
  subscribe(handler: (message: Invalidation) => void): Promise<() => Promise<void>>;
}

export interface CacheHub {
  /** A whole small collection (or a value derived from it), kept for `ttlMs`. */
  snapshot<T>(name: string, load: () => Promise<T>, ttlMs: number, opts?: ShortLivedOptions & { topic?: string }): ShortLived<T>;
  /** Records by id on `topic`, kept for `ttlMs` and refreshed in the background after it. */
  byId<T extends { id: string }>(name: string, topic: string, load: (ids: string[]) => Promise<T[]>, loadAll?: () => Promise<T[]>, ttlMs?: number): KeyedCache<T>;
  /** After a write: forget `topic` (only `keys` if given) here and, with a bus, everywhere. */
  invalidate(topic: string, keys?: string[]): void;
  /** Time limits by cache name, from configuration. */
  configure(settings: { ttlMs?: Record<string, number> }): void;
  ttl(name: string, fallback: number): number;
  /** Joins other processes through `bus`; returns the leave function. */
  connect(bus: CacheBus, onError?: (err: unknown) => void): Promise<() => Promise<void>>;
  /** The caches by name and topic (for the README's list and tests). */
  names(): { name: string; topic: string }[];
}

export function createCacheHub(origin: string = randomUUID()): CacheHub {
  const members: { name: string; topic: string; forget(keys?: string[]): void }[] = [];
  let ttls: Record<string, number> = {};
  let bus: CacheBus | undefined;
  let reportError: (err: unknown) => void = () => undefined;

  function join(name: string, topic: string, forget: (keys?: string[]) => void): void {
    members.push({ name, topic, forget });
  }

  function forgetHere(topic: string, keys?: string[]): void {
    for (const m of members) if (m.topic === topic) m.forget(keys);
  }

  function invalidate(topic: string, keys?: string[]): void {
    forgetHere(topic, keys);
    bus?.publish({ topic, ...(keys ? { keys } : {}), origin }).catch(reportError);
  }

  const ttl = (name: string, fallback: number) => ttls[name] ?? fallback;

  return {
    snapshot(name, load, ttlMs, opts = {}) {
      const inner = shortLived(load, () => ttl(name, ttlMs), opts);
      const topic = opts.topic ?? name;
      join(name, topic, () => inner.clear());
      return { get: () => inner.get(), clear: () => invalidate(topic) };
    },
    byId(name, topic, load, loadAll, ttlMs = 60_000) {
      const cache = keyedCache(load, loadAll, () => ttl(name, ttlMs));
      join(name, topic, (keys) => cache.forget(keys));
      return cache;
    },
    invalidate,
    configure(settings) {
      ttls = { ...(settings.ttlMs ?? {}) };
    },
    ttl,
    async connect(b, onError) {
      if (onError) reportError = onError;
      const unsubscribe = await b.subscribe((message) => {
        if (message.origin !== origin) forgetHere(message.topic, message.keys);
      });
      bus = b;
      return async () => {
        if (bus === b) bus = undefined;
        await unsubscribe();
      };
    },
    names: () => [...new Map(members.map((m) => [m.name, { name: m.name, topic: m.topic }])).values()],
  };
}

/** This process's caches. */
export const caches = createCacheHub();
