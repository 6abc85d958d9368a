import type { Request, RequestHandler, Response, Router } from 'express';
import multer from 'multer';
import type { z } from 'zod';
import type { Role } from '../contracts/common';
import type { Actor } from './actor';
import { AppError } from './errors';

/** Who may call a route. There is no default: every route states it. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface RouteContextBase<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  file?: Express.Multer.File;
  req: Request;
  res: Response;
}

/**
 * Who called: on a route that requires a session the guard has resolved one, so `actor` is
 * always there; on a public route it is there only when the caller happens to be signed in.
 */
export type ActorContext<A extends Access> = A extends 'public' ? { actor?: Actor } : { actor: Actor };

export type RouteContext<P, Q, B, A extends Access = Access> = RouteContextBase<P, Q, B> & ActorContext<A>;

export interface RouteDefinition<P = unknown, Q = unknown, B = unknown, A extends Access = Access> {
  method: HttpMethod;
  /** Path under /api, e.g. `/lawyers/:id`. */
  path: string;
  access: A;
  schemas?: {
    params?: z.ZodType<P>;
    query?: z.ZodType<Q>;
    body?: z.ZodType<B>;
    /** The success body (zod): the OpenAPI document is generated from it and tests check answers against it. */
    response?: z.ZodType;
  };
  /** Success status; 204 sends no body. Default 200. */
  status?: number;
  /** Accepts a multipart upload in this field (memory storage, `maxUploadBytes`). */
  upload?: { field: string; maxBytes: number };
  /** Extra middleware run after the guard and before validation (e.g. a rate limit). */
  middleware?: RequestHandler[];
  /** Reachable while the account must change its password (auth routes only). */
  allowedDuringPasswordChange?: boolean;
  /** The JSON to send, or undefined when the handler answered itself. */
  handler(ctx: RouteContext<P, Q, B, A>): Promise<unknown> | unknown;
}

// The registry stores routes with their types erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any>;

/**
 * Declares a route; parameter, query and body types follow from the schemas, and the
 * handler's `actor` from the access: non-null unless the route is public.
 */
export function defineRoute<P = Record<string, string>, Q = unknown, B = unknown, A extends Access = Access>(
  def: RouteDefinition<P, Q, B, A>,
): AnyRoute {
  return def as AnyRoute;
}

export interface RouteRegistry {
  routes: readonly AnyRoute[];
}

/** Resolves the caller and checks a route's access; provided by lib/auth. */
export type Guard = (route: AnyRoute) => RequestHandler;

export interface MountOptions {
  /**
   * Check every JSON success answer against the route's response schema; a mismatch answers
   * 500 `response_contract_violated` (on in tests and the fuzzing server, off in production).
   */
  checkResponses?: boolean;
}

/**
 * Mounts declared routes on a router, each behind its access guard, then validation, then
 * the handler. Returns the registry (tests enumerate it to check the access matrix).
 */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], guard: Guard, opts: MountOptions = {}): RouteRegistry {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    if (seen.has(key)) throw new Error(`Route declared twice: ${key}`);
    seen.add(key);
    if (route.access !== 'public' && route.access !== 'authenticated' && route.access.length === 0) {
      throw new Error(`Route ${key} allows no role`);
    }
    const chain: RequestHandler[] = [guard(route)];
    const responseSchema = route.schemas?.response;
    if (opts.checkResponses && responseSchema) chain.unshift(checkResponse(key, responseSchema));
    if (route.middleware) chain.push(...route.middleware);
    if (route.upload) chain.push(uploadMiddleware(route.upload));
    chain.push(async (req, res) => {
      const s = route.schemas ?? {};
      const actor = res.locals.actor as Actor | undefined;
      // The guard resolves a session for every non-public route; a handler that requires one never runs without it.
      if (!actor && route.access !== 'public') throw new Error(`Route ${key} reached its handler without a signed-in caller`);
      const ctx: RouteContext<unknown, unknown, unknown> = {
        params: s.params ? s.params.parse(req.params) : req.params,
        query: s.query ? s.query.parse(req.query) : req.query,
        body: s.body ? s.body.parse(req.body ?? {}) : undefined,
        actor,
        file: req.file,
        req,
        res,
      };
      const result = await route.handler(ctx);
      if (res.headersSent) return;
      const status = route.status ?? 200;
      if (status === 204 || result === undefined) res.status(status === 200 && result === undefined ? 204 : status).end();
      else res.status(status).json(result);
    });
    router[route.method](route.path, ...chain);
  }
  return { routes };
}

/** Wraps res.json so that a success body that breaks the route's response schema answers 500. */
function checkResponse(key: string, schema: z.ZodType): RequestHandler {
  return (_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode >= 300) return json(body);
      const checked = schema.safeParse(body);
      if (checked.success) return json(body);
      res.status(500);
      return json({
        error: {
          code: 'response_contract_violated',
          message: `The answer of ${key} does not match its response schema`,
          details: checked.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
        },
      });
    };
    next();
  };
}

function uploadMiddleware(opts: { field: string; maxBytes: number }): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: opts.maxBytes, files: 1 } }).single(opts.field);
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
        return next(new AppError('file_too_large', `The file is larger than ${opts.maxBytes} bytes`, 413));
      }
      // Memory storage cannot fail by itself: anything else is a malformed multipart body
      // (busboy's "Unexpected end of form", "Malformed part header", …), the caller's doing.
      next(new AppError('bad_upload', err instanceof Error ? err.message : 'The upload cannot be read', 400));
    });
  };
}
