import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { PublicationModel, RotaModel } from '../../../api/src/modules/rotas/rotas.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();

async function drainJobs(): Promise<void> {
  while (await services().jobs.runOnce()) {
    /* run every due job */
  }
}

/** Lawyers the live check accepts for a slot (not busy that day, within caps and rest). */
async function acceptable(rota: { revision: number; slots: { id: string; day: string; lawyerIds: string[] }[] }, slotId: string): Promise<string[]> {
  const slot = rota.slots.find((s) => s.id === slotId)!;
  const out: string[] = [];
  for (const l of world.lawyers) {
    if (slot.lawyerIds.includes(l.id)) continue;
    const check = await coord.post(`/rotas/${rotaId}/check`, { revision: rota.revision, edits: [{ slotId, lawyerIds: [l.id] }] });
    if (check.body.ok) out.push(l.id);
  }
  return out;
}

let admin: Client;
let coord: Client;
let world: World;
let rotaId = '';

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  admin = await app.as('admin');
  coord = await app.as('coord');
  world = await buildWorld(admin, 2, 12);
});

describe('draft → publish → amend', () => {
  it('when a draft is requested, then the engine plans it off the request and the draft explains itself', async () => {
    const res = await coord.post('/rotas/drafts', { from: '2026-12-01', to: '2026-12-31', postIds: world.posts.map((p) => p.id) });
    expect(res.status).toBe(202);
    rotaId = res.body.rotaId;
    expect((await coord.get(`/jobs/${res.body.jobId}`)).body.status).toBe('queued');
    await drainJobs();
    const job = await coord.get(`/jobs/${res.body.jobId}`);
    expect(job.body).toMatchObject({ status: 'done', progress: { done: 100, total: 100 } });
    const rota = await coord.get(`/rotas/${rotaId}`);
    expect(rota.body).toMatchObject({ status: 'draft', publishedVersion: null });
    // December 2026 has 23 weekdays; two posts, two shifts a day.
    expect(rota.body.slots).toHaveLength(92);
    expect(rota.body.explanations.figures).toMatchObject({ unfilled: 0, hardViolations: 0 });
    expect(rota.body.explanations.figures.spread).toBeLessThanOrEqual(1);
    expect(rota.body.explanations.fairness).toHaveLength(12);
    expect(rota.body.slots.every((s: { lawyerIds: string[] }) => s.lawyerIds.length === 1)).toBe(true);
  });

  it('when another draft covers the same posts and days, then 409 rota_overlaps and nothing is created', async () => {
    const before = await RotaModel.countDocuments();
    const res = await coord.post('/rotas/drafts', { from: '2026-12-15', to: '2027-01-15', postIds: [world.posts[0].id] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('rota_overlaps');
    expect(await RotaModel.countDocuments()).toBe(before);
  });

  it('when an edit would double-book a lawyer, then the live check shows it and saving is refused', async () => {
    const rota = (await coord.get(`/rotas/${rotaId}`)).body;
    const [a, b] = rota.slots.filter((s: { day: string }) => s.day === '2026-12-02');
    const edit = { revision: rota.revision, edits: [{ slotId: b.id, lawyerIds: a.lawyerIds }] };
    const check = await coord.post(`/rotas/${rotaId}/check`, edit);
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.violations.length).toBeGreaterThan(0);
    const save = await coord.patch(`/rotas/${rotaId}/assignments`, edit);
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('rule_violation');
    expect((await coord.get(`/rotas/${rotaId}`)).body.revision).toBe(rota.revision);
  });

  it('when two staff save from the same revision, then one wins and the other gets a clear conflict', async () => {
    const rota = (await coord.get(`/rotas/${rotaId}`)).body;
    const slot = rota.slots.find((s: { day: string }) => s.day === '2026-12-03');
    const free = await acceptable(rota, slot.id);
    expect(free.length).toBeGreaterThanOrEqual(2);
    const [first, second] = await Promise.all([
      coord.patch(`/rotas/${rotaId}/assignments`, { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [free[0]], pinned: true }] }),
      admin.patch(`/rotas/${rotaId}/assignments`, { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [free[1]] }] }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.error.code).toBe('rota_conflict');
    const stored = await RotaModel.findById(rotaId).lean();
    expect(stored!.revision).toBe(rota.revision + 1);
    const winner = first.status === 200 ? free[0] : free[1];
    expect(stored!.slots.find((s) => s.id === slot.id)!.lawyerIds).toEqual([winner]);
  });

  it('when the draft is published, then its duties are visible to staff and to the lawyer', async () => {
    const rota = (await coord.get(`/rotas/${rotaId}`)).body;
    const res = await coord.post(`/rotas/${rotaId}/publish`, { revision: rota.revision, note: '十二月排班' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ version: 1, status: 'done' });
    const after = (await coord.get(`/rotas/${rotaId}`)).body;
    expect(after).toMatchObject({ status: 'published', publishedVersion: 1 });
    const duties = await coord.get('/duties?from=2026-12-01&to=2026-12-31');
    expect(duties.body).toHaveLength(92);
    expect((await PublicationModel.findById(rotaId).lean())?.version).toBe(1);

    const lawyer = world.lawyers[0];
    await lawyerAccount('lawyer1', lawyer.id);
    const me = await app.as('lawyer1');
    const mine = await me.get('/duties/mine?from=2026-12-01&to=2026-12-31');
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((d: { lawyerId: string }) => d.lawyerId === lawyer.id)).toBe(true);
    const notes = await me.get('/notifications/mine');
    expect(notes.body.some((n: { kind: string }) => n.kind === 'rota.published')).toBe(true);
  });

  it('when a published rota is changed without a reason, then 400; with a reason, a new version and the lawyers affected are told', async () => {
    const rota = (await coord.get(`/rotas/${rotaId}`)).body;
    const slot = rota.slots.find((s: { day: string }) => s.day === '2026-12-10');
    const [replacementId] = await acceptable(rota, slot.id);
    const replacement = world.lawyers.find((l) => l.id === replacementId)!;
    const edit = { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [replacement.id] }] };
    const noReason = await coord.patch(`/rotas/${rotaId}/assignments`, edit);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('amendment_reason_required');

    const res = await coord.patch(`/rotas/${rotaId}/assignments`, { ...edit, reason: '原值班律师出庭冲突' });
    expect(res.status).toBe(200);
    expect(res.body.publishedVersion).toBe(2);
    const versions = (await coord.get(`/rotas/${rotaId}/versions`)).body;
    expect(versions[0]).toMatchObject({ version: 2, reason: '原值班律师出庭冲突', changes: [{ slotId: slot.id, removed: slot.lawyerIds, added: [replacement.id] }] });
    const duties = (await coord.get('/duties?from=2026-12-10&to=2026-12-10')).body;
    expect(duties.find((d: { slotId: string }) => d.slotId === slot.id).lawyerId).toBe(replacement.id);
    expect((await PublicationModel.findById(rotaId).lean())?.version).toBe(2);
    const all = (await coord.get('/duties?from=2026-12-01&to=2026-12-31')).body as { version: number }[];
    expect(all).toHaveLength(92);
    expect(all.every((d) => d.version === 2)).toBe(true);
    const told = (await (await app.as('lawyer1')).get('/notifications/mine')).body as { kind: string }[];
    expect(told.length).toBeGreaterThan(0);
  });
});

