import { JobModel, LeaseEpochModel, type LeaseEpochDoc } from '../../../api/src/modules/jobs/jobs.model';
import { PublicationModel, RotaModel, RotaVersionModel } from '../../../api/src/modules/rotas/rotas.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld } from '../../support/rota-world';
import { startServerProcess, type ServerProcess } from '../../support/server-process';
import { Client, createAccount } from '../../support/zhiban';

jest.setTimeout(240_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Epochs of every lease, by lease, oldest first. */
async function epochsByLease(): Promise<Map<string, LeaseEpochDoc[]>> {
  const out = new Map<string, LeaseEpochDoc[]>();
  for (const e of await LeaseEpochModel.find({}).sort({ name: 1, epoch: 1 }).lean<LeaseEpochDoc[]>()) {
    out.set(e.name, [...(out.get(e.name) ?? []), e]);
  }
  return out;
}

/**
 * Two API processes (`npm start` each, with their own pool of connections, no Redis) on one
 * embedded FerretDB database: the race-sensitive steps are unique inserts, so they hold across
 * processes as they do across the connections of one.
 */
describe('two API processes on one embedded database', () => {
  const db = useTestDatabase();
  const servers: ServerProcess[] = [];
  const clients: Client[] = [];
  const rotaIds: string[] = [];

  beforeAll(async () => {
    await createAccount('admin', 'admin');
    await createAccount('coord', 'coordinator');
    const env = { MONGODB_URI: db.uri(), ZHIBAN_SEED_DEMO: '0', ZHIBAN_DB_POOL_SIZE: '8' };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    for (const s of servers) {
      const c = new Client(s.url);
      expect((await c.login('coord')).status).toBe(200);
      clients.push(c);
    }
    const admin = new Client(servers[0]!.url);
    expect((await admin.login('admin')).status).toBe(200);
    const world = await buildWorld(admin, 1, 6);
    // Two drafts, planned by whichever process's job loop takes each planning job.
    for (const [from, to] of [
      ['2027-01-01', '2027-01-31'],
      ['2027-02-01', '2027-02-28'],
    ] as const) {
      const draft = await clients[0]!.post('/rotas/drafts', { from, to, postIds: world.posts.map((p) => p.id), confirmMissingCalendar: true });
      expect(draft.status).toBe(202);
      rotaIds.push(draft.body.rotaId as string);
      for (let i = 0; i < 600; i++) {
        const job = await clients[1]!.get(`/jobs/${draft.body.jobId}`);
        if (job.body.status === 'done') break;
        expect(job.body.status).not.toBe('failed');
        await sleep(100);
      }
      expect((await clients[1]!.get(`/rotas/${draft.body.rotaId}`)).body.status).toBe('draft');
    }
  });

  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited;
      s.child.stdout?.destroy();
      s.child.stderr?.destroy();
    }
  });

  it('When both processes are asked at once to publish the same drafts, then each publication switches once', async () => {
    const requests = rotaIds.flatMap((rotaId) =>
      clients.flatMap((c) =>
        [1, 2, 3].map(async () => {
          const rota = await c.get(`/rotas/${rotaId}`);
          const res = await c.post(`/rotas/${rotaId}/publish`, { revision: rota.body.revision, confirmMissingCalendar: true });
          return { rotaId, status: res.status, code: res.status === 202 ? null : (res.body.error?.code as string) };
        }),
      ),
    );
    const answers = await Promise.all(requests);
    for (const rotaId of rotaIds) {
      const mine = answers.filter((a) => a.rotaId === rotaId);
      expect(mine.filter((a) => a.status === 202)).toHaveLength(1);
      for (const loser of mine.filter((a) => a.status !== 202)) {
        expect(loser.status).toBe(409);
        expect(['rota_conflict', 'not_draft', 'publication_in_progress', 'publication_busy']).toContain(loser.code);
      }
      // One version written, one publication job, the pointer moved once and the rota mirrors it.
      expect(await RotaVersionModel.countDocuments({ rotaId })).toBe(1);
      expect(await JobModel.countDocuments({ kind: 'publish-rota', key: { $regex: `^publish:${rotaId}:` } })).toBe(1);
      for (let i = 0; i < 300 && (await RotaModel.findById(rotaId).lean())?.status !== 'published'; i++) await sleep(100);
      expect(await PublicationModel.findById(rotaId).lean()).toMatchObject({ version: 1 });
      expect(await RotaModel.findById(rotaId).lean()).toMatchObject({ status: 'published', publishedVersion: 1 });
    }
  });

  it('When both processes take their leases, then each lease is held by one process at a time', async () => {
    const pids = new Set(servers.map((s) => String(s.pid)));
    const leases = await epochsByLease();
    // The publications above were serialised by one lease; the detector and watchers ran in both.
    expect(leases.get('rota-publication')?.length).toBeGreaterThanOrEqual(2);
    const holders = new Set<string>();
    for (const [name, epochs] of leases) {
      epochs.forEach((e, i) => {
        expect(pids.has(e.owner.split('-')[0]!)).toBe(true);
        holders.add(e.owner.split('-')[0]!);
        expect(e.epoch).toBe(epochs[0]!.epoch + i);
        const before = epochs[i - 1];
        // Another owner took the next epoch only once the previous holder had let go or run out of time.
        if (before && before.owner !== e.owner) {
          const letGo = Math.min(before.releasedAt?.getTime() ?? Infinity, before.until.getTime());
          expect({ name, epoch: e.epoch, free: letGo <= e.claimedAt.getTime() }).toEqual({ name, epoch: e.epoch, free: true });
        }
      });
    }
    expect(holders).toEqual(pids);
  });
});
