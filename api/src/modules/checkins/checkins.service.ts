import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type {
  AttendanceState,
  CheckinBody,
  CheckinRecord,
  CheckinResult,
  CheckinSettings,
  CheckinSettingsBody,
  CountersignPinIssued,
  KioskTokenIssued,
  KioskView,
  LiveBoardUpdate,
  MyDuty,
} from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import type { Duty } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import { DEFAULT_THRESHOLDS, checkinOpen, checkinWindow, checkoutOpen, dutyTimes, evaluateAttendance, type Marks, type Thresholds } from '../attendance/attendance.rules';
import { dutyKeyOf, type AttendanceService } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import { isRemovedCached, lawyerRemovedError } from '../lawyers/lawyers.standing';
import type { RotasService } from '../rotas/rotas.service';
import { CODE_WINDOW_SECONDS, checkinPayload, codeWindow, shortCode, verifyPayload, verifyShortCode, type CodeCheck } from './checkin-codes';
import {
  addCountersignFailure,
  countersignFailures,
  findAllSettings,
  findByIdempotencyKey,
  findCredential,
  findMarksOfDuties,
  findSettings,
  insertCheckin,
  loadOrCreateSecret,
  recordRequestKey,
  saveCredential,
  saveSettings,
  type StoredCheckin,
} from './checkins.repository';
import type { CheckinSettingsDoc } from './checkins.model';
import { distanceMetres } from './geo';

export const COUNTERSIGN_MAX_FAILURES = 5;
const DAY_MS = 86_400_000;

export type PostSettings = Thresholds & Pick<CheckinSettingsBody, 'requireLocation' | 'maxAccuracyM' | 'requireCountersign'>;
export const DEFAULT_SETTINGS: PostSettings = { ...DEFAULT_THRESHOLDS, requireLocation: false, maxAccuracyM: 200, requireCountersign: false };

export interface DutyAttendance {
  duty: Duty;
  dutyKey: string;
  state: AttendanceState;
  inAt: Date | null;
  outAt: Date | null;
  settings: PostSettings;
}

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
}

/** The check-in HMAC key: ZHIBAN_CHECKIN_SECRET, else one generated and stored on first start. */
export function checkinSecretSource(configured?: string): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () =>
    (cached ??= configured
      ? Promise.resolve(configured)
      : loadOrCreateSecret('checkin-hmac').catch((err: unknown) => {
          cached = undefined;
          throw err;
        }));
}


const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

