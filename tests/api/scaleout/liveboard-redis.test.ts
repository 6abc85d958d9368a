import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { seedLiveWorld, WORLD_PASSWORD, type LiveWorld } from '../../../api/bench/live-world';
import type { LiveBoardUpdate } from '../../../api/src/contracts/checkins';
import { CheckinModel } from '../../../api/src/modules/checkins/checkins.model';
import { useTestDatabase } from '../../support/db';
import { startServerProcess, type ServerProcess } from '../../support/server-process';
import { Client } from '../../support/zhiban';

// CI installs redis-server (.ci/run), so there this test always runs; on a developer machine
// without the package it is skipped rather than failing for a missing system tool.
const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
const describeWithRedis = haveRedis || process.env.CI ? describe : describe.skip;

jest.setTimeout(120_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, child };
}

describeWithRedis('two API processes behind Redis', () => {
  const db = useTestDatabase();
  let redis: { url: string; child: ChildProcess } | undefined;
  const servers: ServerProcess[] = [];
  let socket: Socket | undefined;
  let world: LiveWorld;

  beforeAll(async () => {
    redis = await startRedis();
    world = await seedLiveWorld(1, 2);
    const env = { MONGODB_URI: db.uri(), REDIS_URL: redis.url, ZHIBAN_SEED_DEMO: 'never' };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  });

  afterAll(async () => {
    socket?.disconnect();
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited;
      s.child.stdout?.destroy();
      s.child.stderr?.destroy();
    }
    if (redis) {
      const exited = new Promise((resolve) => redis!.child.once('exit', resolve));
      redis.child.kill('SIGTERM');
      await exited;
      redis.child.stdout?.destroy();
      redis.child.stderr?.destroy();
    }
  });

  it('when a lawyer checks in through one process, then a board socket connected to the other receives the update', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const staffOnB = new Client(b.url);
    expect((await staffOnB.login(world.staffUsername, WORLD_PASSWORD)).status).toBe(200);
    socket = connect(b.url, { transports: ['websocket'], extraHeaders: { cookie: staffOnB.cookie! } });
    await new Promise<void>((resolve, reject) => {
      socket!.once('connect', () => resolve());
      socket!.once('connect_error', reject);
    });
    expect(await socket.emitWithAck('liveboard:watch')).toBe(true);
    const received = new Promise<LiveBoardUpdate>((resolve) => socket!.once('liveboard:updates', (updates: LiveBoardUpdate[]) => resolve(updates[0]!)));

    const staffOnA = new Client(a.url);
    await staffOnA.login(world.staffUsername, WORLD_PASSWORD);
    const post = world.posts[0]!;
    const token = (await staffOnA.post(`/posts/${post.id}/kiosk-token`)).body.token as string;
    const kiosk = await new Client(a.url).request('GET', `/kiosk/${post.code}`, undefined, { 'x-kiosk-token': token });
    expect(kiosk.status).toBe(200);

    const lawyer = new Client(a.url);
    expect((await lawyer.login(world.lawyers[0]!.username, WORLD_PASSWORD)).status).toBe(200);
    const res = await lawyer.post('/checkins', { code: kiosk.body.code.payload, kind: 'in', idempotencyKey: 'scaleout-test-1' });
    expect(res.status).toBe(201);

    const update = await Promise.race([received, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))]);
    expect(update).toMatchObject({ dutyKey: res.body.checkin.dutyKey, lawyerId: world.lawyers[0]!.id, state: 'checked_in', cause: 'checkin' });
    expect(await CheckinModel.countDocuments({ lawyerId: world.lawyers[0]!.id })).toBe(1);
    // The board read through the other process shows the same state.
    const board = await staffOnB.get('/liveboard');
    expect(board.body.posts[0].current.lawyers.find((l: { lawyerId: string }) => l.lawyerId === world.lawyers[0]!.id).state).toBe('checked_in');
  });
  it('when a user signs out through one process, then their socket on the other process is closed at once', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const staff = new Client(b.url);
    expect((await staff.login(world.staffUsername, WORLD_PASSWORD)).status).toBe(200);
    const onB = connect(b.url, { transports: ['websocket'], extraHeaders: { cookie: staff.cookie! }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      onB.once('connect', () => resolve());
      onB.once('connect_error', reject);
    });
    expect(await onB.emitWithAck('liveboard:watch')).toBe(true);
    const closed = new Promise<string>((resolve) => onB.once('disconnect', (reason) => resolve(reason)));
    const sameSessionOnA = new Client(a.url);
    sameSessionOnA.cookie = staff.cookie;
    expect((await sameSessionOnA.post('/auth/logout')).status).toBe(204);
    expect(await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000))])).toBe('io server disconnect');
    onB.close();
  });
});
