import { io as connect, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../../api/src/server';
import { startE2EServer } from '../../support/e2e';
import { buildWorld, lawyerAccount } from '../../support/rota-world';
import { Client, createAccount } from '../../support/zhiban';

let server: RunningServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startE2EServer({ ZHIBAN_SEED_DEMO: '0' });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

function socketFor(client: Client): Promise<Socket> {
  const socket = connect(server.url, { transports: ['websocket'], extraHeaders: client.cookie ? { cookie: client.cookie } : {} });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

it('when staff watch a planning job, then its progress arrives over Socket.IO up to done, and a lawyer is told when the rota is published', async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = new Client(server.url);
  await admin.login('admin');
  const coord = new Client(server.url);
  await coord.login('coord');
  const world = await buildWorld(admin, 1, 6);
  await lawyerAccount('lawyer1', world.lawyers[0].id);
  const lawyer = new Client(server.url);
  await lawyer.login('lawyer1');

  const staffSocket = await socketFor(coord);
  const lawyerSocket = await socketFor(lawyer);
  const anonymous = await socketFor(new Client(server.url));

  const updates: { status: string; progress: { done: number; total: number; phase: string } }[] = [];
  staffSocket.on('job:update', (u) => updates.push(u));
  const month = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
  // Watch first, then start: the job id is known only from the response, so the loop is paused meanwhile.
  await server.services.jobs.stop();
  const draft = await coord.post('/rotas/drafts', { from: `${month}-01`, to: `${month}-14`, postIds: [world.posts[0].id], confirmMissingCalendar: true });
  expect(draft.status).toBe(202);
  expect(await staffSocket.emitWithAck('job:watch', draft.body.jobId)).toBe(true);
  expect(await anonymous.emitWithAck('job:watch', draft.body.jobId)).toBe(false);
  server.services.jobs.start();

  await new Promise<void>((resolve) => {
    const check = () => (updates.some((u) => u.status === 'done') ? resolve() : setTimeout(check, 50));
    check();
  });
  expect(updates.map((u) => u.progress.phase)).toEqual(expect.arrayContaining(['loading', 'constructing', 'filling', 'balancing', 'explaining', 'saving', 'done']));
  expect(updates.at(-1)).toMatchObject({ status: 'done', progress: { done: 100, total: 100 } });

  const told = new Promise<{ kind: string; text: string }>((resolve) => lawyerSocket.once('notification', resolve));
  const rota = (await coord.get(`/rotas/${draft.body.rotaId}`)).body;
  expect((await coord.post(`/rotas/${draft.body.rotaId}/publish`, { revision: rota.revision, confirmMissingCalendar: true })).status).toBe(202);
  await expect(told).resolves.toMatchObject({ kind: 'rota.published', text: expect.stringContaining('排班已发布') });
});
