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
  /**
   * The demo world's past months, while a fresh embedded database fills them in after the first
   * start (rotas, check-ins, attendance, duty records): figures and attendance of the past are
   * incomplete until `state` is `done`. Absent when there is nothing to fill in.
   */
  demo: z
    .object({
      state: z.enum(['seeding', 'done', 'failed']),
      phase: z.enum(['rotas', 'checkins', 'attendance', 'records']),
      percent: z.number().int().min(0).max(100),
    })
    .optional(),
});
export type DemoProgress = NonNullable<Health['demo']>;
export type Health = z.infer<typeof healthSchema>;
