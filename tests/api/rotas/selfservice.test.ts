import { SwapModel } from '../../../api/src/modules/swaps/swaps.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, drainJobs, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();

type DutyRow = { slotId: string; day: string; lawyerId: string; rotaId: string };

let coord: Client;
let world: World;
let rotaId = '';
const lawyerClients: Client[] = [];

async function dutiesOn(day: string): Promise<DutyRow[]> {
  return (await coord.get(`/duties?from=${day}&to=${day}`)).body;
}

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  world = await buildWorld(admin, 2, 12);
  for (let i = 0; i < 4; i++) {
    await lawyerAccount(`l${i}`, world.lawyers[i].id);
    lawyerClients.push(await app.as(`l${i}`));
  }
  rotaId = await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-12-01', '2026-12-31');
});

describe('swaps', () => {
  it('when a lawyer asks a named colleague, the colleague accepts and staff approve, then the duty moves to the colleague', async () => {
    const me = world.lawyers[0];
    const mine = (await lawyerClients[0].get('/duties/mine?from=2026-12-01&to=2026-12-31')).body as DutyRow[];
    let created;
    let partnerIndex = -1;
    // A colleague free on one of my duty days (the engine may pair lawyers on the same days).
    search: for (const i of [1, 2, 3]) {
      const theirDays = new Set(((await lawyerClients[i].get('/duties/mine?from=2026-12-01&to=2026-12-31')).body as DutyRow[]).map((d) => d.day));
      for (const duty of mine.filter((d) => !theirDays.has(d.day))) {
        created = await lawyerClients[0].post('/swaps', { rotaId, slotId: duty.slotId, partnerLawyerId: world.lawyers[i].id, note: '家中有事' });
        if (created.status === 201) {
          partnerIndex = i;
          break search;
        }
      }
    }
    expect(created?.status).toBe(201);
    const partner = world.lawyers[partnerIndex];
    const swap = created!.body;
    expect(swap).toMatchObject({ status: 'open', requesterId: me.id, partnerLawyerId: partner.id });

    const outsider = [1, 2, 3].find((i) => i !== partnerIndex)!;
    expect((await lawyerClients[outsider].post(`/swaps/${swap.id}/accept`)).status).toBe(403);
    const accepted = await lawyerClients[partnerIndex].post(`/swaps/${swap.id}/accept`);
    expect(accepted.body.status).toBe('accepted');
    const approved = await coord.post(`/swaps/${swap.id}/decide`, { approve: true, note: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    const after = (await dutiesOn(swap.day)).find((d) => d.slotId === swap.slotId)!;
    expect(after.lawyerId).toBe(partner.id);
    const versions = (await coord.get(`/rotas/${rotaId}/versions`)).body;
    expect(versions[0].reason).toContain('调班');
    const notes = (await lawyerClients[partnerIndex].get('/notifications/mine')).body as { kind: string }[];
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['swap.requested', 'rota.amended']));
  });

  it('when a swap would put a colleague on two duties the same day, then it is refused with the rule and nothing changes', async () => {
    const duties = await Promise.all([0, 1, 2, 3].map(async (i) => (await lawyerClients[i].get('/duties/mine?from=2026-12-01&to=2026-12-31')).body as DutyRow[]));
    let pair: [number, number, DutyRow] | undefined;
    for (const a of [0, 1, 2, 3]) for (const b of [0, 1, 2, 3]) {
      const clash = a !== b ? duties[a].find((d) => duties[b].some((t) => t.day === d.day)) : undefined;
      if (clash && !pair) pair = [a, b, clash];
    }
    expect(pair).toBeDefined();
    const [a, b, clash] = pair!;
    const before = await SwapModel.countDocuments();
    const res = await lawyerClients[a].post('/swaps', { rotaId, slotId: clash.slotId, partnerLawyerId: world.lawyers[b].id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('swap_violation');
    expect(res.body.error.details.length).toBeGreaterThan(0);
    expect(await SwapModel.countDocuments()).toBe(before);
  });

  it('when a lawyer offers a duty to anyone, then an eligible colleague can take it and staff approve', async () => {
    const mine = (await lawyerClients[3].get('/duties/mine?from=2026-12-14&to=2026-12-31')).body as DutyRow[];
    const offer = await lawyerClients[3].post('/swaps', { rotaId, slotId: mine[0].slotId });
    expect(offer.status).toBe(201);
    expect(offer.body.partnerLawyerId).toBeNull();
    const seen = (await lawyerClients[2].get('/swaps/mine')).body as { id: string }[];
    expect(seen.map((s) => s.id)).toContain(offer.body.id);
    let taker: Client | undefined;
    for (const c of lawyerClients.slice(0, 3)) {
      const r = await c.post(`/swaps/${offer.body.id}/accept`);
      if (r.status === 200) {
        taker = c;
        break;
      }
      expect(r.body.error.code).toBe('swap_violation');
    }
    expect(taker).toBeDefined();
    expect((await coord.post(`/swaps/${offer.body.id}/decide`, { approve: true })).body.status).toBe('approved');
  });
});

describe('leave', () => {
  it('when leave is approved over a published duty, then the duty is re-covered by someone else and the rest stays', async () => {
    const lawyer = world.lawyers[2];
    const mine = (await lawyerClients[2].get('/duties/mine?from=2026-12-20&to=2026-12-31')).body as DutyRow[];
    const day = mine[0].day;
    const before = (await coord.get('/duties?from=2026-12-01&to=2026-12-31')).body as DutyRow[];
    const req = await lawyerClients[2].post('/absences', { kind: 'leave', from: day, to: day, reason: '开庭' });
    expect(req.status).toBe(201);
    expect(req.body.status).toBe('pending');
    const past = await lawyerClients[2].post('/absences', { kind: 'leave', from: '2026-11-01', to: '2026-11-02', reason: 'x' });
    expect(past.body.error.code).toBe('absence_in_past');

    const decided = await coord.post(`/absences/${req.body.id}/decide`, { approve: true });
    expect(decided.body.status).toBe('approved');
    await drainJobs(services());

    const onDay = await dutiesOn(day);
    expect(onDay.some((d) => d.lawyerId === lawyer.id)).toBe(false);
    expect(onDay).toHaveLength(4);
    const after = (await coord.get('/duties?from=2026-12-01&to=2026-12-31')).body as DutyRow[];
    const key = (d: { slotId: string; lawyerId: string }) => `${d.slotId}|${d.lawyerId}`;
    const changed = after.map(key).filter((k) => !before.map(key).includes(k));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(3);
  });
});

describe('removal', () => {
  it('when a lawyer can no longer serve from a time, then their later duties are re-covered or listed as uncovered, earlier ones and everyone else stay', async () => {
    const lawyer = world.lawyers[5];
    const from = new Date('2026-12-16T00:00:00+08:00');
    const before = (await coord.get(`/duties?from=2026-12-01&to=2026-12-31`)).body as DutyRow[];
    const job = await services().rotas.removeLawyerFrom('coord', lawyer.id, from, '二次违规，清退');
    await drainJobs(services());
    expect((await services().jobs.get(job.id))?.status).toBe('done');
    const after = (await coord.get(`/duties?from=2026-12-01&to=2026-12-31`)).body as DutyRow[];
    expect(after.filter((d) => d.lawyerId === lawyer.id && d.day >= '2026-12-16')).toEqual([]);
    expect(after.filter((d) => d.lawyerId === lawyer.id && d.day < '2026-12-16').map((d) => d.slotId).sort()).toEqual(
      before.filter((d) => d.lawyerId === lawyer.id && d.day < '2026-12-16').map((d) => d.slotId).sort(),
    );
    const theirSlots = new Set(before.filter((d) => d.lawyerId === lawyer.id && d.day >= '2026-12-16').map((d) => d.slotId));
    const moved = after.filter((d) => !before.some((b) => b.slotId === d.slotId && b.lawyerId === d.lawyerId));
    // Only the seats the lawyer left change; one nobody can take without moving others is listed with the reason.
    const uncovered = ((await services().jobs.get(job.id))!.result as { uncovered: { slotId: string; message: string }[] }).uncovered;
    expect(moved.every((d) => theirSlots.has(d.slotId))).toBe(true);
    expect(moved.length + uncovered.length).toBe(theirSlots.size);
    expect(uncovered.every((u) => theirSlots.has(u.slotId) && u.message.length > 0)).toBe(true);
    expect(after.length + uncovered.length).toBe(before.length);
    for (const d of before) if (d.lawyerId !== lawyer.id) expect(after.some((a) => a.slotId === d.slotId && a.lawyerId === d.lawyerId)).toBe(true);
    // Enqueueing the same removal again is the same job: nothing moves twice.
    expect((await services().rotas.removeLawyerFrom('coord', lawyer.id, from, '二次违规，清退')).id).toBe(job.id);
  });
});

describe('colleagues', () => {
  it('when a lawyer looks for a swap partner, then serving colleagues come by name and firm only', async () => {
    const res = await lawyerClients[0].get('/lawyers/colleagues');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(world.lawyers.length);
    expect(Object.keys(res.body[0]).sort()).toEqual(['firm', 'id', 'name']);
    expect(JSON.stringify(res.body)).not.toMatch(/phone|idNumber|licence/);
  });
});
