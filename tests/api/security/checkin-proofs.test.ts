import type { Duty } from '../../../api/src/contracts/rotas';
import { CheckinModel, CheckinSettingsModel } from '../../../api/src/modules/checkins/checkins.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session, checkinSecret: 'proofs-test-secret-0123456789abcdef' }));
const services = () => app.services();

let coord: Client;
let world: World;
const lawyers = new Map<string, Client>();
const kioskTokens: string[] = [];
let keyNo = 0;
const key = () => `proof-key-${++keyNo}-abcdef`;
const SETTINGS = { opensBeforeMin: 30, lateAfterMin: 10, absentAfterMin: 60, leftEarlyToleranceMin: 5, checkoutUntilAfterEndMin: 180, maxAccuracyM: 100, requireCountersign: false };
const AT_POST = { lat: 32.0603, lng: 118.7969 };

async function dutyAt(day: string, post: number, localStart: string): Promise<{ duty: Duty; client: Client }> {
  const duty = (await services().rotas.duties({ from: day, to: day, postId: world.posts[post]!.id })).find((d) => d.localStart === localStart);
  if (!duty) throw new Error(`no duty at post ${post} on ${day} ${localStart}`);
  return { duty, client: lawyers.get(duty.lawyerId)! };
}

async function codeOf(post: number): Promise<string> {
  const res = await new Client(app.url()).request('GET', `/kiosk/${world.posts[post]!.code}`, undefined, { 'x-kiosk-token': kioskTokens[post]! });
  return res.body.code.payload as string;
}

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  world = await buildWorld(admin, 2, 8);
  for (const [i, l] of world.lawyers.entries()) {
    await lawyerAccount(`l${i}`, l.id);
    lawyers.set(l.id, await app.as(`l${i}`));
  }
  await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-06-01', '2026-06-05');
  for (const p of world.posts) kioskTokens.push((await coord.post(`/posts/${p.id}/kiosk-token`)).body.token);
});

describe('the location proof', () => {
  it('when staff require location at a post without coordinates, then 409 and the setting is not stored', async () => {
    const post = world.posts[1]!;
    expect((await coord.patch(`/posts/${post.id}`, { location: null })).status).toBe(200);
    const res = await coord.put(`/posts/${post.id}/checkin-settings`, { ...SETTINGS, requireLocation: true });
    expect([res.status, res.body.error.code]).toEqual([409, 'location_check_needs_coordinates']);
    expect(await CheckinSettingsModel.findById(post.id).lean()).toBeNull();
    expect((await coord.get(`/posts/${post.id}/checkin-settings`)).body.requireLocation).toBe(false);
  });

  it('when the coordinates disappear after location was required, then check-ins are refused (fail closed) and nothing is stored', async () => {
    const post = world.posts[0]!;
    expect((await coord.patch(`/posts/${post.id}`, { location: AT_POST, geofenceRadiusM: 200 })).status).toBe(200);
    expect((await coord.put(`/posts/${post.id}/checkin-settings`, { ...SETTINGS, requireLocation: true })).status).toBe(200);
    expect((await coord.patch(`/posts/${post.id}`, { location: null })).status).toBe(200);
    clock.set('2026-06-01T00:45:00Z');
    const { client } = await dutyAt('2026-06-01', 0, '09:00');
    // ~950 km away: accepted before, when the geofence had no centre.
    const res = await client.post('/checkins', { code: await codeOf(0), kind: 'in', location: { lat: 40.0, lng: 116.4, accuracyM: 10 }, idempotencyKey: key() });
    expect([res.status, res.body.error.code]).toEqual([409, 'post_location_missing']);
    expect(await CheckinModel.countDocuments()).toBe(0);
    expect((await coord.patch(`/posts/${post.id}`, { location: AT_POST })).status).toBe(200);
  });

  it('when a lawyer checks in near the post, then the answer reports the distance and the accuracy of the fix', async () => {
    clock.set('2026-06-01T00:46:00Z');
    const { client } = await dutyAt('2026-06-01', 0, '09:00');
    const res = await client.post('/checkins', { code: await codeOf(0), kind: 'in', location: { lat: 32.061, lng: 118.7969, accuracyM: 25 }, idempotencyKey: key() });
    expect(res.status).toBe(201);
    expect(res.body.checkin).toMatchObject({ accuracyM: 25, distanceM: expect.any(Number) });
    expect(res.body.checkin.distanceM).toBeLessThan(200);
    const stored = await CheckinModel.findById(res.body.checkin.id).lean();
    expect(stored?.location).toEqual({ lat: 32.061, lng: 118.7969, accuracyM: 25 });
  });
});

describe('the request key of a check-in', () => {
  it('when a used key comes back with another post’s code or a garbage code, then 409 idempotency_key_reused; the same request replays', async () => {
    clock.set('2026-06-01T00:47:00Z');
    const { client } = await dutyAt('2026-06-01', 1, '09:00');
    const idempotencyKey = key();
    const code = await codeOf(1);
    const first = await client.post('/checkins', { code, kind: 'in', idempotencyKey });
    expect(first.status).toBe(201);
    const otherPost = await client.post('/checkins', { code: await codeOf(0), kind: 'in', idempotencyKey });
    expect([otherPost.status, otherPost.body.error?.code]).toEqual([409, 'idempotency_key_reused']);
    const garbage = await client.post('/checkins', { code: 'not-a-code-at-all-1234', kind: 'in', idempotencyKey });
    expect([garbage.status, garbage.body.error?.code]).toEqual([409, 'idempotency_key_reused']);
    const retry = await client.post('/checkins', { code, kind: 'in', idempotencyKey });
    expect([retry.status, retry.body.replayed, retry.body.checkin.id]).toEqual([200, true, first.body.checkin.id]);
    expect(await CheckinModel.countDocuments({ idempotencyKey })).toBe(1);
  });
});
