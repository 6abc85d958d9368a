import type { Health } from '../../../api/src/contracts/health';
import { urlOf } from './call';
import { ApiError } from './http';

export type { Health };

/** A 503 still carries the health body, so it is returned rather than thrown. */
export async function fetchHealth(): Promise<Health> {
  const res = await fetch(urlOf('GET /health'), { headers: { Accept: 'application/json' } }).catch(() => {
    throw new ApiError('network', 'Network error', 0);
  });
  return (await res.json()) as Health;
}
