import { rateLimit, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { rateLimitStore } from '../db/shared-state';

/**
 * A rate limiter whose counters all API processes share when Redis is configured (`REDIS_URL`,
 * through rate-limit-redis), so that N processes do not give N times the attempts. Without
 * Redis it counts in this process. `name` keeps each limiter's counters apart.
 */
export function sharedRateLimit(name: string, options: Partial<Options>): RequestHandler {
  const store = rateLimitStore(name);
  // If Redis fails mid-way, let requests through (and log) rather than refuse every sign-in.
  return rateLimit({ ...options, ...(store ? { store, passOnStoreError: true } : {}) });
}
