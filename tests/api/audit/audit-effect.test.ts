import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTIONS } from '../../../api/src/contracts/audit';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { acquireLease, releaseLease } from '../../../api/src/modules/jobs/jobs.repository';
import { useTestDatabase } from '../../support/db';
import { buildWorld, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();
let admin: Client;
let coord: Client;
let world: World;
let rotaId = '';

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  admin = await app.as('admin');
  coord = await app.as('coord');
  world = await buildWorld(admin, 1, 6);
  rotaId = await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-12-01', '2026-12-31');
});

/** A published slot and a lawyer the rules allow instead of its current one. */
async function amendableEdit(): Promise<{ revision: number; slotId: string; before: string[]; edit: { slotId: string; lawyerIds: string[] } }> {
  const rota = (await coord.get(`/rotas/${rotaId}`)).body as { revision: number; slots: { id: string; lawyerIds: string[]; day: string }[] };
  for (const slot of rota.slots.filter((s) => s.lawyerIds.length === 1)) {
    for (const l of world.lawyers) {
      if (slot.lawyerIds.includes(l.id)) continue;
      const edit = { slotId: slot.id, lawyerIds: [l.id] };
      const check = await coord.post(`/rotas/${rotaId}/check`, { revision: rota.revision, edits: [edit] });
      if (check.body.ok) return { revision: rota.revision, slotId: slot.id, before: slot.lawyerIds, edit };
    }
  }
  throw new Error('no amendable slot');
}

describe('audit entries only for changes that took effect', () => {
  it('when an amendment of a published rota cannot be published (409), then no rota.amend entry is written and the rota keeps its published slots', async () => {
    const { revision, slotId, before, edit } = await amendableEdit();
    // Another publication holds the lease for the whole wait, so this one is refused.
    expect(await acquireLease('rota-publication', 'someone-else', clock.now(), 60 * 60_000)).toBe(true);
    try {
      const res = await coord.patch(`/rotas/${rotaId}/assignments`, { revision, edits: [edit], reason: '调班：测试' });
      expect([res.status, res.body.error.code]).toEqual([409, 'publication_busy']);
    } finally {
      await releaseLease('rota-publication', 'someone-else');
    }
    expect(await AuditModel.countDocuments({ action: 'rota.amend', entityId: rotaId })).toBe(0);
    const rota = (await coord.get(`/rotas/${rotaId}`)).body as { slots: { id: string; lawyerIds: string[] }[] };
    expect(rota.slots.find((s) => s.id === slotId)!.lawyerIds).toEqual(before);

    // The same amendment once publishing is free takes effect and is recorded once.
    const again = await coord.patch(`/rotas/${rotaId}/assignments`, { revision: (await coord.get(`/rotas/${rotaId}`)).body.revision, edits: [edit], reason: '调班：测试' });
    expect(again.status).toBe(200);
    expect(await AuditModel.countDocuments({ action: 'rota.amend', entityId: rotaId })).toBe(1);
  }, 60_000);

  it('when an admin reads the log, then it names the rota, the lawyers and the accounts its entries mention', async () => {
    const res = await admin.get('/audit?entityType=rota');
    expect(res.status).toBe(200);
    const amend = res.body.items.find((e: { action: string }) => e.action === 'rota.amend');
    expect(res.body.names[rotaId]).toBe((await coord.get(`/rotas/${rotaId}`)).body.name);
    expect(res.body.names[amend.actor.userId]).toBeTruthy();
    const mentioned = [...amend.before[0].lawyerIds, ...amend.after[0].lawyerIds] as string[];
    for (const id of mentioned) expect(res.body.names[id]).toBe(world.lawyers.find((l) => l.id === id)!.name);
  });
});

describe('every action the server writes is a known, filterable action', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });
  }
  it('when the server source is scanned for audit actions, then each is listed in AUDIT_ACTIONS', () => {
    const written = new Set<string>();
    for (const file of sources(path.resolve(__dirname, '../../../api/src/modules'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/action:\s*(?:[^,}]*\?\s*)?'([a-z_]+\.[a-z_]+)'(?:\s*:\s*'([a-z_]+\.[a-z_]+)')?/g)) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)).sort()).toEqual([]);
  });
});
