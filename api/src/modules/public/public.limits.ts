import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../../lib/errors';

/** Per-IP limits of the public endpoints (requests per window). */
export interface PublicLimits {
  lookup: { max: number; windowMs: number };
  feedback: { max: number; windowMs: number };
  challenge: { max: number; windowMs: number };
  /** Largest accepted body of a public submission, in bytes. */
  maxBodyBytes: number;
}

export const defaultPublicLimits: PublicLimits = {
  lookup: { max: 120, windowMs: 60_000 },
  feedback: { max: 10, windowMs: 60 * 60_000 },
  challenge: { max: 30, windowMs: 60_000 },
  maxBodyBytes: 16 * 1024,
};

/**
 * A per-IP limit answering 429 `too_many_requests`. Counted in this process's memory: behind
 * several processes each counts its own (a shared store such as rate-limit-redis plugs in here).
 */
export function perIpLimit(name: string, limit: { max: number; windowMs: number }): RequestHandler {
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${name}|${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (_req, _res, next, options) => {
      next(new AppError('too_many_requests', 'Too many requests from this address; try again later', 429, { retryAfterSeconds: Math.ceil(options.windowMs / 1000) }));
    },
  });
}

/** Refuses bodies larger than `maxBytes` (413 `payload_too_large`) before anything else reads them. */
export function bodyLimit(maxBytes: number): RequestHandler {
  return (req, _res, next) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > maxBytes) return next(new AppError('payload_too_large', `The request is larger than ${maxBytes} bytes`, 413));
    next();
  };
}
