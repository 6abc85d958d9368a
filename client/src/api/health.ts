import { ApiError } from './http';

export interface Health {
  status: 'ok' | 'degraded';
  db: { ok: boolean; mode: 'embedded' | 'external'; name?: string; latencyMs?: number; error?: string };
  version: string;
}

/** A 503 still carries the health body, so it is returned rather than thrown. */
export async function fetchHealth(): Promise<Health> {
  const res = await fetch('/api/health', { headers: { Accept: 'application/json' } }).catch(() => {
    throw new ApiError('network', 'Network error', 0);
  });
  return (await res.json()) as Health;
}
