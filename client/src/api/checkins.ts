import type {
  AttendanceState,
  CheckinBody,
  CheckinResult,
  CheckinSettings,
  CheckinSettingsBody,
  CountersignPinIssued,
  KioskTokenIssued,
  KioskView,
  LiveBoard,
  MyDuty,
} from '../../../api/src/contracts/checkins';
import { ApiError, http } from './http';

export type * from '../../../api/src/contracts/checkins';

/** Mirrored from the contract (runtime values may not be imported from it). */
export const ATTENDANCE_STATES = ['not_yet_due', 'due', 'checked_in', 'late', 'absent', 'checked_out', 'left_early'] as const satisfies readonly AttendanceState[];
export const LIVEBOARD_EVENTS = { watch: 'liveboard:watch', unwatch: 'liveboard:unwatch', updates: 'liveboard:updates', posts: 'liveboard:posts' } as const;
export const KIOSK_EVENTS = { watch: 'kiosk:watch', changed: 'kiosk:changed' } as const;

/**
 * The kiosk has no session: its post's token travels in `X-Kiosk-Token`, which the shared
 * JSON client does not send, so this one request is made here with the same error shape.
 */
async function kioskView(code: string, token: string): Promise<KioskView> {
  let res: Response;
  try {
    res = await fetch(`/api/kiosk/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json', 'X-Kiosk-Token': token }, cache: 'no-store' });
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
  checkIn: (body: CheckinBody) => http.post<CheckinResult>('/api/checkins', body),
  mine: () => http.get<MyDuty[]>('/api/checkins/mine'),
  liveBoard: () => http.get<LiveBoard>('/api/liveboard'),
  settings: (postId: string) => http.get<CheckinSettings>(`/api/posts/${postId}/checkin-settings`),
  saveSettings: (postId: string, body: CheckinSettingsBody) => http.put<CheckinSettings>(`/api/posts/${postId}/checkin-settings`, body),
  issueKioskToken: (postId: string) => http.post<KioskTokenIssued>(`/api/posts/${postId}/kiosk-token`),
  issueCountersignPin: (postId: string) => http.post<CountersignPinIssued>(`/api/posts/${postId}/countersign-pin`),
};
