import type { AttendanceState, KioskView } from '../../../api/src/contracts/checkins';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../api/src/contracts/realtime';
import { call, urlOf, type BodyOf } from './call';
import { ApiError } from './http';

export type * from '../../../api/src/contracts/checkins';

/** Mirrored from the contract (runtime values may not be imported from it). */
export const ATTENDANCE_STATES = ['not_yet_due', 'due', 'checked_in', 'late', 'absent', 'checked_out', 'left_early'] as const satisfies readonly AttendanceState[];
type EventName = keyof ServerToClientEvents | keyof ClientToServerEvents;
export const LIVEBOARD_EVENTS = {
  watch: 'liveboard:watch',
  unwatch: 'liveboard:unwatch',
  updates: 'liveboard:updates',
  posts: 'liveboard:posts',
} as const satisfies Record<string, EventName>;
export const KIOSK_EVENTS = { watch: 'kiosk:watch', changed: 'kiosk:changed' } as const satisfies Record<string, EventName>;

/**
 * The kiosk has no session: its post's token travels in `X-Kiosk-Token`, which the shared
 * JSON client does not send, so this one request is made here with the same error shape.
 */
async function kioskView(code: string, token: string): Promise<KioskView> {
  let res: Response;
  try {
    res = await fetch(urlOf('GET /kiosk/:code', { params: { code } }), { headers: { Accept: 'application/json', 'X-Kiosk-Token': token }, cache: 'no-store' });
  } catch {
    throw new ApiError('network', 'Network error', 0);
  }
  const data = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(err?.code ?? 'internal', err?.message ?? res.statusText, res.status, err?.details);
  }
  return data as KioskView;
}

export const checkinsApi = {
  kiosk: kioskView,
  checkIn: (body: BodyOf<'POST /checkins'>) => call('POST /checkins', { body }),
  mine: () => call('GET /checkins/mine'),
  liveBoard: () => call('GET /liveboard'),
  settings: (id: string) => call('GET /posts/:id/checkin-settings', { params: { id } }),
  saveSettings: (id: string, body: BodyOf<'PUT /posts/:id/checkin-settings'>) => call('PUT /posts/:id/checkin-settings', { params: { id }, body }),
  issueKioskToken: (id: string) => call('POST /posts/:id/kiosk-token', { params: { id } }),
  issueCountersignPin: (id: string) => call('POST /posts/:id/countersign-pin', { params: { id } }),
};
