import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { LiveBoardUpdate, LivePost } from '../../../api/src/contracts/checkins';
import { createLogger } from '../../../api/src/lib/logger';
import type { Services } from '../../../api/src/modules/services';
import { attachRealtime, subscribeRealtime } from '../../../api/src/realtime/socket';
import { buildTestStack } from '../../support/app';
import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock } from '../../support/zhiban';

/**
 * Pushes beyond check-ins: a post's kiosk screen hears of every change at its post, and the
 * staff board gets whole rows when a shift moves on, just after it does.
 */
useTestDatabase();
const SECRET = 'kiosk-push-test-secret-0123456789abcdef';
// Shifts (Asia/Shanghai) 09:00–11:30 and 14:30–17:30, i.e. 01:00–03:30Z and 06:30–09:30Z.
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };

let server: http.Server;
let io: Server;
let url = '';
let services: Services;
let world: World;
let coord: Client;
const sockets: ClientSocket[] = [];
const lawyers = new Map<string, Client>();
const kioskTokens: string[] = [];

beforeAll(async () => {
  const stack = buildTestStack({ clock, session, checkinSecret: SECRET });
  services = stack.services;
  server = http.createServer(stack.app);
  io = attachRealtime(server, createLogger('silent'), services);
  subscribeRealtime(io, services.events);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = new Client(url);
  await admin.login('admin');
  coord = new Client(url);
  await coord.login('coord');
  world = await buildWorld(admin, 2, 8);
  for (const [i, l] of world.lawyers.entries()) {
    await lawyerAccount(`l${i}`, l.id);
    const c = new Client(url);
    await c.login(`l${i}`);
    lawyers.set(l.id, c);
  }
  await publishRota(coord, services, world.posts.map((p) => p.id), '2026-06-01', '2026-06-05');
  for (const p of world.posts) kioskTokens.push((await coord.post(`/posts/${p.id}/kiosk-token`)).body.token);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await services.detector.stop();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

async function open(cookie?: string): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

function next<T>(socket: ClientSocket, event: string, ms = 3000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(t);
      resolve(payload);
    });
  });
}

describe('kiosk screens hear of changes at their post', () => {
  it('when a kiosk watches with a wrong token or another post’s token, then it is refused; with its own, it is told of a check-in at once', async () => {
    const kiosk = await open();
    expect(await kiosk.emitWithAck('kiosk:watch', { code: world.posts[0]!.code, token: 'not-the-token' })).toBe(false);
    expect(await kiosk.emitWithAck('kiosk:watch', { code: world.posts[0]!.code, token: kioskTokens[1] })).toBe(false);
    expect(await kiosk.emitWithAck('kiosk:watch', { code: world.posts[0]!.code })).toBe(false);
    expect(await kiosk.emitWithAck('kiosk:watch', { code: world.posts[0]!.code, token: kioskTokens[0] })).toBe(true);
    const other = await open();
    expect(await other.emitWithAck('kiosk:watch', { code: world.posts[1]!.code, token: kioskTokens[1] })).toBe(true);
    const board = await open(coord.cookie);
    expect(await board.emitWithAck('liveboard:watch')).toBe(true);
    let otherHeard = 0;
    other.on('kiosk:changed', () => otherHeard++);

    clock.set('2026-06-02T00:55:00Z');
    const [duty] = await services.rotas.duties({ from: '2026-06-02', to: '2026-06-02', postId: world.posts[0]!.id });
    const view = await new Client(url).request('GET', `/kiosk/${world.posts[0]!.code}`, undefined, { 'x-kiosk-token': kioskTokens[0]! });
    const heard = next<{ postId: string }>(kiosk, 'kiosk:changed');
    const updates = next<LiveBoardUpdate[]>(board, 'liveboard:updates');
    const res = await lawyers.get(duty!.lawyerId)!.post('/checkins', { code: view.body.code.payload, kind: 'in', idempotencyKey: 'kiosk-push-1' });
    expect(res.status).toBe(201);
    expect(await heard).toEqual({ postId: world.posts[0]!.id });
    expect((await updates).map((u) => [u.dutyKey, u.state])).toEqual([[res.body.checkin.dutyKey, 'checked_in']]);
    const after = await new Client(url).request('GET', `/kiosk/${world.posts[0]!.code}`, undefined, { 'x-kiosk-token': kioskTokens[0]! });
    expect(after.body.lawyers.find((l: { name: string }) => l.name === duty!.lawyerName).state).toBe('checked_in');
    await new Promise((r) => setTimeout(r, 200));
    expect(otherHeard).toBe(0);
  });
});

describe('shift changes reach the board as whole rows', () => {
  it('when the morning shift ends, then the detector ticks just after it and pushes each post’s new row to the board and its kiosk', async () => {
    const board = await open(coord.cookie);
    expect(await board.emitWithAck('liveboard:watch')).toBe(true);
    const kiosk = await open();
    expect(await kiosk.emitWithAck('kiosk:watch', { code: world.posts[1]!.code, token: kioskTokens[1] })).toBe(true);

    clock.set('2026-06-02T02:50:00Z');
    const first = await services.detector.tick();
    // The morning shift's next change by time is its end, 11:30 local.
    expect(first.nextChangeAt?.toISOString()).toBe('2026-06-02T03:30:00.000Z');

    clock.set('2026-06-02T03:30:00.500Z');
    const rows = next<LivePost[]>(board, 'liveboard:posts');
    const heard = next<{ postId: string }>(kiosk, 'kiosk:changed');
    const second = await services.detector.tick();
    expect(second.reshaped).toBe(2);
    const moved = await rows;
    expect(moved.map((p) => p.postId).sort()).toEqual(world.posts.map((p) => p.id).sort());
    for (const p of moved) expect([p.current, p.next?.localStart]).toEqual([null, '14:30']);
    expect(await heard).toEqual({ postId: world.posts[1]!.id });
    // Next: the afternoon's check-in opens at 14:00 local.
    expect(second.nextChangeAt?.toISOString()).toBe('2026-06-02T06:00:00.000Z');

    // Between full passes a tick looks only at duties with a change since the last one: none here.
    clock.set('2026-06-02T03:30:10Z');
    expect(await services.detector.tick()).toMatchObject({ full: false, evaluated: 0, reshaped: 0, announced: 0 });
  });

  it('when the late threshold passes between full passes, then only the duties crossing it are read and their lawyers are announced late', async () => {
    const afternoon = (await services.rotas.duties({ from: '2026-06-02', to: '2026-06-02' })).filter((d) => d.localStart === '14:30');
    const board = await open(coord.cookie);
    expect(await board.emitWithAck('liveboard:watch')).toBe(true);
    const seen: LiveBoardUpdate[] = [];
    board.on('liveboard:updates', (u: LiveBoardUpdate[]) => seen.push(...u));

    clock.set('2026-06-02T06:38:00Z');
    expect((await services.detector.tick()).full).toBe(true); // announces them due (the window opened at 14:00)
    await new Promise((r) => setTimeout(r, 300));
    seen.length = 0;
    clock.set('2026-06-02T06:40:00.500Z'); // 14:40 local: ten minutes after the start, nobody has checked in
    const tick = await services.detector.tick();
    expect(tick).toMatchObject({ full: false, evaluated: afternoon.length, announced: afternoon.length });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((u) => [u.lawyerId, u.state, u.cause]).sort()).toEqual(afternoon.map((d) => [d.lawyerId, 'late', 'detector']).sort());
  });
});
