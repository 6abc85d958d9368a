import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
let admin: Client;
let coord: Client;
let lawyerId = '';
let coordId = '';

beforeAll(async () => {
  await createAccount('admin', 'admin');
  coordId = (await createAccount('coord', 'coordinator')).id;
  admin = await app.as('admin');
  coord = await app.as('coord');
  lawyerId = (await coord.post('/lawyers', eligibleLawyer(1))).body.lawyer.id;
  clock.advance(60_000);
  await coord.patch(`/lawyers/${lawyerId}`, { firm: '江苏新律师事务所', phone: '13900000000' });
  clock.advance(60_000);
  await coord.post(`/lawyers/${lawyerId}/vetting`, { decision: 'approve', note: 'ok' });
  await admin.post('/posts', { kind: 'court', name: '法院', code: 'A-1', district: '玄武区', address: '路' });
});

describe('the audit log', () => {
  it('when staff change a lawyer, then an entry records who, when, what, before/after and the request id', async () => {
    const entry = await AuditModel.findOne({ action: 'lawyer.update', entityId: lawyerId }).lean();
    expect(entry).toMatchObject({
      actor: { userId: coordId, username: 'coord', role: 'coordinator' },
      entityType: 'lawyer',
      before: { firm: '江苏测试律师事务所', phone: eligibleLawyer(1).phone },
      after: { firm: '江苏新律师事务所', phone: '13900000000' },
    });
    expect(entry!.at.toISOString()).toBe('2026-06-01T02:01:00.000Z');
    expect(entry!.requestId).toMatch(/^[\w-]+$/);
  });

  it('when the request carries an X-Request-Id, then the entry keeps it', async () => {
    await coord.request('PUT', `/lawyers/${lawyerId}/assessments/2023`, { grade: '称职' }, { 'x-request-id': 'req-abc-123' });
    const entry = await AuditModel.findOne({ action: 'lawyer.assessment_set' }).lean();
    expect(entry!.requestId).toBe('req-abc-123');
  });

  it('when an admin filters by entity, actor, action and date range, then only matching entries come back, newest first, paginated', async () => {
    const all = await admin.get(`/audit?entityType=lawyer&entityId=${lawyerId}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { action: string }) => e.action)).toEqual(['lawyer.assessment_set', 'lawyer.vetting', 'lawyer.update', 'lawyer.create']);
    const byActor = await admin.get(`/audit?actorId=${coordId}&action=lawyer.vetting`);
    expect(byActor.body.total).toBe(1);
    const range = await admin.get('/audit?from=2026-06-01T02:00:30Z&to=2026-06-01T02:01:30Z');
    expect(range.body.items.map((e: { action: string }) => e.action)).toEqual(['lawyer.update']);
    const page = await admin.get('/audit?pageSize=2&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page.body.items).toHaveLength(2);
  });

  it('when the query is malformed, then 400', async () => {
    expect((await admin.get('/audit?from=yesterday')).status).toBe(400);
    expect((await admin.get('/audit?pageSize=1000')).status).toBe(400);
  });

  it('when a coordinator asks for the log, then 403', async () => {
    expect((await coord.get('/audit')).status).toBe(403);
  });
});
