import type { LiveBoardUpdate } from '../../../api/src/contracts/checkins';
import type { Duty } from '../../../api/src/contracts/rotas';
import { AttendanceEventModel } from '../../../api/src/modules/attendance/attendance.model';
import { checkinPayload, codeWindow } from '../../../api/src/modules/checkins/checkin-codes';
import { CheckinModel, PostCredentialModel, ServerSecretModel } from '../../../api/src/modules/checkins/checkins.model';
import { createAttendanceDetector } from '../../../api/src/modules/attendance/attendance.detector';
import { checkinSecretSource } from '../../../api/src/modules/checkins/checkins.service';
import { acquireLease, releaseLease } from '../../../api/src/modules/jobs/jobs.repository';
import { NotificationModel } from '../../../api/src/modules/notifications/notifications.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

const SECRET = 'checkin-test-secret-0123456789abcdef';
useTestDatabase();
// The rota is published on 2026-05-20; the tests then move through the week of Monday 2026-06-01.
const clock = manualClock('2026-05-20T02:00:00Z');
const pushed: LiveBoardUpdate[] = [];
// Sessions outlive the jumps of the pinned clock.
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session, checkinSecret: SECRET, events: { liveboardUpdated: (u: LiveBoardUpdate) => void pushed.push(u) } }));
const services = () => app.services();

let coord: Client;
let hotline: Client;
let world: World;
const lawyers = new Map<string, Client>();
const kioskTokens: string[] = [];

/** The duty at a post (index) starting at a local time on a day; its lawyer's client. */
async function dutyAt(day: string, post: number, localStart: string): Promise<{ duty: Duty; client: Client }> {
  const duties = await services().rotas.duties({ from: day, to: day, postId: world.posts[post]!.id });
  const duty = duties.find((d) => d.localStart === localStart);
  if (!duty) throw new Error(`no duty at post ${post} on ${day} ${localStart}`);
  return { duty, client: lawyers.get(duty.lawyerId)! };
}

async function kiosk(post: number) {
  return new Client(app.url()).request('GET', `/kiosk/${world.posts[post]!.code}`, undefined, { 'x-kiosk-token': kioskTokens[post]! });
}

let keyNo = 0;
const key = () => `test-key-${++keyNo}-abcdef`;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  await createAccount('hotline', 'hotline');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  hotline = await app.as('hotline');
  world = await buildWorld(admin, 2, 8);
  for (const [i, l] of world.lawyers.entries()) {
    await lawyerAccount(`l${i}`, l.id);
    lawyers.set(l.id, await app.as(`l${i}`));
  }
  await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-06-01', '2026-06-05');
  for (const p of world.posts) {
    const issued = await coord.post(`/posts/${p.id}/kiosk-token`);
    expect(issued.status).toBe(201);
    kioskTokens.push(issued.body.token);
  }
});

describe('the post kiosk', () => {
  it('when staff issue a kiosk token, then only its hash is stored and the kiosk shows a code and the day’s lawyers by name only', async () => {
    clock.set('2026-06-01T00:45:00Z');
    const stored = await PostCredentialModel.findById(`${world.posts[0]!.id}:kiosk`).lean();
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.hash).not.toContain(kioskTokens[0]);

    const res = await kiosk(0);
    expect(res.status).toBe(200);
    expect(res.body.code.payload).toBe(checkinPayload(SECRET, world.posts[0]!.id, codeWindow(clock.now())));
    expect(res.body.code.shortCode).toMatch(/^\d{6}$/);
    expect(res.body.code.windowSeconds).toBe(45);
    expect(res.body.lawyers.length).toBeGreaterThan(0);
    expect(Object.keys(res.body.lawyers[0]).sort()).toEqual(['localEnd', 'localStart', 'name', 'state']);
    expect(res.body.lawyers[0].state).toBe('due');
  });

  it('when the token is wrong or has been rotated, then the kiosk is refused', async () => {
    const wrong = await new Client(app.url()).request('GET', `/kiosk/${world.posts[0]!.code}`, undefined, { 'x-kiosk-token': 'nope' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'kiosk_token_invalid']);
    const otherPost = await new Client(app.url()).request('GET', `/kiosk/${world.posts[1]!.code}`, undefined, { 'x-kiosk-token': kioskTokens[0]! });
    expect(otherPost.status).toBe(403);
    const old = kioskTokens[1]!;
    kioskTokens[1] = (await coord.post(`/posts/${world.posts[1]!.id}/kiosk-token`)).body.token;
    expect((await new Client(app.url()).request('GET', `/kiosk/${world.posts[1]!.code}`, undefined, { 'x-kiosk-token': old })).status).toBe(403);
    expect((await kiosk(1)).status).toBe(200);
  });
});