function settingsOf(doc: CheckinSettingsDoc | null | undefined): PostSettings {
  if (!doc) return DEFAULT_SETTINGS;
  const { opensBeforeMin, lateAfterMin, absentAfterMin, leftEarlyToleranceMin, checkoutUntilAfterEndMin, requireLocation, maxAccuracyM, requireCountersign } = doc;
  return { opensBeforeMin, lateAfterMin, absentAfterMin, leftEarlyToleranceMin, checkoutUntilAfterEndMin, requireLocation, maxAccuracyM, requireCountersign };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function marksOf(checkins: Pick<StoredCheckin, 'dutyKey' | 'kind' | 'at'>[]): Map<string, Marks> {
  const marks = new Map<string, Marks>();
  for (const c of checkins) {
    const m = marks.get(c.dutyKey) ?? { inAt: null, outAt: null };
    if (c.kind === 'in') m.inAt = c.at;
    else m.outAt = c.at;
    marks.set(c.dutyKey, m);
  }
  return marks;
}

/**
 * Check-in at posts: kiosk tokens and countersign PINs per post, signed rotating codes, the
 * check-in/out itself with its refusals, and every duty's attendance state.
 */
export function createCheckinsService(deps: CheckinsDeps) {
  const { clock } = deps;

  async function postOrThrow(id: string): Promise<Post> {
    const [post] = await deps.postsByIds([id]);
    if (!post) throw new AppError('post_not_found', 'No such post', 404);
    return post;
  }

  async function settingsFor(postId: string): Promise<PostSettings> {
    return settingsOf(await findSettings(postId));
  }

  async function settingsView(postId: string): Promise<CheckinSettings> {
    await postOrThrow(postId);
    const [doc, kiosk, pin] = await Promise.all([findSettings(postId), findCredential(postId, 'kiosk'), findCredential(postId, 'countersign')]);
    return { postId, ...settingsOf(doc), kioskTokenIssued: kiosk !== null, countersignPinIssued: pin !== null, updatedAt: doc ? doc.updatedAt.toISOString() : null };
  }

  async function updateSettings(actor: Actor, postId: string, body: CheckinSettingsBody): Promise<CheckinSettings> {
    const post = await postOrThrow(postId);
    if (body.requireLocation && (!post.location || !(post.geofenceRadiusM > 0))) {
      throw new AppError('location_check_needs_coordinates', "Set the post's coordinates and geofence radius before requiring location", 409);
    }
    const before = await findSettings(postId);
    await saveSettings({ _id: postId, ...body, updatedAt: clock.now(), updatedBy: actor.username });
    await deps.audit.record(actor, { action: 'checkin.settings', entityType: 'post', entityId: postId, before: settingsOf(before), after: body });
    return settingsView(postId);
  }

  async function issueKioskToken(actor: Actor, postId: string): Promise<KioskTokenIssued> {
    const post = await postOrThrow(postId);
    const token = randomBytes(24).toString('base64url');
    const issuedAt = clock.now();
    await saveCredential({ _id: `${postId}:kiosk`, postId, kind: 'kiosk', hash: sha256(token), issuedAt, issuedBy: actor.username });
    await deps.audit.record(actor, { action: 'checkin.kiosk_token', entityType: 'post', entityId: postId });
    return { postId, postCode: post.code, token, kioskPath: `/kiosk/${encodeURIComponent(post.code)}#token=${token}`, issuedAt: issuedAt.toISOString() };
  }

  const pinHash = (secret: string, postId: string, pin: string) => createHmac('sha256', secret).update(`pin|${postId}|${pin}`).digest('hex');

  async function issueCountersignPin(actor: Actor, postId: string): Promise<CountersignPinIssued> {
    const post = await postOrThrow(postId);
    const pin = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const issuedAt = clock.now();
    await saveCredential({ _id: `${postId}:countersign`, postId, kind: 'countersign', hash: pinHash(await deps.secret(), postId, pin), issuedAt, issuedBy: actor.username });
    await deps.audit.record(actor, { action: 'checkin.countersign_pin', entityType: 'post', entityId: postId });
    return { postId, postCode: post.code, pin, issuedAt: issuedAt.toISOString() };
  }

  /** States of duties at `now` from their check-ins and their posts' thresholds (`marks: false`: as if none were made). */
  async function attendanceOf(duties: Duty[], now = clock.now(), opts: { marks?: boolean } = {}): Promise<DutyAttendance[]> {
    const keys = duties.map(dutyKeyOf);
    const [checkins, settingsOfPost] = await Promise.all([opts.marks === false ? [] : findMarksOfDuties(duties.map((d, i) => ({ dutyKey: keys[i]!, day: d.day }))), postSettings()]);
    const marks = marksOf(checkins);
    return duties.map((duty, i) => {
      const m = marks.get(keys[i]!) ?? { inAt: null, outAt: null };
      const s = settingsOfPost(duty.postId);
      return { duty, dutyKey: keys[i]!, state: evaluateAttendance(dutyTimes(duty), s, m, now).state, inAt: m.inAt, outAt: m.outAt, settings: s };
    });
  }

  async function postSettings(): Promise<(postId: string) => PostSettings> {
    const settings = new Map((await findAllSettings()).map((s) => [s._id, settingsOf(s)]));
    return (postId) => settings.get(postId) ?? DEFAULT_SETTINGS;
  }

  /**
   * The duties to choose from, with their state. Checking in with exactly one duty open needs no
   * reads of earlier check-ins: the check-in's primary key refuses a second one for that duty.
   */
  async function choices(kind: CheckinBody['kind'], duties: Duty[], now: Date): Promise<DutyAttendance[]> {
    if (kind === 'in') {
      const settingsOfPost = await postSettings();
      const open = duties.filter((d) => checkinOpen(dutyTimes(d), settingsOfPost(d.postId), now));
      if (open.length === 1) {
        const duty = open[0]!;
        const settings = settingsOfPost(duty.postId);
        const state = evaluateAttendance(dutyTimes(duty), settings, { inAt: null, outAt: null }, now).state;
        return [{ duty, dutyKey: dutyKeyOf(duty), state, inAt: null, outAt: null, settings }];
      }
    }
    return attendanceOf(duties, now);
  }

  /** The post of a kiosk screen, if its token is the post's current one. */
  async function kioskPost(code: string, token: string | undefined): Promise<Post> {
    const post = await deps.postByCode(code);
    const cred = post && post.active ? await findCredential(post.id, 'kiosk') : null;
    if (!post || !cred || !token || !sameHex(cred.hash, sha256(token))) throw new AppError('kiosk_token_invalid', 'This screen is not (or no longer) set up for this post', 403);
    return post;
  }

  async function kioskView(code: string, token: string | undefined): Promise<KioskView> {
    const post = await kioskPost(code, token);
    const now = clock.now();
    const secret = await deps.secret();
    const window = codeWindow(now);
    const validFrom = new Date(window * CODE_WINDOW_SECONDS * 1000);
    const validUntil = new Date(validFrom.getTime() + CODE_WINDOW_SECONDS * 1000);
    const payload = checkinPayload(secret, post.id, window);
    const day = localDay(post.timeZone, now);
    const states = await attendanceOf(await deps.rotas.duties({ from: day, to: day, postId: post.id }), now);
    return {
      post: { code: post.code, name: post.name },
      day,
      code: {
        payload,
        checkinPath: `/checkin?c=${encodeURIComponent(payload)}`,
        shortCode: shortCode(secret, post.id, window),
        windowSeconds: CODE_WINDOW_SECONDS,
        validFrom: validFrom.toISOString(),
        validUntil: validUntil.toISOString(),
      },
      lawyers: states.map((a) => ({ name: a.duty.lawyerName, localStart: a.duty.localStart, localEnd: a.duty.localEnd, state: a.state })),
      refreshInMs: Math.max(1000, Math.min(15_000, validUntil.getTime() - now.getTime() + 200)),
      serverTime: now.toISOString(),
    };
  }

  const requestHashOf = (b: CheckinBody) =>
    createHash('sha256').update(JSON.stringify([b.kind, b.code ?? null, b.postCode ?? null, b.shortCode ?? null])).digest('hex');

  function record(c: StoredCheckin, duty: Duty): CheckinRecord {
    return {
      id: c.id,
      dutyKey: c.dutyKey,
      kind: c.kind,
      at: c.at.toISOString(),
      postId: c.postId,
      postCode: duty.postCode,
      postName: duty.postName,
      slotId: c.slotId,
      localStart: duty.localStart,
      localEnd: duty.localEnd,
      day: c.day,
      distanceM: c.distanceM,
      accuracyM: c.location?.accuracyM ?? null,
      countersigned: c.countersigned,
    };
  }

  /** The answer for a stored check-in: its duty's state and how far off time it was. */
  async function resultOf(c: StoredCheckin, replayed: boolean): Promise<CheckinResult> {
    const duties = await deps.rotas.duties({ from: c.day, to: c.day, lawyerId: c.lawyerId, postId: c.postId });
    const duty = duties.find((d) => dutyKeyOf(d) === c.dutyKey);
    if (!duty) throw new AppError('duty_not_found', 'The duty of this check-in is no longer on the rota', 404);
    const [att] = await attendanceOf([duty]);
    const t = dutyTimes(duty);
    const minutesOff =
      c.kind === 'in'
        ? Math.max(0, Math.ceil((c.at.getTime() - t.start.getTime()) / 60_000))
        : Math.max(0, Math.ceil((t.end.getTime() - c.at.getTime()) / 60_000));
    return { checkin: record(c, duty), state: att!.state, minutesOff, replayed };
  }

  async function resolveCode(body: CheckinBody, now: Date, secret: string): Promise<{ post: Post; window: number }> {
    let check: CodeCheck;
    let post: Post | null;
    if (body.code) {
      check = verifyPayload(secret, body.code, now);
      post = check.ok ? ((await deps.postsByIds([check.postId]))[0] ?? null) : null;
      if (check.ok && body.postCode && post && post.code !== body.postCode) check = { ok: false, reason: 'code_invalid' };
    } else {
      post = await deps.postByCode(body.postCode!);
      check = post ? verifyShortCode(secret, post.id, body.shortCode!, now) : { ok: false, reason: 'code_invalid' };
    }
    if (!check.ok) {
      throw check.reason === 'code_expired'
        ? new AppError('code_expired', 'This code has expired: scan the code on the screen now', 400)
        : new AppError('code_invalid', 'This is not a valid check-in code for the post', 400);
    }
    if (!post || !post.active) throw new AppError('code_invalid', 'This is not a valid check-in code for the post', 400);
    return { post, window: check.window };
  }

  function chooseDuty(kind: CheckinBody['kind'], states: DutyAttendance[], now: Date): DutyAttendance {
    if (kind === 'in') {
      const open = states.filter((a) => checkinOpen(dutyTimes(a.duty), a.settings, now));
      if (open.length === 0) throw new AppError('no_duty_now', 'You have no duty at this post whose check-in is open now', 409);
      const todo = open.find((a) => !a.inAt);
      if (!todo) throw new AppError('already_checked_in', 'You have already checked in for this duty', 409);
      return todo;
    }
    const open = states.filter((a) => a.inAt && checkoutOpen(dutyTimes(a.duty), a.settings, a, now));
    const todo = open.find((a) => !a.outAt);
    if (todo) return todo;
    if (open.length > 0) throw new AppError('already_checked_out', 'You have already checked out of this duty', 409);
    if (states.some((a) => !a.inAt && now >= checkinWindow(dutyTimes(a.duty), a.settings).opensAt && now <= new Date(a.duty.end))) {
      throw new AppError('not_checked_in', 'Check in before checking out', 409);
    }
    throw new AppError('no_duty_now', 'You have no duty at this post to check out of now', 409);
  }

  function checkLocation(post: Post, s: PostSettings, location: CheckinBody['location']): number | null {
    const distance = location && post.location ? Math.round(distanceMetres(post.location, location)) : null;
    if (!s.requireLocation) return distance;
    // Fail closed: a geofence without a centre would accept a check-in from anywhere.
    if (!post.location) throw new AppError('post_location_missing', "The post's coordinates are missing, so its location check cannot be done; tell the centre", 409);
    if (!location) throw new AppError('location_required', 'This post needs your location to check in', 400);
    if (location.accuracyM > s.maxAccuracyM) {
      throw new AppError('location_inaccurate', 'Your location is not precise enough; try again outdoors', 400, { accuracyM: location.accuracyM, maxAccuracyM: s.maxAccuracyM });
    }
    if (distance !== null && distance > post.geofenceRadiusM) {
      throw new AppError('outside_geofence', 'You are too far from the post', 403, { distanceM: distance, radiusM: post.geofenceRadiusM });
    }
    return distance;
  }

  async function checkCountersign(lawyerId: string, post: Post, day: string, pin: string | undefined, secret: string): Promise<void> {
    if (!pin) throw new AppError('countersign_required', "This post needs the station staff's countersign", 400);
    const failKey = `${lawyerId}:${post.id}:${day}`;
    if ((await countersignFailures(failKey)) >= COUNTERSIGN_MAX_FAILURES) {
      throw new AppError('countersign_locked', 'Too many wrong countersign PINs today; ask the centre', 429);
    }
    const cred = await findCredential(post.id, 'countersign');
    if (cred && sameHex(cred.hash, pinHash(secret, post.id, pin))) return;
    const failures = await addCountersignFailure(failKey);
    throw new AppError('countersign_invalid', 'The countersign PIN is wrong', 403, { attemptsLeft: Math.max(0, COUNTERSIGN_MAX_FAILURES - failures) });
  }

  async function replay(lawyerId: string, body: CheckinBody, thorough = false): Promise<CheckinResult | null> {
    const first = await findByIdempotencyKey(lawyerId, body.idempotencyKey, thorough);
    if (!first) return null;
    // A retry repeats the same request; the same key with another post's code, a garbage code or the other kind is not one.
    if (first.kind !== body.kind || (first.requestHash && first.requestHash !== requestHashOf(body))) {
      throw new AppError('idempotency_key_reused', 'This request key was already used for another request', 409);
    }
    return resultOf(first, true);
  }

  /** Checks a lawyer in or out at a post; a retry with the same key answers the first result. */
  async function checkIn(actor: Actor, body: CheckinBody): Promise<CheckinResult> {
    const lawyerId = actor.lawyerId;
    if (!lawyerId) throw new AppError('not_a_lawyer', 'This account is not linked to a lawyer', 403);
    try {
      return await checkInOnce(actor, lawyerId, body);
    } catch (err) {
      // A retry of a stored request answers the stored result, even when its code has expired since.
      if (err instanceof AppError && err.status < 500) {
        const earlier = await replay(lawyerId, body);
        if (earlier) return earlier;
      }
      throw err;
    }
  }

  async function checkInOnce(actor: Actor, lawyerId: string, body: CheckinBody): Promise<CheckinResult> {
    if (body.kind === 'in' && (await isRemovedCached(lawyerId))) throw lawyerRemovedError();
    const now = clock.now();
    const secret = await deps.secret();
    const { post, window } = await resolveCode(body, now, secret);
    const today = localDay(post.timeZone, now);
    const duties = await deps.rotas.duties({ from: localDay(post.timeZone, new Date(now.getTime() - DAY_MS)), to: today, lawyerId, postId: post.id });
    let chosen: DutyAttendance;
    try {
      chosen = chooseDuty(body.kind, await choices(body.kind, duties, now), now);
    } catch (err) {
      // The same request may have been stored meanwhile by a concurrent retry: answer that one.
      if (err instanceof AppError && err.code.startsWith('already_checked')) {
        const again = await replay(lawyerId, body, true);
        if (again) return again;
      }
      throw err;
    }
    const distanceM = checkLocation(post, chosen.settings, body.location);
    const countersign = body.kind === 'in' && chosen.settings.requireCountersign;
    if (countersign) await checkCountersign(lawyerId, post, today, body.countersignPin, secret);

    const duty = chosen.duty;
    const stored = await insertCheckin({
      dutyKey: chosen.dutyKey,
      kind: body.kind,
      lawyerId,
      userId: actor.userId,
      idempotencyKey: body.idempotencyKey,
      requestHash: requestHashOf(body),
      postId: post.id,
      rotaId: duty.rotaId,
      slotId: duty.slotId,
      day: duty.day,
      at: now,
      location: body.location ?? null,
      distanceM,
      countersigned: countersign,
      codeWindow: window,
    });
    if (!stored) {
      // A unique index refused it: the same request raced in first, or the duty already has one.
      const again = await replay(lawyerId, body, true);
      if (again) return again;
      throw body.kind === 'in'
        ? new AppError('already_checked_in', 'You have already checked in for this duty', 409)
        : new AppError('already_checked_out', 'You have already checked out of this duty', 409);
    }
    const marks: Marks = { inAt: body.kind === 'in' ? now : chosen.inAt, outAt: body.kind === 'out' ? now : null };
    const evaluation = evaluateAttendance(dutyTimes(duty), chosen.settings, marks, now);
    deps.onUpdate?.({
      postId: duty.postId,
      slotId: duty.slotId,
      dutyKey: chosen.dutyKey,
      lawyerId,
      state: evaluation.state,
      checkedInAt: iso(marks.inAt),
      checkedOutAt: iso(marks.outAt),
      cause: body.kind === 'in' ? 'checkin' : 'checkout',
      at: now.toISOString(),
    });
    await recordRequestKey(stored);
    // The detector's full passes re-evaluate every recent duty, so an event missed here is recorded later.
    await deps.attendance.record(duty, evaluation.events);
    const t = dutyTimes(duty);
    const minutesOff = body.kind === 'in' ? Math.max(0, Math.ceil((now.getTime() - t.start.getTime()) / 60_000)) : Math.max(0, Math.ceil((t.end.getTime() - now.getTime()) / 60_000));
    return { checkin: record(stored, duty), state: evaluation.state, minutesOff, replayed: false };
  }

  /** The lawyer's duties from yesterday to tomorrow that are not long over, with their state. */
  async function mine(actor: Actor): Promise<MyDuty[]> {
    if (!actor.lawyerId) return [];
    const now = clock.now();
    const duties = await deps.rotas.duties({
      from: localDay('Asia/Shanghai', new Date(now.getTime() - DAY_MS)),
      to: localDay('Asia/Shanghai', new Date(now.getTime() + DAY_MS)),
      lawyerId: actor.lawyerId,
    });
    const states = await attendanceOf(duties, now);
    return states
      .filter((a) => new Date(a.duty.end).getTime() + a.settings.checkoutUntilAfterEndMin * 60_000 >= now.getTime())
      .map((a) => {
        const w = checkinWindow(dutyTimes(a.duty), a.settings);
        return {
          dutyKey: a.dutyKey,
          postId: a.duty.postId,
          postCode: a.duty.postCode,
          postName: a.duty.postName,
          day: a.duty.day,
          localStart: a.duty.localStart,
          localEnd: a.duty.localEnd,
          start: a.duty.start,
          end: a.duty.end,
          state: a.state,
          checkedInAt: iso(a.inAt),
          checkedOutAt: iso(a.outAt),
          checkinOpensAt: w.opensAt.toISOString(),
          checkinClosesAt: w.closesAt.toISOString(),
          requireLocation: a.settings.requireLocation,
          requireCountersign: a.settings.requireCountersign,
        };
      });
  }

  return { prepare: async () => void (await deps.secret()), settingsView, updateSettings, issueKioskToken, issueCountersignPin, kioskPost, kioskView, checkIn, mine, attendanceOf, settingsFor };
}

export type CheckinsService = ReturnType<typeof createCheckinsService>;
