import type { LiveBoardUpdate } from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AttendanceService } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import type { RotasService } from '../rotas/rotas.service';
import type { LawyerStanding } from '../lawyers/lawyers.port';
import { createCheckIn } from './check-in';
import { createCheckinReplay } from './checkin-replay';
import { createCheckinSettings, settingsFor } from './checkin-settings';
import { createDutyStates } from './duty-states';
import { createKiosk } from './kiosk';
import { createMyDay } from './my-day';

export { COUNTERSIGN_MAX_FAILURES } from './countersign';
export { DEFAULT_SETTINGS, type PostSettings } from './checkin-settings';
export type { DutyAttendance } from './duty-states';
export { checkinSecretSource } from './kiosk';

export interface CheckinsDeps {
  clock: Clock;
  audit: AuditService;
  attendance: AttendanceService;
  rotas: Pick<RotasService, 'duties'>;
  postsByIds(ids: string[]): Promise<Post[]>;
  postByCode(code: string): Promise<Post | null>;
  /** The HMAC key of check-in codes and PINs (config, or generated and stored on first start). */
  secret(): Promise<string>;
  /** Announces a duty's new state after the write succeeded. */
  onUpdate?(update: LiveBoardUpdate): void;
  /** Refuses removed lawyers at check-in (the lawyers area's standing). */
  standing: Pick<LawyerStanding, 'assertMayCheckIn'>;
}

/**
 * Check-in at posts, composed of its parts: the kiosk (post credentials and rotating codes,
 * kiosk.ts), the check-in/out act (check-in.ts, with duty-choice, geofence, countersign and
 * checkin-replay), the lawyer's day (my-day.ts), and every duty's attendance state
 * (duty-states.ts) from the posts' settings (checkin-settings.ts).
 */
export function createCheckinsService(deps: CheckinsDeps) {
  async function postOrThrow(id: string): Promise<Post> {
    const [post] = await deps.postsByIds([id]);
    if (!post) throw new AppError('post_not_found', 'No such post', 404);
    return post;
  }

  const { attendanceOf } = createDutyStates(deps);
  const settings = createCheckinSettings({ ...deps, postOrThrow });
  const kiosk = createKiosk({ ...deps, postOrThrow, attendanceOf });
  const { replay } = createCheckinReplay({ rotas: deps.rotas, attendanceOf });
  const { checkIn } = createCheckIn({ ...deps, attendanceOf, replay });
  const { mine } = createMyDay({ ...deps, attendanceOf });

  return {
    prepare: async () => void (await deps.secret()),
    ...settings,
    ...kiosk,
    checkIn,
    mine,
    attendanceOf,
    settingsFor,
  };
}

export type CheckinsService = ReturnType<typeof createCheckinsService>;