describe('checking in and out', () => {
  it('when a lawyer on duty sends the current code, then the check-in is stored, pushed to the board, and a retry with the same key returns the first result', async () => {
    clock.set('2026-06-01T00:45:00Z');
    const { duty, client } = await dutyAt('2026-06-01', 0, '09:00');
    const code = (await kiosk(0)).body.code.payload;
    const idempotencyKey = key();
    pushed.length = 0;
    const res = await client.post('/checkins', { code, kind: 'in', idempotencyKey });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'checked_in', replayed: false, minutesOff: 0, checkin: { kind: 'in', postId: duty.postId, slotId: duty.slotId } });
    expect(pushed).toEqual([expect.objectContaining({ dutyKey: res.body.checkin.dutyKey, state: 'checked_in', cause: 'checkin' })]);

    clock.advance(5_000);
    const retry = await client.post('/checkins', { code, kind: 'in', idempotencyKey });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ replayed: true, checkin: { id: res.body.checkin.id, at: res.body.checkin.at } });
    const again = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_checked_in']);
    expect(await CheckinModel.countDocuments({ dutyKey: res.body.checkin.dutyKey })).toBe(1);

    const mine = await client.get('/checkins/mine');
    expect(mine.body.find((d: { dutyKey: string }) => d.dutyKey === res.body.checkin.dutyKey)).toMatchObject({ state: 'checked_in' });
    const board = await coord.get('/liveboard');
    const live = board.body.posts.find((p: { postId: string }) => p.postId === duty.postId);
    expect(live.current.lawyers.find((l: { lawyerId: string }) => l.lawyerId === duty.lawyerId)).toMatchObject({ state: 'checked_in' });
  });

  it('when the same request is sent twice at once, then one check-in is stored and both get it', async () => {
    clock.set('2026-06-01T00:50:00Z');
    const { duty, client } = await dutyAt('2026-06-01', 1, '09:00');
    const code = (await kiosk(1)).body.code.payload;
    const idempotencyKey = key();
    const [a, b] = await Promise.all([client.post('/checkins', { code, kind: 'in', idempotencyKey }), client.post('/checkins', { code, kind: 'in', idempotencyKey })]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.checkin.id).toBe(b.body.checkin.id);
    expect(await CheckinModel.countDocuments({ lawyerId: duty.lawyerId, idempotencyKey })).toBe(1);
  });

  it('when an old code is replayed (a screenshot), then it is refused as expired; the previous window is still accepted', async () => {
    clock.set('2026-06-02T00:40:00Z');
    const { duty, client } = await dutyAt('2026-06-02', 0, '09:00');
    const code = (await kiosk(0)).body.code.payload;
    clock.advance(91_000);
    const old = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
    expect([old.status, old.body.error.code]).toEqual([400, 'code_expired']);
    clock.advance(-91_000 + 45_000);
    const grace = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
    expect(grace.status).toBe(201);
    expect(await CheckinModel.countDocuments({ lawyerId: duty.lawyerId, day: '2026-06-02' })).toBe(1);
  });

  it('when the code is forged, altered to another post, or belongs to a post where the lawyer has no duty, then it is refused', async () => {
    clock.set('2026-06-03T00:45:00Z');
    const { duty, client } = await dutyAt('2026-06-03', 0, '09:00');
    const w = codeWindow(clock.now());
    const forged = checkinPayload('some-other-secret-0123456789', world.posts[0]!.id, w);
    const tampered = checkinPayload(SECRET, world.posts[0]!.id, w).replace(world.posts[0]!.id, world.posts[1]!.id);
    for (const code of [forged, tampered]) {
      const res = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
      expect([res.status, res.body.error.code]).toEqual([400, 'code_invalid']);
    }
    const otherPostsCode = (await kiosk(1)).body.code;
    const elsewhere = (await services().rotas.duties({ from: '2026-06-03', to: '2026-06-03', postId: world.posts[1]!.id })).some((d) => d.lawyerId === duty.lawyerId);
    if (!elsewhere) {
      const res = await client.post('/checkins', { code: otherPostsCode.payload, kind: 'in', idempotencyKey: key() });
      expect([res.status, res.body.error.code]).toEqual([409, 'no_duty_now']);
    }
    const wrongDigits = await client.post('/checkins', { postCode: world.posts[0]!.code, shortCode: otherPostsCode.shortCode === '000000' ? '000001' : '000000', kind: 'in', idempotencyKey: key() });
    expect(wrongDigits.status).toBe(400);
    const typed = await client.post('/checkins', { postCode: world.posts[0]!.code, shortCode: (await kiosk(0)).body.code.shortCode, kind: 'in', idempotencyKey: key() });
    expect(typed.status).toBe(201);
    expect(await CheckinModel.countDocuments({ lawyerId: duty.lawyerId, day: '2026-06-03' })).toBe(1);
  });

  it('when the post requires the location, then a missing, imprecise or distant one is refused and a near one is stored with its distance', async () => {
    const post = world.posts[1]!;
    expect((await coord.patch(`/posts/${post.id}`, { location: { lat: 32.0603, lng: 118.7969 }, geofenceRadiusM: 200 })).status).toBe(200);
    const settings = { opensBeforeMin: 30, lateAfterMin: 10, absentAfterMin: 60, leftEarlyToleranceMin: 5, checkoutUntilAfterEndMin: 180, requireLocation: true, maxAccuracyM: 100, requireCountersign: false };
    const put = await coord.put(`/posts/${post.id}/checkin-settings`, settings);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ postId: post.id, requireLocation: true, kioskTokenIssued: true, countersignPinIssued: false });

    clock.set('2026-06-02T06:10:00Z');
    const { duty, client } = await dutyAt('2026-06-02', 1, '14:30');
    const code = (await kiosk(1)).body.code.payload;
    const missing = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'location_required']);
    const vague = await client.post('/checkins', { code, kind: 'in', location: { lat: 32.0603, lng: 118.7969, accuracyM: 500 }, idempotencyKey: key() });
    expect([vague.status, vague.body.error.code]).toEqual([400, 'location_inaccurate']);
    const far = await client.post('/checkins', { code, kind: 'in', location: { lat: 32.0703, lng: 118.7969, accuracyM: 20 }, idempotencyKey: key() });
    expect([far.status, far.body.error.code, far.body.error.details.radiusM]).toEqual([403, 'outside_geofence', 200]);
    expect(far.body.error.details.distanceM).toBeGreaterThan(1000);
    const near = await client.post('/checkins', { code, kind: 'in', location: { lat: 32.0610, lng: 118.7969, accuracyM: 20 }, idempotencyKey: key() });
    expect(near.status).toBe(201);
    const stored = await CheckinModel.findOne({ lawyerId: duty.lawyerId, day: '2026-06-02', kind: 'in' }).lean();
    expect(stored?.distanceM).toBe(78);
    expect(stored?.location).toEqual({ lat: 32.061, lng: 118.7969, accuracyM: 20 });
    await coord.put(`/posts/${post.id}/checkin-settings`, { ...settings, requireLocation: false });
  });

  it('when the post requires a countersign, then a missing or wrong PIN is refused (and counted) and the station PIN is accepted', async () => {
    const post = world.posts[0]!;
    const pin = await coord.post(`/posts/${post.id}/countersign-pin`);
    expect(pin.status).toBe(201);
    expect(pin.body.pin).toMatch(/^\d{8}$/);
    expect((await PostCredentialModel.findById(`${post.id}:countersign`).lean())?.hash).not.toContain(pin.body.pin);
    const settings = { opensBeforeMin: 30, lateAfterMin: 10, absentAfterMin: 60, leftEarlyToleranceMin: 5, checkoutUntilAfterEndMin: 180, requireLocation: false, maxAccuracyM: 100, requireCountersign: true };
    expect((await coord.put(`/posts/${post.id}/checkin-settings`, settings)).status).toBe(200);

    clock.set('2026-06-02T06:15:00Z');
    const { duty, client } = await dutyAt('2026-06-02', 0, '14:30');
    const code = (await kiosk(0)).body.code.payload;
    const missing = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'countersign_required']);
    const wrongPin = pin.body.pin === '00000000' ? '00000001' : '00000000';
    const wrong = await client.post('/checkins', { code, kind: 'in', countersignPin: wrongPin, idempotencyKey: key() });
    expect([wrong.status, wrong.body.error.code, wrong.body.error.details]).toEqual([403, 'countersign_invalid', { attemptsLeft: 4 }]);
    const ok = await client.post('/checkins', { code, kind: 'in', countersignPin: pin.body.pin, idempotencyKey: key() });
    expect(ok.status).toBe(201);
    expect(ok.body.checkin.countersigned).toBe(true);
    expect((await CheckinModel.findOne({ lawyerId: duty.lawyerId, day: '2026-06-02', kind: 'in' }).lean())?.countersigned).toBe(true);
    await coord.put(`/posts/${post.id}/checkin-settings`, { ...settings, requireCountersign: false });
  });

  it('when checking in late and leaving early, then late and left_early events are stored once each, and a second check-out is refused', async () => {
    clock.set('2026-06-04T01:25:00Z');
    const { duty, client } = await dutyAt('2026-06-04', 0, '09:00');
    const late = await client.post('/checkins', { code: (await kiosk(0)).body.code.payload, kind: 'in', idempotencyKey: key() });
    expect(late.body).toMatchObject({ state: 'late', minutesOff: 25 });
    const outEarly = await client.post('/checkins', { code: (await kiosk(0)).body.code.payload, kind: 'out', idempotencyKey: key() });
    expect(outEarly.status).toBe(201);
    expect(outEarly.body).toMatchObject({ state: 'left_early', minutesOff: 125 });
    const twice = await client.post('/checkins', { code: (await kiosk(0)).body.code.payload, kind: 'out', idempotencyKey: key() });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_checked_out']);
    const events = await AttendanceEventModel.find({ lawyerId: duty.lawyerId, day: '2026-06-04' }).lean();
    expect(events.map((e) => [e.type, e.minutes]).sort()).toEqual([['late', 25], ['left_early', 125]]);
    const listed = await coord.get('/attendance/events?from=2026-06-04&to=2026-06-04');
    expect(listed.body.map((e: { type: string }) => e.type).sort()).toEqual(['late', 'left_early']);
  });

  it('when checking out without a check-in, or outside any duty, then it is refused', async () => {
    clock.set('2026-06-04T06:40:00Z');
    const { client } = await dutyAt('2026-06-04', 1, '14:30');
    const res = await client.post('/checkins', { code: (await kiosk(1)).body.code.payload, kind: 'out', idempotencyKey: key() });
    expect([res.status, res.body.error.code]).toEqual([409, 'not_checked_in']);
    clock.set('2026-06-04T12:00:00Z');
    const night = await client.post('/checkins', { code: (await kiosk(1)).body.code.payload, kind: 'in', idempotencyKey: key() });
    expect([night.status, night.body.error.code]).toEqual([409, 'no_duty_now']);
  });
});

