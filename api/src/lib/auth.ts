import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { SESSION_COOKIE } from '../contracts/auth';
import type { Role } from '../contracts/common';
import type { AuthService } from '../modules/users/auth.service';
import type { Actor } from './actor';
import { AppError } from './errors';
import { sharedRateLimit } from './rate-limit';
import type { AnyRoute, Guard } from './route';

/** Reads the session cookie (set by cookie-parser) of a request. */
export function sessionToken(req: Request): string | undefined {
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  const token = cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token.length > 0 && token.length < 200 ? token : undefined;
}

/**
 * Whether the session cookie is `Secure`: as configured (ZHIBAN_SECURE_COOKIES, kept in
 * app.locals by createApp), else whenever the request came over https (directly or through a
 * trusted proxy), so plain http on a laptop still works.
 */
function secureCookie(req: Request): boolean {
  const configured = (req.app.locals as { secureCookies?: boolean }).secureCookies;
  return configured ?? req.secure;
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(req),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookie(req), path: '/' });
}

export function allows(access: AnyRoute['access'], role: Role): boolean {
  return access === 'public' || access === 'authenticated' || access.includes(role);
}

/**
 * The access guard of every declared route: public routes pass; otherwise the session
 * cookie must name a live session (401), an account that must change its password may only
 * reach the routes that let it do so (403), and the role must be listed (403).
 * The resolved user lands in `res.locals.actor`.
 */
export function createGuard(auth: AuthService): Guard {
  return (route) => async (req, res, next) => {
    const token = sessionToken(req);
    if (route.access === 'public' && !token) return next();
    const resolved = token ? await auth.resolve(token) : { error: 'unauthenticated' as const };
    if ('error' in resolved) {
      if (route.access === 'public') return next();
      if (resolved.error === 'session_expired') clearSessionCookie(req, res);
      return next(
        new AppError(resolved.error, resolved.error === 'session_expired' ? 'The session has expired; sign in again' : 'Sign in first', 401),
      );
    }
    const { user, sessionId } = resolved;
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      lawyerId: user.lawyerId,
      requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null,
    };
    res.locals.actor = actor;
    res.locals.sessionId = sessionId;
    res.locals.user = user;
    if (route.access === 'public') return next();
    if (user.mustChangePassword && !route.allowedDuringPasswordChange) {
      return next(new AppError('password_change_required', 'Change your password before going on', 403));
    }
    if (!allows(route.access, user.role)) {
      return next(new AppError('forbidden', 'Your role may not do this', 403));
    }
    next();
  };
}

export interface LoginLimit {
  /** Failed attempts allowed per IP + username in the window. */
  max: number;
  windowMs: number;
}

/**
 * Limits failed logins per IP + username. With Redis the counter is shared by every API
 * process; without it each process counts its own (lib/rate-limit.ts).
 */
export function loginRateLimit(limit: LoginLimit): RequestHandler {
  return sharedRateLimit('login', {
    windowMs: limit.windowMs,
    limit: limit.max,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { username?: unknown } | undefined;
      const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
      return `${ipKeyGenerator(req.ip ?? 'unknown')}|${username}`;
    },
    handler: (_req, _res, next, options) => {
      next(
        new AppError('too_many_login_attempts', 'Too many failed sign-in attempts; try again later', 429, {
          retryAfterSeconds: Math.ceil(options.windowMs / 1000),
        }),
      );
    },
  });
}
