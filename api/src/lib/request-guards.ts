import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Actor } from './actor';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside SameSite=Lax: a state-changing request that names an Origin must come
 * from this site (browsers send Origin on every cross-site POST). Requests without Origin
 * (curl, integrations, old browsers on same-origin navigation) pass; the API accepts JSON and
 * multipart only, never HTML-form bodies.
 */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  if (!origin) return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return next(new AppError('origin_refused', 'Cross-site requests are not accepted', 403));
  }
  if (host !== req.get('host')) return next(new AppError('origin_refused', 'Cross-site requests are not accepted', 403));
  next();
};

/** API answers carry private data: no browser or proxy keeps them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Wrong current passwords per account: 5 in 15 minutes (per process), then 429. */
export function passwordChangeLimit(): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: 5,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => (res.locals.actor as Actor | undefined)?.userId ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => next(new AppError('too_many_attempts', 'Too many wrong passwords; wait a few minutes', 429)),
  });
}
