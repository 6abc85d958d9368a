import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { Server } from 'socket.io';
import { LIVEBOARD_EVENTS } from '../../../api/src/contracts/checkins';
import { createLogger } from '../../../api/src/lib/logger';
import { SessionModel } from '../../../api/src/modules/users/users.model';
import { attachRealtime, subscribeRealtime } from '../../../api/src/realtime/socket';
import { buildTestStack } from '../../support/app';
import { useTestDatabase } from '../../support/db';
import { Client, createAccount, TEST_PASSWORD } from '../../support/zhiban';

useTestDatabase();

let server: http.Server;
let io: Server;
let url = '';
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  const { app, services } = buildTestStack();
  server = http.createServer(app);
  io = attachRealtime(server, createLogger('silent'), services);
  subscribeRealtime(io, services.events);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await createAccount('admin1', 'admin');
  for (const name of ['coord-logout', 'coord-pw', 'coord-off', 'coord-store']) await createAccount(name, 'coordinator');
  await createAccount('coord-temp', 'coordinator', { mustChangePassword: true });
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

async function signIn(username: string): Promise<Client> {
  const c = new Client(url);
  expect((await c.login(username)).status).toBe(200);
  return c;
}

async function open(cookie: string): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

function watchBoard(socket: ClientSocket): Promise<boolean> {
  return new Promise((resolve) => socket.emit(LIVEBOARD_EVENTS.watch, (ok: boolean) => resolve(ok)));
}

function closedByServer(socket: ClientSocket): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve('already');
    socket.once('disconnect', (reason) => resolve(reason));
  });
}

describe('open sockets follow the session', () => {
  it('when the user signs out, then the socket of that session is closed at once', async () => {
    const c = await signIn('coord-logout');
    const socket = await open(c.cookie!);
    expect(await watchBoard(socket)).toBe(true);
    const closed = closedByServer(socket);
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
  });

  it('when the password is changed, then the sockets of the other sessions close and this session keeps its own', async () => {
    const other = await signIn('coord-pw');
    const here = await signIn('coord-pw');
    const otherSocket = await open(other.cookie!);
    const hereSocket = await open(here.cookie!);
    const closed = closedByServer(otherSocket);
    expect((await here.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-pass-77' })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(hereSocket.connected).toBe(true);
    expect(await watchBoard(hereSocket)).toBe(true);
  });

  it('when an admin deactivates the account, then its sockets close at once', async () => {
    const admin = await signIn('admin1');
    const c = await signIn('coord-off');
    const socket = await open(c.cookie!);
    const me = await c.get('/auth/me');
    const closed = closedByServer(socket);
    expect((await admin.patch(`/users/${me.body.id}`, { active: false })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });

  it('when the account must still change its temporary password, then the socket may not watch the board (as over HTTP)', async () => {
    const c = await signIn('coord-temp');
    expect((await c.get('/liveboard')).status).toBe(403);
    const socket = await open(c.cookie!);
    expect(await watchBoard(socket)).toBe(false);
  });

  it('when the session disappears from the store by other means, then the next join is refused and the socket closed', async () => {
    const c = await signIn('coord-store');
    const socket = await open(c.cookie!);
    expect(await watchBoard(socket)).toBe(true);
    const me = await c.get('/auth/me');
    await SessionModel.deleteMany({ userId: me.body.id });
    const closed = closedByServer(socket);
    expect(await watchBoard(socket)).toBe(false);
    expect(await closed).toBe('io server disconnect');
  });
});
