import { Router } from 'express';
import type { DatabaseHealth } from '../../db/mongo';

export interface HealthDeps {
  checkDatabase: () => Promise<DatabaseHealth>;
  /** 'embedded' (FerretDB started by this server) or 'external' (MONGODB_URI). */
  databaseMode: 'embedded' | 'external';
  version: string;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const db = await deps.checkDatabase();
    res.status(db.ok ? 200 : 503).json({
      status: db.ok ? 'ok' : 'degraded',
      db: { ...db, mode: deps.databaseMode },
      version: deps.version,
    });
  });
  return router;
}