describe('exports', () => {
  it('when the month is exported to Excel, then the detail sheet matches the published duties', async () => {
    const res = await coord.get(`/rotas/${rotaId}/export.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
    const grid = wb.getWorksheet('值班表')!;
    expect(String(grid.getCell(1, 1).value)).toContain('2026-12-01');
    const detail = wb.getWorksheet('明细')!;
    const rows: string[] = [];
    detail.eachRow((row, n) => {
      if (n > 1) rows.push(`${row.getCell(1).value}|${row.getCell(4).value}|${row.getCell(6).value}|${row.getCell(8).value}`);
    });
    const duties = (await coord.get('/duties?from=2026-12-01&to=2026-12-31')).body as { day: string; postCode: string; localStart: string; lawyerName: string }[];
    expect(rows.sort()).toEqual(duties.map((d) => `${d.day}|${d.postCode}|${d.localStart}|${d.lawyerName}`).sort());
  });

  it('when a lawyer subscribes to their calendar, then the iCal feed parses back to their duties, and a bad token is 404', async () => {
    const me = await app.as('lawyer1');
    const feed = await me.get('/calendar-feeds/mine');
    expect(feed.body.path).toMatch(/^\/api\/ical\/[\w-]{20,}\.ics$/);
    const res = await fetch(`${app.url()}${feed.body.path}`);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const duties = (await me.get('/duties/mine?from=2026-10-20&to=2027-02-20')).body as { start: string; end: string; postName: string }[];
    expect(vevents.map((e) => e.startDate.toJSDate().toISOString()).sort()).toEqual(duties.map((d) => d.start).sort());
    expect(vevents[0].summary).toContain('值班：');
    expect((await fetch(`${app.url()}/api/ical/${'x'.repeat(32)}.ics`)).status).toBe(404);
  });

  it('when the public opens a post\'s duty board, then names, licence numbers and firms show and no private data', async () => {
    clock.set('2026-12-10T01:00:00Z');
    const res = await fetch(`${app.url()}/api/public/posts/${world.posts[0].code}/board`);
    expect(res.status).toBe(200);
    const board = (await res.json()) as { day: string; shifts: { lawyers: unknown[] }[] };
    expect(board.day).toBe('2026-12-10');
    expect(board.shifts).toHaveLength(2);
    expect(board.shifts[0].lawyers[0]).toEqual({ name: expect.any(String), licenceNumber: expect.any(String), firm: expect.any(String) });
    expect(JSON.stringify(board)).not.toMatch(/phone|idNumber|138\d{8}/);
    clock.set('2026-11-20T02:00:00Z');
  });
});
