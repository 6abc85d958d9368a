import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();

type DutyRow = { slotId: string; day: string; lawyerId: string; rotaId: string };
let world: World;
let rotaId = '';
let me: Client;
let coord: Client;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  world = await buildWorld(admin, 2, 12);
  await lawyerAccount('l0', world.lawyers[0]!.id);
  me = await app.as('l0');
  rotaId = await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-12-01', '2026-12-31');
});

describe('whom a swap request may name', () => {
  it('when a lawyer picks one of their duties, then only colleagues the rules allow to take it are offered, never someone on duty at the same time', async () => {
    const duty = ((await me.get('/duties/mine?from=2026-12-01&to=2026-12-31')).body as DutyRow[])[0]!;
    const res = await me.get(`/swaps/candidates?rotaId=${rotaId}&slotId=${encodeURIComponent(duty.slotId)}`);
    expect(res.status).toBe(200);
    const offered = (res.body as { id: string; name: string; firm: string }[]).map((c) => c.id);
    expect(offered).not.toContain(world.lawyers[0]!.id);
    const sameTime = ((await coord.get(`/duties?from=${duty.day}&to=${duty.day}`)).body as (DutyRow & { localStart: string })[]).filter(
      (d) => d.slotId.split(':').slice(1).join(':') === duty.slotId.split(':').slice(1).join(':'),
    );
    for (const d of sameTime) expect(offered).not.toContain(d.lawyerId);
    // Every colleague offered passes the server's own check of a named swap.
    for (const id of offered.slice(0, 3)) {
      const check = await services().rotas.checkChange(rotaId, { type: 'replace', slotId: duty.slotId, fromLawyerId: world.lawyers[0]!.id, toLawyerId: id });
      expect(check).toEqual([]);
    }
    expect(Object.keys(res.body[0] ?? { id: '', name: '', firm: '' }).sort()).toEqual(['firm', 'id', 'name']);
  });

  it('when the duty is not the caller’s, then 404', async () => {
    const other = ((await coord.get('/duties?from=2026-12-01&to=2026-12-31')).body as DutyRow[]).find((d) => d.lawyerId !== world.lawyers[0]!.id)!;
    const res = await me.get(`/swaps/candidates?rotaId=${rotaId}&slotId=${encodeURIComponent(other.slotId)}`);
    expect([res.status, res.body.error.code]).toEqual([404, 'duty_not_found']);
  });
});