describe('the detector and the live board', () => {
  it('when the cut-off passes without a check-in, then the detector records absent once and pushes late then absent', async () => {
    const { duty } = await dutyAt('2026-06-05', 1, '09:00');
    const detector = services().detector;
    pushed.length = 0;
    clock.set('2026-06-05T01:05:00Z');
    await detector.tick();
    clock.set('2026-06-05T01:15:00Z');
    await detector.tick();
    clock.set('2026-06-05T02:00:00Z');
    await detector.tick();
    await detector.tick();
    const mine = pushed.filter((u) => u.lawyerId === duty.lawyerId && u.slotId === duty.slotId).map((u) => [u.state, u.cause]);
    expect(mine).toEqual([['late', 'detector'], ['absent', 'detector']]);
    const absent = await AttendanceEventModel.find({ lawyerId: duty.lawyerId, day: '2026-06-05', type: 'absent' }).lean();
    expect(absent).toHaveLength(1);
    expect(absent[0]!.at.toISOString()).toBe('2026-06-05T02:00:00.000Z');
    const board = await hotline.get('/liveboard');
    expect(board.status).toBe(200);
    const live = board.body.posts.find((p: { postId: string }) => p.postId === duty.postId);
    expect(live.current.lawyers.find((l: { lawyerId: string }) => l.lawyerId === duty.lawyerId).state).toBe('absent');
    expect(board.body.counters.total.absent).toBeGreaterThanOrEqual(1);
    expect(board.body.counters.byDistrict['玄武区'].absent).toBeGreaterThanOrEqual(1);
  });

  it('when a duty starts within 30 minutes, then its lawyer is reminded once however many ticks run', async () => {
    clock.set('2026-06-05T06:05:00Z');
    const { duty } = await dutyAt('2026-06-05', 0, '14:30');
    await services().detector.tick();
    await services().detector.tick();
    const reminders = await NotificationModel.find({ lawyerId: duty.lawyerId, kind: 'duty_reminder', dedupeKey: `duty-reminder:${duty.rotaId}:${duty.slotId}:${duty.lawyerId}` }).lean();
    expect(reminders).toHaveLength(1);
  });

  it('when two processes run the detector, then only the lease holder ticks', async () => {
    const deps = { clock, checkins: services().checkins, attendance: services().attendance, notifications: services().notifications, rotas: services().rotas, lease: { acquire: acquireLease, release: releaseLease } };
    const one = createAttendanceDetector(deps);
    const two = createAttendanceDetector(deps);
    await services().detector.stop();
    expect(await one.runIfLeader()).toBe(true);
    expect(await two.runIfLeader()).toBe(false);
    expect(await one.runIfLeader()).toBe(true);
    await one.stop();
    expect(await two.runIfLeader()).toBe(true);
    await two.stop();
  });

  it('when a lawyer asks for the live board, then it is refused; invalid thresholds are refused', async () => {
    const lawyer = lawyers.values().next().value!;
    expect((await lawyer.get('/liveboard')).status).toBe(403);
    const bad = await coord.put(`/posts/${world.posts[0]!.id}/checkin-settings`, { opensBeforeMin: 30, lateAfterMin: 60, absentAfterMin: 30, leftEarlyToleranceMin: 5, checkoutUntilAfterEndMin: 180, requireLocation: false, maxAccuracyM: 100, requireCountersign: false });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  });

  it('when no secret is configured, then one is generated, stored once and reused', async () => {
    const a = checkinSecretSource();
    const b = checkinSecretSource();
    const [x, y] = await Promise.all([a(), b()]);
    expect(x).toBe(y);
    expect(x.length).toBeGreaterThanOrEqual(32);
    expect(await ServerSecretModel.countDocuments({ _id: 'checkin-hmac' })).toBe(1);
  });
});

describe('a removed lawyer', () => {
  it('when a lawyer set to 已清退 sends a valid code for a duty not yet re-covered, then the check-in is refused with lawyer_removed', async () => {
    clock.set('2026-06-05T06:20:00Z');
    const { duty, client } = await dutyAt('2026-06-05', 1, '14:30');
    expect((await coord.post(`/lawyers/${duty.lawyerId}/status`, { to: 'removed', reason: '二次违规' })).status).toBe(200);
    const code = (await kiosk(1)).body.code.payload;
    const res = await client.post('/checkins', { code, kind: 'in', idempotencyKey: key() });
    expect([res.status, res.body.error.code]).toEqual([403, 'lawyer_removed']);
    expect(await CheckinModel.countDocuments({ lawyerId: duty.lawyerId, day: '2026-06-05' })).toBe(0);
  });
});
