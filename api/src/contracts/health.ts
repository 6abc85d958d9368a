/**
 * GET /api/health (public): liveness and the database's health. Pure: imports only zod.
 * 200 when the database answers, 503 (same body) when it does not.
 */
import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.object({
    ok: z.boolean(),
    mode: z.enum(['embedded', 'external']),
    name: z.string().optional(),
    latencyMs: z.number().optional(),
    error: z.string().optional(),
  }),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
