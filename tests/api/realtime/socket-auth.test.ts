import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { Server } from 'socket.io';
import { createLogger } from '../../../api/src/lib/logger';
import { attachRealtime, rooms } from '../../../api/src/realtime/socket';
import { buildTestStack } from '../../support/app';
import { useTestDatabase } from '../../support/db';
import { Client, createAccount, eligibleLawyer } from '../../support/zhiban';

useTestDatabase();

let server: http.Server;
let io: Server;
let url = '';
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  const { app, services } = buildTestStack();
  server = http.createServer(app);
  io = attachRealtime(server, createLogger('silent'), services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await createAccount('coord', 'coordinator');
  await createAccount('hot', 'hotline');
});

afterAll(async () => {
  for (const s of sockets) s.close();
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

async function cookieOf(username: string): Promise<string> {
  const c = new Client(url);
  await c.login(username);
  return c.cookie!;
}

async function roomsOf(socket: ClientSocket): Promise<string[]> {
  const [server] = await io.in(socket.id!).fetchSockets();
  // session:/user: rooms only let the server close a session's sockets; nothing is sent to them.
  return [...server!.rooms].filter((r) => r !== socket.id && !r.startsWith('session:') && !r.startsWith('user:'));
}

describe('Socket.IO handshake authentication', () => {
  it('when a staff member connects with the session cookie, then the socket joins the staff room', async () => {
    const socket = await open(await cookieOf('coord'));
    expect(await roomsOf(socket)).toEqual([rooms.staff]);
  });

  it('when a lawyer connects, then the socket joins only that lawyer’s room', async () => {
    const staff = new Client(url);
    await staff.login('coord');
    const lawyerId = (await staff.post('/lawyers', eligibleLawyer(1))).body.lawyer.id as string;
    await createAccount('lawyer1', 'lawyer', { lawyerId });
    const socket = await open(await cookieOf('lawyer1'));
    expect(await roomsOf(socket)).toEqual([rooms.lawyer(lawyerId)]);
  });

  it('when a hotline operator connects, then no staff room is joined', async () => {
    const socket = await open(await cookieOf('hot'));
    expect(await roomsOf(socket)).toEqual([]);
  });

  it('when anonymous or with a forged cookie, then the socket connects to no private room and cannot watch a job', async () => {
    for (const cookie of [undefined, 'zhiban_session=forged-token']) {
      const socket = await open(cookie);
      expect(await roomsOf(socket)).toEqual([]);
      const ack = await new Promise((resolve) => socket.emit('job:watch', '0123456789abcdef01234567', resolve));
      expect(ack).toBe(false);
      expect(await roomsOf(socket)).toEqual([]);
    }
  });
});
