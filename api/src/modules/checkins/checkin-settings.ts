import type { CheckinSettings, CheckinSettingsBody } from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../attendance/attendance.port';
import type { AuditService } from '../audit/audit.service';
import { findAllSettings, findCredential, findSettings, saveSettings } from './checkins.repository';

/** A post's check-in settings: its attendance thresholds and what a check-in there must show. */
export type PostSettings = Thresholds & Pick<CheckinSettingsBody, 'requireLocation' | 'maxAccuracyM' | 'requireCountersign'>;
export const DEFAULT_SETTINGS: PostSettings = { ...DEFAULT_THRESHOLDS, requireLocation: false, maxAccuracyM: 200, requireCountersign: false };

type StoredSettings = Awaited<ReturnType<typeof findSettings>>;

function settingsOf(doc: StoredSettings | undefined): PostSettings {
  if (!doc) return DEFAULT_SETTINGS;
  const { opensBeforeMin, lateAfterMin, absentAfterMin, leftEarlyToleranceMin, checkoutUntilAfterEndMin, requireLocation, maxAccuracyM, requireCountersign } = doc;
  return { opensBeforeMin, lateAfterMin, absentAfterMin, leftEarlyToleranceMin, checkoutUntilAfterEndMin, requireLocation, maxAccuracyM, requireCountersign };
}

/** One post's settings (the defaults until staff set them). */
export async function settingsFor(postId: string): Promise<PostSettings> {
  return settingsOf(await findSettings(postId));
}

/** Every post's settings at once (from a snapshot kept a few seconds), as a lookup. */
export async function postSettings(): Promise<(postId: string) => PostSettings> {
  const settings = new Map((await findAllSettings()).map((s) => [s._id, settingsOf(s)]));
  return (postId) => settings.get(postId) ?? DEFAULT_SETTINGS;
}

export interface CheckinSettingsDeps {
  clock: Clock;
  audit: AuditService;
  postOrThrow(id: string): Promise<Post>;
}

/** Staff's view and change of a post's check-in settings (with whether its credentials are issued). */
export function createCheckinSettings(deps: CheckinSettingsDeps) {
  async function settingsView(postId: string): Promise<CheckinSettings> {
    await deps.postOrThrow(postId);
    const [doc, kiosk, pin] = await Promise.all([findSettings(postId), findCredential(postId, 'kiosk'), findCredential(postId, 'countersign')]);
    return { postId, ...settingsOf(doc), kioskTokenIssued: kiosk !== null, countersignPinIssued: pin !== null, updatedAt: doc ? doc.updatedAt.toISOString() : null };
  }

  async function updateSettings(actor: Actor, postId: string, body: CheckinSettingsBody): Promise<CheckinSettings> {
    const post = await deps.postOrThrow(postId);
    if (body.requireLocation && (!post.location || !(post.geofenceRadiusM > 0))) {
      throw new AppError('location_check_needs_coordinates', "Set the post's coordinates and geofence radius before requiring location", 409);
    }
    const before = await findSettings(postId);
    await saveSettings({ _id: postId, ...body, updatedAt: deps.clock.now(), updatedBy: actor.username });
    await deps.audit.record(actor, { action: 'checkin.settings', entityType: 'post', entityId: postId, before: settingsOf(before), after: body });
    return settingsView(postId);
  }

  return { settingsView, updateSettings };
}
