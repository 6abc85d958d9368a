import { Router } from 'express';
import type { DemoProgress } from '../../contracts/health';
import type { DatabaseHealth } from '../../db/mongo';

export interface HealthDeps {
  checkDatabase: () => Promise<DatabaseHealth>;
  /** 'embedded' (FerretDB started by this server) or 'external' (MONGODB_URI). */
  databaseMode: 'embedded' | 'external';
  version: string;
  /** How far the demo's past months are filled in (a fresh embedded database), if they are being. */
  demoProgress?: () => DemoProgress | null;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const db = await deps.checkDatabase();
    res.status(db.ok ? 200 : 503).json({
      status: db.ok ? 'ok' : 'degraded',
      db: { ...db, mode: deps.databaseMode },
      version: deps.version,
      ...(deps.demoProgress?.() ? { demo: deps.demoProgress() } : {}),
    });
  });
  return router;
}
