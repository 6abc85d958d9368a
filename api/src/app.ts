import { randomUUID } from 'node:crypto';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFound } from './lib/errors';
import { redactUrl, type Logger } from './lib/logger';
import { createGuard, loginRateLimit, type LoginLimit } from './lib/auth';
import { noStore, sameOriginOnly } from './lib/request-guards';
import { mountRoutes, type RouteRegistry } from './lib/route';
import { staticClient } from './lib/static-client';
import { auditRoutes } from './modules/audit/audit.routes';
import { healthRoutes, type HealthDeps } from './modules/health/health.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { lawyerRoutes } from './modules/lawyers/lawyers.routes';
import { postRoutes } from './modules/posts/posts.routes';
import type { Services } from './modules/services';
import { authRoutes, userRoutes } from './modules/users/users.routes';
import { absenceRoutes } from './modules/absences/absences.routes';
import { boardRoutes } from './modules/board/board.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { checkinRoutes } from './modules/checkins/checkins.routes';
import { checkoutUndoRoutes } from './modules/checkins/checkout-undo.routes';
import { feedRoutes } from './modules/feeds/feeds.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { rotaRoutes } from './modules/rotas/rotas.routes';
import { shiftRoutes } from './modules/shifts/shifts.routes';
import { swapRoutes } from './modules/swaps/swaps.routes';
import { disciplineRoutes } from './modules/discipline/discipline.routes';
import { feedbackRoutes } from './modules/feedback/feedback.routes';
import { hotlineRoutes } from './modules/hotline/hotline.routes';
import { defaultPublicLimits, type PublicLimits } from './modules/public/public.limits';
import { publicRoutes } from './modules/public/public.routes';
import { recordRoutes } from './modules/records/records.routes';
import { swapCandidateRoutes } from './modules/swaps/swap-candidates';
import { docsPage, openApiRoutes } from './modules/docs/docs.routes';

export interface AppDeps extends HealthDeps {
  logger: Logger;
  clientDist: string;
  /** The areas' services, built by the composition root (server.ts) before the app. */
  services: Services;
  loginLimit?: LoginLimit;
  /** Per-IP limits of the public lookup and feedback. */
  publicLimits?: PublicLimits;
  /** Check every answer against its route's response schema (tests, fuzzing). */
  checkResponses?: boolean;
  /** ZHIBAN_SECURE_COOKIES: true/false forces the cookie's Secure flag; unset: only over https. */
  secureCookies?: boolean;
}

export const defaultLoginLimit: LoginLimit = { max: 10, windowMs: 15 * 60_000 };

declare module 'express-serve-static-core' {
  interface Locals {
    /** Every declared API route (the access-matrix test walks it). */
    routeRegistry?: RouteRegistry;
    /** The session cookie's Secure flag as configured; undefined: only over https. */
    secureCookies?: boolean;
  }
}

/** Builds the Express app over services built by the caller. No listen here: server.ts and tests do that. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.locals.secureCookies = deps.secureCookies;

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId(req, res) {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Calendar-feed paths are capability URLs: their secret stays out of the log.
      serializers: { req: (req: { url?: string }) => (typeof req.url === 'string' ? { ...req, url: redactUrl(req.url) } : req) },
      customLogLevel(_req, res, err) {
        if (err || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Map tiles come from a configurable source; images may be data: URIs (QR codes).
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          // The proof-of-work widget on the public feedback form solves in web workers.
          'worker-src': ["'self'", 'blob:'],
        },
      },
    }),
  );

  // JSON answers (a month's rota for 38 posts is ~650 KB) and the client's assets shrink ~10×.
  app.use(compression());

  const api = express.Router();
  api.use(noStore, sameOriginOnly);
  // JSON (and multipart on upload routes) only: an HTML form on another site cannot post here.
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  api.use(healthRoutes(deps));
  api.use(docsPage());
  const { services } = deps;
  // Every route below is declared with its access; mountRoutes puts the guard in front of each.
  app.locals.routeRegistry = mountRoutes(
    api,
    [
      ...authRoutes(services.auth, loginRateLimit(deps.loginLimit ?? defaultLoginLimit)),
      ...userRoutes(services.users),
      ...importRoutes(services.imports),
      ...lawyerRoutes(services.lawyers),
      ...postRoutes(services.posts),
      ...auditRoutes(services.audit),
      ...shiftRoutes(services.shifts),
      ...calendarRoutes(services.calendar),
      ...rotaRoutes(services.rotas),
      ...absenceRoutes(services.absences),
      ...swapRoutes(services.swaps),
      ...notificationRoutes(services.notifications),
      ...feedRoutes(services.feeds),
      ...boardRoutes(services.board),
      ...checkinRoutes(services.checkins, services.attendance, services.liveboard),
      ...disciplineRoutes(services.discipline),
      ...publicRoutes(services.lookup, services.feedback, deps.publicLimits ?? defaultPublicLimits),
      ...feedbackRoutes(services.feedback),
      ...hotlineRoutes(services.hotline),
      ...recordRoutes(services.recordsArea),
      ...checkoutUndoRoutes(services.checkoutUndo),
      ...swapCandidateRoutes(services.swapCandidates),
      ...openApiRoutes(() => app.locals.routeRegistry?.routes ?? [], deps.version),
    ],
    createGuard(services.auth),
    { checkResponses: deps.checkResponses },
  );
  api.use(notFound);
  app.use('/api', api);

  app.use(staticClient(deps.clientDist));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
