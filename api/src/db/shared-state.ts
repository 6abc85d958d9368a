import { createClient } from 'redis';
import type { Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { Logger } from '../lib/logger';
import { caches, type CacheBus, type CacheHub, type Invalidation } from './cache';

/**
 * State several API processes must share: cache invalidations and rate-limit counters. With
 * `REDIS_URL` both go through Redis; without it each process keeps its own (right for one
 * process; with several, a change reaches the others' caches only when their time limit runs
 * out, and each counts attempts separately).
 */
const CHANNEL = 'zhiban:cache-invalidation';
/** The connection rate-limit stores send their commands on. */
let shared: { sendCommand(args: string[]): Promise<unknown> } | undefined;

/** Invalidations over Redis pub/sub: `client` publishes, `subscriber` (a connection of its own) listens. */
export function redisCacheBus(
  client: { publish(channel: string, message: string): Promise<unknown> },
  subscriber: { subscribe(channel: string, listener: (message: string) => void): Promise<unknown>; unsubscribe(channel: string, listener: (message: string) => void): Promise<unknown> },
  channel = CHANNEL,
): CacheBus {
  return {
    async publish(message) {
      await client.publish(channel, JSON.stringify(message));
    },
    async subscribe(handler) {
      const listener = (raw: string) => {
        try {
          handler(JSON.parse(raw) as Invalidation);
        } catch {
          // not ours: ignore
        }
      };
      await subscriber.subscribe(channel, listener);
      return async () => {
        await subscriber.unsubscribe(channel, listener).catch(() => undefined);
      };
    },
  };
}

/**
 * A rate-limit counter store named `name`: in Redis when shared state is connected, otherwise
 * undefined (express-rate-limit then counts in this process's memory). Each limiter needs its own.
 */
export function rateLimitStore(name: string): Store | undefined {
  const client = shared;
  if (!client) return undefined;
  return new RedisStore({ prefix: `zhiban:rl:${name}:`, sendCommand: (...args: string[]) => client.sendCommand(args) as Promise<number> });
}

export interface SharedStateOptions {
  redisUrl?: string;
  /** Cache time limits by name (ZHIBAN_CACHE_TTL_MS). */
  cacheTtlMs?: Record<string, number>;
}

/**
 * Applies the cache settings and, with a Redis URL, connects caches and rate limits to it.
 * Call before the app is built (rate limiters take their store when they are made). Returns
 * the closer.
 */
export async function connectSharedState(opts: SharedStateOptions, logger: Logger, hub: CacheHub = caches): Promise<() => Promise<void>> {
  hub.configure({ ttlMs: opts.cacheTtlMs });
  if (!opts.redisUrl) return async () => undefined;
  const client = createClient({ url: opts.redisUrl });
  const subscriber = client.duplicate();
  for (const c of [client, subscriber]) c.on('error', (err: unknown) => logger.error({ err }, 'redis error (shared state)'));
  await Promise.all([client.connect(), subscriber.connect()]);
  const leave = await hub.connect(redisCacheBus(client, subscriber), (err) => logger.warn({ err }, 'cache invalidation not sent'));
  shared = client;
  logger.info('caches and rate limits are shared over redis');
  return async () => {
    if (shared === client) shared = undefined;
    await leave();
    await Promise.allSettled([subscriber.quit(), client.quit()]);
  };
}
