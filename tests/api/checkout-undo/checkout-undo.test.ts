import type { LiveBoardUpdate } from '../../../api/src/contracts/checkins';
import type { Duty } from '../../../api/src/contracts/rotas';
import { AttendanceEventModel } from '../../../api/src/modules/attendance/attendance.model';
import { dutyKeyOf } from '../../../api/src/modules/attendance/attendance.service';
import { CheckinModel } from '../../../api/src/modules/checkins/checkins.model';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

const SECRET = 'checkout-undo-test-secret-0123456789';
useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const pushed: LiveBoardUpdate[] = [];
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session, checkinSecret: SECRET, events: { liveboardUpdated: (u: LiveBoardUpdate) => void pushed.push(u) } }));
const services = () => app.services();

let world: World;
const lawyers = new Map<string, Client>();
const kioskTokens: string[] = [];
let keyNo = 0;
const key = () => `undo-key-${++keyNo}-abcdef`;

async function dutyAt(day: string, post: number, localStart: string): Promise<{ duty: Duty; client: Client }> {
  const duties = await services().rotas.duties({ from: day, to: day, postId: world.posts[post]!.id });
  const duty = duties.find((d) => d.localStart === localStart)!;
  return { duty, client: lawyers.get(duty.lawyerId)! };
}
async function code(post: number): Promise<string> {
  const res = await new Client(app.url()).request('GET', `/kiosk/${world.posts[post]!.code}`, undefined, { 'x-kiosk-token': kioskTokens[post]! });
  return res.body.code.payload;
}
/** Checks the duty's lawyer in at 09:00 and out `minutesBefore` minutes before the 11:30 end. */
async function inAndEarlyOut(day: string, post: number, minutesBefore: number) {
  const { duty, client } = await dutyAt(day, post, '09:00');
  clock.set(`${day}T00:58:00Z`);
  expect((await client.post('/checkins', { code: await code(post), kind: 'in', idempotencyKey: key() })).status).toBe(201);
  clock.set(new Date(new Date(duty.end).getTime() - minutesBefore * 60_000).toISOString());
  const out = await client.post('/checkins', { code: await code(post), kind: 'out', idempotencyKey: key() });
  expect(out.status).toBe(201);
  return { duty, client, dutyKey: dutyKeyOf(duty) };
}

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = await app.as('admin');
  const coord = await app.as('coord');
  world = await buildWorld(admin, 2, 8);
  for (const [i, l] of world.lawyers.entries()) {
    await lawyerAccount(`l${i}`, l.id);
    lawyers.set(l.id, await app.as(`l${i}`));
  }
  await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-06-01', '2026-06-05');
  for (const p of world.posts) kioskTokens.push((await coord.post(`/posts/${p.id}/kiosk-token`)).body.token);
});

describe('undoing a check-out', () => {
  it('when a lawyer undoes an early check-out within two minutes, then the check-out and its "left early" are withdrawn, the board is told and the undo is audited', async () => {
    const { client, dutyKey } = await inAndEarlyOut('2026-06-01', 0, 158);
    expect(await AttendanceEventModel.countDocuments({ key: `${dutyKey}:left_early` })).toBe(1);
    clock.advance(90_000);
    pushed.length = 0;

    const res = await client.post('/checkins/undo-checkout', { dutyKey });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dutyKey, leftEarlyWithdrawn: true });
    expect(await CheckinModel.countDocuments({ _id: `${dutyKey}:out` })).toBe(0);
    expect(await CheckinModel.countDocuments({ _id: `${dutyKey}:in` })).toBe(1);
    expect(await AttendanceEventModel.countDocuments({ key: `${dutyKey}:left_early` })).toBe(0);
    expect(pushed).toEqual([expect.objectContaining({ dutyKey, state: 'checked_in', checkedOutAt: null })]);
    const mine = (await client.get('/checkins/mine')).body as { dutyKey: string; state: string }[];
    expect(mine.find((d) => d.dutyKey === dutyKey)?.state).toBe('checked_in');
    const audit = await AuditModel.find({ action: 'checkin.undo_checkout', entityId: dutyKey }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor?.role).toBe('lawyer');

    // The duty can be checked out again later, on time.
    clock.set('2026-06-01T03:29:00Z');
    const again = await client.post('/checkins', { code: await code(0), kind: 'out', idempotencyKey: key() });
    expect([again.status, again.body.state]).toEqual([201, 'checked_out']);
  });

  it('when more than two minutes have passed, then the undo is refused and the check-out stays', async () => {
    const { client, dutyKey } = await inAndEarlyOut('2026-06-02', 0, 60);
    clock.advance(121_000);
    const res = await client.post('/checkins/undo-checkout', { dutyKey });
    expect([res.status, res.body.error.code]).toEqual([409, 'undo_expired']);
    expect(await CheckinModel.countDocuments({ _id: `${dutyKey}:out` })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'checkin.undo_checkout', entityId: dutyKey })).toBe(0);
  });

  it('when another lawyer or a duty without a check-out is named, then the undo is refused and nothing changes', async () => {
    const { client, dutyKey } = await inAndEarlyOut('2026-06-03', 0, 30);
    const other = [...lawyers.values()].find((c) => c !== client)!;
    const foreign = await other.post('/checkins/undo-checkout', { dutyKey });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'not_yours']);
    const none = await client.post('/checkins/undo-checkout', { dutyKey: `${dutyKey}x` });
    expect([none.status, none.body.error.code]).toEqual([404, 'checkout_not_found']);
    expect(await CheckinModel.countDocuments({ _id: `${dutyKey}:out` })).toBe(1);
  });
});
