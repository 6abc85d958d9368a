import { violationListSchema, violationSchema } from '../../../api/src/contracts/discipline';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { ViolationModel } from '../../../api/src/modules/discipline/discipline.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, drainJobs, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();

type DutyRow = { rotaId: string; slotId: string; day: string; lawyerId: string; start: string };

let admin: Client;
let coord: Client;
let world: World;
let rotaId = '';
const lawyer: Client[] = [];

const statusOf = async (id: string) => (await LawyerModel.findById(id).lean())!.status;
const decemberDuties = async (): Promise<DutyRow[]> => (await coord.get('/duties?from=2026-12-01&to=2026-12-31')).body;

async function violation(lawyerId: string, occurredAt: string, type = 'misconduct') {
  const res = await coord.post('/violations', { lawyerId, type, occurredAt, description: '值班期间敷衍了事，未按要求解答咨询' });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function confirm(id: string, outcome: 'confirmed' | 'dismissed' = 'confirmed') {
  const res = await coord.post(`/violations/${id}/decision`, { outcome, reason: '经核实' });
  expect(res.status).toBe(200);
  return res.body;
}

/** Sessions expire when the clock jumps: sign everyone in again. */
async function signInAgain() {
  admin = await app.as('admin');
  coord = await app.as('coord');
  for (let i = 0; i < lawyer.length; i++) lawyer[i] = await app.as(`l${i}`);
}

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  admin = await app.as('admin');
  coord = await app.as('coord');
  world = await buildWorld(admin, 2, 12);
  for (let i = 0; i < 6; i++) {
    await lawyerAccount(`l${i}`, world.lawyers[i].id);
    lawyer.push(await app.as(`l${i}`));
  }
  rotaId = await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-12-01', '2026-12-31');
});

describe('violations, replies and decisions', () => {
  it('when staff enter a violation, then it is proposed, the lawyer is told and can reply within the window, and the queue lists it', async () => {
    const me = world.lawyers[0];
    const created = await coord.post('/violations', { lawyerId: me.id, type: 'misconduct', occurredAt: '2026-11-19T03:00:00Z', description: '咨询解答敷衍' });
    expect(created.status).toBe(201);
    expect(violationSchema.parse(created.body)).toMatchObject({ lawyerId: me.id, type: 'misconduct', state: 'proposed', replyDeadline: '2026-11-23T02:00:00.000Z' });
    const stored = await ViolationModel.findById(created.body.id).lean();
    expect(stored).toMatchObject({ state: 'proposed', lawyerId: me.id });

    const notes = (await lawyer[0].get('/notifications/mine')).body as { kind: string }[];
    expect(notes.map((n) => n.kind)).toContain('violation.proposed');
    const mine = await lawyer[0].get('/violations/mine');
    expect(mine.body.violations.map((v: { id: string }) => v.id)).toContain(created.body.id);
    expect((await lawyer[1].get(`/violations/${created.body.id}`)).status).toBe(404);

    const replied = await lawyer[0].post(`/violations/${created.body.id}/reply`, { text: '当天咨询量大，已尽力解答。' });
    expect(replied.status).toBe(200);
    expect(replied.body.reply.text).toBe('当天咨询量大，已尽力解答。');

    const list = await coord.get(`/violations?lawyerId=${me.id}&state=proposed`);
    expect(violationListSchema.parse(list.body).total).toBe(1);
    expect((await coord.get('/violations?state=confirmed')).body.total).toBe(0);

    const dismissed = await confirm(created.body.id, 'dismissed');
    expect(dismissed.state).toBe('dismissed');
    expect(await statusOf(me.id)).toBe('active');
    expect((await lawyer[0].post(`/violations/${created.body.id}/reply`, { text: '补充' })).body.error.code).toBe('reply_window_closed');
    expect((await coord.post(`/violations/${created.body.id}/decision`, { outcome: 'confirmed', reason: 'x' })).body.error.code).toBe('already_decided');
  });

  it('when the reply window has passed, then the lawyer can no longer reply', async () => {
    const v = await violation(world.lawyers[5].id, '2026-11-19T03:00:00Z');
    clock.advance(4 * 86_400_000);
    try {
      await signInAgain();
      const res = await lawyer[5].post(`/violations/${v.id}/reply`, { text: '迟到的说明' });
      expect([res.status, res.body.error.code]).toEqual([409, 'reply_window_closed']);
    } finally {
      clock.advance(-4 * 86_400_000);
    }
    await signInAgain();
    await confirm(v.id, 'dismissed');
  });

  it('when bulk confirmation names an attendance violation nobody opened, or a non-attendance one, then nothing is confirmed; once opened, it is', async () => {
    const v = await violation(world.lawyers[5].id, '2026-11-18T03:00:00Z', 'late');
    const notSeen = await coord.post('/violations/bulk-decision', { ids: [v.id], reason: '核实' });
    expect([notSeen.status, notSeen.body.error.code, notSeen.body.error.details]).toEqual([409, 'not_seen', [v.id]]);
    const other = await violation(world.lawyers[5].id, '2026-11-18T04:00:00Z', 'misconduct');
    await coord.post(`/violations/${other.id}/seen`);
    expect((await coord.post('/violations/bulk-decision', { ids: [other.id], reason: '核实' })).body.error.code).toBe('bulk_only_attendance');
    expect((await ViolationModel.findById(v.id).lean())!.state).toBe('proposed');
    await confirm(other.id, 'dismissed');
    // Once opened, it is confirmed with the others.
    await coord.post(`/violations/${v.id}/seen`);
    const bulk = await coord.post('/violations/bulk-decision', { ids: [v.id], reason: '签到记录清楚' });
    expect([bulk.status, bulk.body]).toEqual([200, { confirmed: [v.id] }]);
    expect((await ViolationModel.findById(v.id).lean())!.decision).toMatchObject({ outcome: 'confirmed', reason: '签到记录清楚', by: { username: 'coord' } });
    expect(await statusOf(world.lawyers[5].id)).toBe('warned');
  });
});

