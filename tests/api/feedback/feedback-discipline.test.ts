/**
 * Needs the discipline area (GET /api/violations and the discipline service composed in place of
 * the placeholder): an upheld complaint must become one confirmed `complaint_upheld` violation.
 */
import { useTestDatabase } from '../../support/db';
import { buildWorld, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';
import { easyPublicSettings, solvedPayload } from './support';

useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session, ...easyPublicSettings }));
const services = () => app.services();
const AT = '2026-06-01T09:30:00+08:00';

let coord: Client;
let anon: Client;
let world: World;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  anon = app.client();
  world = await buildWorld(admin, 1, 6);
  await publishRota(coord, services(), [world.posts[0]!.id], '2026-06-01', '2026-06-05');
  clock.set('2026-06-04T02:00:00Z');
});

it('when a complaint is concluded as upheld, then the lawyer has one confirmed complaint_upheld violation keyed by the feedback, also if concluding is retried', async () => {
  const found = (await anon.get(`/public/duty?post=${world.posts[0]!.code}&at=${encodeURIComponent(AT)}`)).body.lawyers[0];
  const lawyerId = world.lawyers.find((l) => l.name === found.name)!.id;
  const sent = await anon.post('/public/feedback', { kind: 'complaint', post: world.posts[0]!.code, at: AT, licenceNo: found.licenceNo, text: '律师未到岗', contactPhone: '13912345678', altcha: await solvedPayload(anon) });
  const code = sent.body.trackingCode as string;
  await coord.post(`/feedback/${code}/accept`, {});
  await coord.post(`/feedback/${code}/conclude`, { outcome: 'upheld', conclusion: '投诉属实' });
  await coord.post(`/feedback/${code}/conclude`, { outcome: 'upheld', conclusion: '投诉属实' });

  const res = await coord.get(`/violations?lawyerId=${lawyerId}`);
  expect(res.status).toBe(200);
  const mine = (res.body.items as { type: string; state: string; sourceKey: string; lawyerId: string }[]).filter((v) => v.type === 'complaint_upheld');
  expect(mine).toEqual([expect.objectContaining({ type: 'complaint_upheld', state: 'confirmed', sourceKey: `feedback:${code}`, lawyerId })]);
});
