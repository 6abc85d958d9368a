import { spawn } from 'node:child_process';
import path from 'node:path';
import { JobModel } from '../../../api/src/modules/jobs/jobs.model';
import { PublicationModel, RotaModel, RotaVersionModel } from '../../../api/src/modules/rotas/rotas.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, drainJobs, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

const db = useTestDatabase();
const clock = manualClock(new Date());
const app = useApp(() => ({ clock }));
const services = () => app.services();

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../support/publish-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

let coord: Client;
let world: World;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  coord = await app.as('coord');
  world = await buildWorld(await app.as('admin'), 2, 12);
});

it('when the process publishing an amendment is killed half-way, then readers see the old version whole, and another process finishes it', async () => {
  const month = new Date(clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 7);
  const rotaId = await publishRota(coord, services(), world.posts.map((p) => p.id), `${month}-01`, `${month}-28`);
  const v1 = (await coord.get(`/duties?from=${month}-01&to=${month}-28`)).body as { slotId: string; lawyerId: string; version: number }[];
  expect(v1.length).toBeGreaterThan(0);
  expect(v1.every((d) => d.version === 1)).toBe(true);

  const rota = (await coord.get(`/rotas/${rotaId}`)).body;
  const slot = rota.slots[rota.slots.length - 1];
  let replacement = '';
  for (const l of world.lawyers) {
    if (slot.lawyerIds.includes(l.id)) continue;
    const check = await coord.post(`/rotas/${rotaId}/check`, { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [l.id] }] });
    if (check.body.ok) {
      replacement = l.id;
      break;
    }
  }
  expect(replacement).not.toBe('');
  const edit = { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [replacement] }], reason: '临时调整' };

  const child = await runChild([db.uri(), rotaId, JSON.stringify(edit)]);
  expect([child.signal, child.output]).toEqual(['SIGKILL', '']);

  // Killed after writing the new version, before switching to it: version 2 exists whole but is not current.
  const v2 = await RotaVersionModel.findOne({ rotaId, version: 2 }).lean();
  expect(v2!.slots.find((s) => s.id === slot.id)!.lawyerIds).toEqual([replacement]);
  expect((await PublicationModel.findById(rotaId).lean())!.version).toBe(1);
  expect((await RotaModel.findById(rotaId).lean())!.publishedVersion).toBe(1);
  const seen = (await coord.get(`/duties?from=${month}-01&to=${month}-28`)).body as { slotId: string; lawyerId: string; version: number }[];
  expect(seen).toEqual(v1);
  const job = await JobModel.findOne({ kind: 'publish-rota', key: `publish:${rotaId}:2` }).lean();
  expect(job).toMatchObject({ status: 'running', steps: {} });

  // Another process takes the job over once the dead one's lease has run out.
  clock.set(new Date(job!.leaseUntil!.getTime() + 1000));
  await drainJobs(services());
  expect((await JobModel.findById(job!._id).lean())!.status).toBe('done');
  expect((await RotaModel.findById(rotaId).lean())!.publishedVersion).toBe(2);
  const now = (await coord.get(`/duties?from=${month}-01&to=${month}-28`)).body as { slotId: string; lawyerId: string; version: number }[];
  expect(now.every((d) => d.version === 2)).toBe(true);
  expect(now.find((d) => d.slotId === slot.id)!.lawyerId).toBe(replacement);
  expect(now).toHaveLength(v1.length);
  expect((await PublicationModel.findById(rotaId).lean())!.version).toBe(2);
});