describe('一次警告、二次清退', () => {
  it('when a first violation is confirmed, then the lawyer is warned; a second within the period removes them and their future duties move to others', async () => {
    const me = world.lawyers[1];
    const before = await decemberDuties();
    const mineBefore = before.filter((d) => d.lawyerId === me.id);
    expect(mineBefore.length).toBeGreaterThan(0);

    await confirm((await violation(me.id, '2026-11-10T03:00:00Z')).id);
    expect(await statusOf(me.id)).toBe('warned');
    const notes = (await lawyer[1].get('/notifications/mine')).body as { kind: string }[];
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['violation.decided', 'discipline.warning']));

    await confirm((await violation(me.id, '2026-11-18T03:00:00Z')).id);
    expect(await statusOf(me.id)).toBe('removed');
    expect((await coord.get(`/lawyers/${me.id}`)).body.lawyer.status).toBe('removed');
    await drainJobs(services());

    const after = await decemberDuties();
    expect(after.filter((d) => d.lawyerId === me.id)).toEqual([]);
    // No duty lost or doubled: every seat is held as before, or listed as uncovered.
    const discipline = (await coord.get(`/discipline/lawyers/${me.id}`)).body;
    expect(discipline.removals).toHaveLength(1);
    expect(discipline.removals[0]).toMatchObject({ cause: 'rule', status: 'done' });
    const uncovered = new Set(discipline.removals[0].uncovered.map((u: { slotId: string }) => u.slotId));
    expect(after.length + uncovered.size).toBe(before.length);
    for (const d of mineBefore) if (!uncovered.has(d.slotId)) expect(after.some((a) => a.slotId === d.slotId)).toBe(true);
    // Only the removed lawyer's duties moved.
    const key = (d: DutyRow) => `${d.slotId}|${d.lawyerId}`;
    const kept = new Set(after.map(key));
    for (const d of before) if (d.lawyerId !== me.id) expect(kept.has(key(d))).toBe(true);
    expect(discipline.timeline.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(['violation', 'decision', 'warning', 'removal']));

    // The removed lawyer still signs in and sees the record, but may not ask for leave or swap.
    expect((await lawyer[1].get('/violations/mine')).body.violations).toHaveLength(2);
    const leave = await lawyer[1].post('/absences', { kind: 'leave', from: '2026-12-20', to: '2026-12-21', reason: '事假' });
    expect([leave.status, leave.body.error.code]).toEqual([403, 'lawyer_removed']);
    const swap = await lawyer[1].post('/swaps', { rotaId, slotId: mineBefore[0].slotId, note: '调班' });
    expect([swap.status, swap.body.error.code]).toEqual([403, 'lawyer_removed']);
  });

  it('when an administrator reverses a confirmed violation after removal, then the lawyer goes back to vetting; coordinators may not reverse', async () => {
    const me = world.lawyers[1];
    const confirmed = (await coord.get(`/violations?lawyerId=${me.id}&state=confirmed`)).body.items as { id: string }[];
    expect((await coord.post(`/violations/${confirmed[0].id}/reversal`, { reason: '证据不足' })).status).toBe(403);
    const reversed = await admin.post(`/violations/${confirmed[0].id}/reversal`, { reason: '复核后证据不足' });
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ state: 'dismissed', reversals: [{ from: 'confirmed', reason: '复核后证据不足' }] });
    expect(await statusOf(me.id)).toBe('applicant');
  });

  it('when the earlier violation lies outside the counting period, or was dismissed, then a new confirmation only warns', async () => {
    const me = world.lawyers[2];
    await confirm((await violation(me.id, '2025-10-01T03:00:00Z')).id);
    expect(await statusOf(me.id)).toBe('active');
    await confirm((await violation(me.id, '2026-11-01T03:00:00Z')).id, 'dismissed');
    await confirm((await violation(me.id, '2026-11-15T03:00:00Z')).id);
    expect(await statusOf(me.id)).toBe('warned');
  });

  it('when staff set a lawyer to 已清退 by hand, then the same removal job runs and the duties of published rotas and open drafts move', async () => {
    const me = world.lawyers[3];
    expect((await decemberDuties()).some((d) => d.lawyerId === me.id)).toBe(true);
    // An open draft for the next month holds the lawyer too.
    // 2027's official holidays are not shipped yet: planning is confirmed without them.
    const draft = await coord.post('/rotas/drafts', { from: '2027-01-01', to: '2027-01-31', postIds: world.posts.map((p) => p.id), confirmMissingCalendar: true });
    expect(draft.status).toBe(202);
    await drainJobs(services());
    const holds = (slots: { lawyerIds: string[] }[]) => slots.some((x) => x.lawyerIds.includes(me.id));
    expect(holds((await coord.get(`/rotas/${draft.body.rotaId}`)).body.slots)).toBe(true);
    const res = await coord.post(`/lawyers/${me.id}/status`, { to: 'removed', reason: '严重违反值班纪律' });
    expect(res.status).toBe(200);
    await drainJobs(services());
    const draftAfter = (await coord.get(`/rotas/${draft.body.rotaId}`)).body;
    expect(draftAfter.status).toBe('draft');
    expect(holds(draftAfter.slots)).toBe(false);
    const discipline = (await coord.get(`/discipline/lawyers/${me.id}`)).body;
    expect(discipline.removals[0]).toMatchObject({ error: null });
    expect((await decemberDuties()).some((d) => d.lawyerId === me.id)).toBe(false);
    expect(discipline.removals[0]).toMatchObject({ cause: 'manual', status: 'done' });
  });
});

