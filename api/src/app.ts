import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFound } from './lib/errors';
import type { Logger } from './lib/logger';
import { staticClient } from './lib/static-client';
import { healthRoutes, type HealthDeps } from './modules/health/health.routes';

export interface AppDeps extends HealthDeps {
  logger: Logger;
  clientDist: string;
}

/** Builds the Express app. No listen here: server.ts and tests do that. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId(req, res) {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
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
        },
      },
    }),
  );

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(express.urlencoded({ extended: false, limit: '1mb' }));
  api.use(healthRoutes(deps));
  api.use(notFound);
  app.use('/api', api);

  app.use(staticClient(deps.clientDist));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
