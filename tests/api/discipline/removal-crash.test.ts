import { spawn } from 'node:child_process';
import path from 'node:path';
import { RemovalModel } from '../../../api/src/modules/discipline/discipline.model';
import { JobModel } from '../../../api/src/modules/jobs/jobs.model';
import { RotaVersionModel } from '../../../api/src/modules/rotas/rotas.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, drainJobs, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

const db = useTestDatabase();
const clock = manualClock(new Date());
const app = useApp(() => ({ clock }));
const services = () => app.services();
// Two rotas are planned and a separate process is started: slower than most tests on a busy machine.
jest.setTimeout(120_000);

type DutyRow = { rotaId: string; slotId: string; lawyerId: string; day: string; start: string };

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../support/removal-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

const monthOf = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 7);

let coord: Client;
let world: World;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  coord = await app.as('coord');
  world = await buildWorld(await app.as('admin'), 2, 12);
});

it('when the process removing a lawyer is killed half-way, then after restart the job completes with no duty lost or doubled', async () => {
  const months = [monthOf(40), monthOf(70)];
  const rotaIds: string[] = [];
  for (const m of months) rotaIds.push(await publishRota(coord, services(), world.posts.map((p) => p.id), `${m}-01`, `${m}-28`));
  const range = `from=${months[0]}-01&to=${months[1]}-28`;
  const before = (await coord.get(`/duties?${range}`)).body as DutyRow[];
  const lawyer = world.lawyers.find((l) => rotaIds.every((r) => before.some((d) => d.rotaId === r && d.lawyerId === l.id)))!;
  expect(lawyer).toBeDefined();

  const child = await runChild([db.uri(), lawyer.id]);
  expect([child.signal, child.output]).toEqual(['SIGKILL', '']);

  // Killed inside the first rota's step: the job is left running under a dead worker's lease.
  const removal = await RemovalModel.findOne({ lawyerId: lawyer.id }).lean();
  const job = await JobModel.findById(removal!.jobId).lean();
  expect(job).toMatchObject({ status: 'running', kind: 'repair-rotas' });
  expect(Object.keys(job!.steps ?? {}).filter((k) => k.startsWith('rota:'))).toEqual([]);

  clock.set(new Date(Math.max(job!.leaseUntil!.getTime(), Date.now() + 60_000) + 1000));
  coord = await app.as('coord');
  await drainJobs(services());
  const finished = await JobModel.findById(job!._id).lean();
  expect(finished!.status).toBe('done');

  const after = (await coord.get(`/duties?${range}`)).body as DutyRow[];
  expect(after.filter((d) => d.lawyerId === lawyer.id)).toEqual([]);
  const uncovered = (finished!.result as { uncovered: { slotId: string }[] }).uncovered;
  expect(after.length + uncovered.length).toBe(before.length);
  const seats = after.map((d) => `${d.slotId}|${d.lawyerId}`);
  expect(new Set(seats).size).toBe(seats.length);
  for (const d of before) if (d.lawyerId !== lawyer.id) expect(seats).toContain(`${d.slotId}|${d.lawyerId}`);
  // Each rota was re-published once: version 2, no version written twice.
  for (const r of rotaIds) expect((await RotaVersionModel.find({ rotaId: r }).lean()).map((v) => v.version).sort()).toEqual([1, 2]);
  const status = (await coord.get(`/discipline/lawyers/${lawyer.id}`)).body;
  expect(status.removals[0]).toMatchObject({ status: 'done', cause: 'manual' });
});