describe('a removed lawyer never freezes the rota', () => {
  it('when a lawyer is removed half-way through the month, then amendments of other duties are judged by what they change', async () => {
    const me = world.lawyers[4];
    clock.set('2026-12-15T00:00:00Z');
    await signInAgain();
    const kept = (await decemberDuties()).filter((d) => d.lawyerId === me.id && d.day < '2026-12-15');
    await coord.post(`/lawyers/${me.id}/status`, { to: 'removed', reason: '清退' });
    await drainJobs(services());
    const after = await decemberDuties();
    // Past duties stay as history; later ones moved.
    expect(after.filter((d) => d.lawyerId === me.id).map((d) => d.slotId)).toEqual(kept.map((d) => d.slotId));

    // The removed lawyer's past duties now break the status rule; an amendment elsewhere is judged by its own effect.
    const rota = (await coord.get(`/rotas/${rotaId}`)).body;
    const slot = rota.slots.find((s: { day: string; lawyerIds: string[] }) => s.day > '2026-12-20' && s.lawyerIds.length === 1);
    const check = await coord.post(`/rotas/${rotaId}/check`, { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [] }] });
    expect(check.body.violations.every((v: { lawyerId?: string }) => v.lawyerId !== me.id)).toBe(true);
    const res = await coord.patch(`/rotas/${rotaId}/assignments`, { revision: rota.revision, edits: [{ slotId: slot.id, lawyerIds: [] }], reason: '岗位临时调整' });
    expect(res.status).toBe(200);
    const now = await decemberDuties();
    expect(now.some((d) => d.slotId === slot.id)).toBe(false);
    expect(now.filter((d) => d.lawyerId === me.id)).toHaveLength(kept.length);
  });
});
