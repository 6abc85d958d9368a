import { dayCollection } from '../../../api/src/db/partitions';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { FEEDBACK_DUTIES, rebuildDutyCopies } from '../../../api/src/modules/feedback/feedback-duties.repository';
import { FeedbackModel } from '../../../api/src/modules/feedback/feedback.model';
import { HotlineCallModel } from '../../../api/src/modules/hotline/hotline.model';
import { NotificationModel } from '../../../api/src/modules/notifications/notifications.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';
import { easyPublicSettings, solvedPayload } from './support';

useTestDatabase();
// The rota covers Mon 2026-06-01 … Fri 2026-06-05; feedback arrives on Thursday 2026-06-04.
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session, ...easyPublicSettings }));
const services = () => app.services();

let coord: Client;
let hotline: Client;
let anon: Client;
let world: World;
let lawyer = { name: '', licenceNo: '', id: '' };
const AT = '2026-06-01T09:30:00+08:00';

async function submit(over: Record<string, unknown> = {}) {
  return anon.post('/public/feedback', {
    kind: 'complaint',
    post: world.posts[0]!.code,
    at: AT,
    licenceNo: lawyer.licenceNo,
    text: '律师态度敷衍，未解答我的问题',
    contactName: '王女士',
    contactPhone: '13912345678',
    altcha: await solvedPayload(anon),
    ...over,
  });
}

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  await createAccount('hotline', 'hotline');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  hotline = await app.as('hotline');
  anon = app.client();
  world = await buildWorld(admin, 1, 6);
  await publishRota(coord, services(), [world.posts[0]!.id], '2026-06-01', '2026-06-05');
  const found = (await anon.get(`/public/duty?post=${world.posts[0]!.code}&at=${encodeURIComponent(AT)}`)).body.lawyers[0];
  lawyer = { name: found.name, licenceNo: found.licenceNo, id: world.lawyers.find((l) => l.name === found.name)!.id };
  clock.set('2026-06-04T02:00:00Z');
});

describe('submitting praise and complaints', () => {
  it('when a complaint with a solved challenge is sent, then it is stored with a tracking code and deadlines, and the status page shows no text or phone', async () => {
    const res = await submit();
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ trackingCode: expect.stringMatching(/^[A-Z2-9]{10}$/), status: 'received', statusPath: `/feedback/${res.body.trackingCode}` });
    const stored = await FeedbackModel.findById(res.body.trackingCode).lean();
    expect(stored).toMatchObject({ kind: 'complaint', channel: 'web', status: 'received', contactPhone: '13912345678', duty: { lawyerId: lawyer.id, day: '2026-06-01', localStart: '09:00' } });
    // Five working days after Thursday 06-04: Fri, Mon, Tue, Wed, Thu 06-11; thirty days: 07-04 (both to local midnight).
    expect(stored!.acceptBy.toISOString()).toBe('2026-06-11T15:59:59.999Z');
    expect(stored!.concludeBy.toISOString()).toBe('2026-07-04T15:59:59.999Z');

    const status = await anon.get(`/public/feedback/${res.body.trackingCode.toLowerCase()}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ trackingCode: res.body.trackingCode, kind: 'complaint', status: 'received', lawyerName: lawyer.name, conclusion: null });
    expect(JSON.stringify(status.body)).not.toMatch(/13912345678|敷衍|王女士/);
  });

  it('when the challenge is missing, forged or used twice, then the submission is refused and nothing is stored', async () => {
    const before = await FeedbackModel.countDocuments();
    const forged = await anon.post('/public/feedback', { kind: 'praise', post: world.posts[0]!.code, at: AT, licenceNo: lawyer.licenceNo, text: '很好', altcha: Buffer.from('{"x":1}').toString('base64') });
    expect([forged.status, forged.body.error.code]).toEqual([400, 'proof_of_work_invalid']);
    const payload = await solvedPayload(anon);
    const body = { kind: 'praise', post: world.posts[0]!.code, at: AT, licenceNo: lawyer.licenceNo, text: '很耐心', altcha: payload };
    expect((await anon.post('/public/feedback', body)).status).toBe(201);
    const again = await anon.post('/public/feedback', body);
    expect([again.status, again.body.error.code]).toEqual([409, 'proof_of_work_used']);
    expect(await FeedbackModel.countDocuments()).toBe(before + 1);
  });

  it('when a complaint has no contact, the lawyer was not on duty then, or the text is too long, then it is refused', async () => {
    const noPhone = await submit({ contactPhone: undefined });
    expect(noPhone.status).toBe(400);
    const wrongLawyer = await submit({ licenceNo: '13201209999999999' });
    expect([wrongLawyer.status, wrongLawyer.body.error.code]).toEqual([404, 'duty_not_found']);
    const tooLong = await submit({ text: '长'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    const huge = await anon.post('/public/feedback', { kind: 'praise', text: 'x'.repeat(20_000) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
  });
});

describe('staff handle feedback against deadlines', () => {
  it('when a complaint is accepted, handled and concluded as upheld, then the dossier has an upheld complaint (not eligible), the lawyer is told and the status page shows the conclusion', async () => {
    const code = (await submit()).body.trackingCode as string;
    expect((await coord.post(`/feedback/${code}/accept`, { note: '受理' })).body.status).toBe('accepted');
    const twice = await coord.post(`/feedback/${code}/accept`, {});
    expect([twice.status, twice.body.error.code]).toEqual([409, 'feedback_wrong_status']);
    expect((await coord.post(`/feedback/${code}/handle`, {})).body.status).toBe('handling');
    const noOutcome = await coord.post(`/feedback/${code}/conclude`, { conclusion: '经核查属实' });
    expect([noOutcome.status, noOutcome.body.error.code]).toEqual([400, 'outcome_required']);
    const done = await coord.post(`/feedback/${code}/conclude`, { outcome: 'upheld', conclusion: '经调查核实，投诉属实，已对该律师作出处理。' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'concluded', outcome: 'upheld' });
    expect(done.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'accepted', 'handling', 'concluded']);

    const dossier = (await coord.get(`/lawyers/${lawyer.id}`)).body;
    expect(dossier.lawyer.complaints).toEqual([expect.objectContaining({ upheld: true, date: '2026-06-01', summary: expect.stringContaining(code) })]);
    expect(dossier.lawyer.eligible).toBe(false);
    expect(await NotificationModel.countDocuments({ lawyerId: lawyer.id, kind: 'feedback.upheld' })).toBe(1);
    expect(await AuditModel.countDocuments({ entityId: code })).toBe(3);
    const status = (await anon.get(`/public/feedback/${code}`)).body;
    expect(status).toMatchObject({ status: 'concluded', conclusion: '经调查核实，投诉属实，已对该律师作出处理。' });
  });

  it('when praise is accepted, then the lawyer is told and it is listed for the dossier', async () => {
    const res = await submit({ kind: 'praise', text: '律师非常耐心', contactPhone: undefined, contactName: undefined });
    expect(res.status).toBe(201);
    await coord.post(`/feedback/${res.body.trackingCode}/accept`, {});
    expect(await NotificationModel.countDocuments({ lawyerId: lawyer.id, kind: 'feedback.praise' })).toBe(1);
    const praise = (await coord.get(`/feedback?lawyerId=${lawyer.id}&kind=praise`)).body;
    expect(praise.map((f: { trackingCode: string }) => f.trackingCode)).toContain(res.body.trackingCode);
  });

  it('when a deadline passes, then the feedback is flagged overdue; a rejection ends it with a published reason', async () => {
    const code = (await submit()).body.trackingCode as string;
    clock.set('2026-06-11T15:59:59.000Z');
    expect((await coord.get('/feedback/overdue')).body.map((f: { trackingCode: string }) => f.trackingCode)).not.toContain(code);
    clock.set('2026-06-11T16:00:00.000Z');
    const overdue = (await coord.get('/feedback/overdue')).body as { trackingCode: string; overdue: string }[];
    expect(overdue.find((f) => f.trackingCode === code)?.overdue).toBe('accept');
    const rejected = await coord.post(`/feedback/${code}/reject`, { conclusion: '与值班工作无关，不予受理。' });
    expect(rejected.body.status).toBe('rejected');
    expect((await coord.get('/feedback/overdue')).body.map((f: { trackingCode: string }) => f.trackingCode)).not.toContain(code);
    expect((await anon.get(`/public/feedback/${code}`)).body.conclusion).toBe('与值班工作无关，不予受理。');
    clock.set('2026-06-04T02:00:00Z');
  });

  it('when counting feedback for statistics, then praise, complaints and upheld ones are counted by day received', async () => {
    const counts = await services().feedback.countsBetween('2026-06-04', '2026-06-04', { lawyerId: lawyer.id });
    expect(counts.upheld).toBe(1);
    expect(counts.praise).toBeGreaterThanOrEqual(2);
    expect(await services().feedback.countsBetween('2026-06-05', '2026-06-30')).toEqual({ praise: 0, complaints: 0, upheld: 0 });
  });
});

describe('the hotline desk', () => {
  it('when the operator searches by post and time, opens the duty and logs a complaint, then it takes three steps and the caller gets a tracking code', async () => {
    const found = await hotline.get(`/hotline/search?post=${world.posts[0]!.code}&at=${encodeURIComponent(AT)}`);
    expect(found.status).toBe(200);
    expect(found.body.duties).toEqual([expect.objectContaining({ lawyerName: lawyer.name, licenceNo: lawyer.licenceNo, localStart: '09:00' })]);
    const row = found.body.duties[0];
    const detail = await hotline.get(`/hotline/duty?rotaId=${row.rotaId}&slotId=${encodeURIComponent(row.slotId)}&lawyerId=${row.lawyerId}&day=${row.day}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ lawyerPhone: expect.stringMatching(/^1\d{10}$/), state: 'absent', checkedInAt: null, records: [], events: [expect.objectContaining({ type: 'absent' })] });
    expect(detail.body.feedback.length).toBeGreaterThan(0);
    // The duty's feedback as staff list it, each as last changed (read from the copy kept by the duty's day).
    const byCode = <T extends { trackingCode: string }>(list: T[]) => [...list].sort((a, b) => a.trackingCode.localeCompare(b.trackingCode));
    const listed = byCode((await coord.get(`/feedback?lawyerId=${row.lawyerId}`)).body.filter((f: { duty: { dutyKey: string } }) => f.duty.dutyKey === detail.body.dutyKey) as { trackingCode: string; status: string }[]);
    expect(byCode(detail.body.feedback)).toEqual(listed);
    expect(new Set(listed.map((f: { status: string }) => f.status)).size).toBeGreaterThan(1);
    await dayCollection(FEEDBACK_DUTIES, row.day).deleteMany({});
    expect((await hotline.get(`/hotline/duty?rotaId=${row.rotaId}&slotId=${encodeURIComponent(row.slotId)}&lawyerId=${row.lawyerId}&day=${row.day}`)).body.feedback).toEqual([]);
    expect(await rebuildDutyCopies()).toBe(await FeedbackModel.countDocuments());
    expect(byCode((await hotline.get(`/hotline/duty?rotaId=${row.rotaId}&slotId=${encodeURIComponent(row.slotId)}&lawyerId=${row.lawyerId}&day=${row.day}`)).body.feedback)).toEqual(listed);
    const call = await hotline.post('/hotline/calls', { kind: 'complaint', post: row.postCode, at: AT, licenceNo: row.licenceNo, callerName: '李先生', callerPhone: '13800001111', text: '来电反映律师未到岗' });
    expect(call.status).toBe(201);
    expect(call.body.trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(await FeedbackModel.findById(call.body.trackingCode).lean()).toMatchObject({ channel: 'hotline', contactPhone: '13800001111' });
    expect(await HotlineCallModel.countDocuments({ trackingCode: call.body.trackingCode })).toBe(1);
    const enquiry = await hotline.post('/hotline/calls', { kind: 'enquiry', post: row.postCode, at: AT, licenceNo: row.licenceNo, text: '咨询值班时间' });
    expect([enquiry.status, enquiry.body.trackingCode]).toEqual([201, null]);
  });

  it('when the operator searches by licence number or tracking code, then the duty is found', async () => {
    const byLicence = await hotline.get(`/hotline/search?lawyer=${lawyer.licenceNo}`);
    expect(byLicence.body.duties.some((d: { day: string; localStart: string }) => d.day === '2026-06-01' && d.localStart === '09:00')).toBe(true);
    const code = (await FeedbackModel.findOne({ channel: 'hotline' }).lean())!._id;
    const byCode = await hotline.get(`/hotline/search?code=${code}`);
    expect(byCode.body).toMatchObject({ by: 'code', trackingCode: code, duties: [expect.objectContaining({ lawyerId: lawyer.id, day: '2026-06-01' })] });
    const none = await hotline.get('/hotline/search');
    expect(none.status).toBe(400);
  });

  it('when the dossier asks for the duty history, then each duty comes with its attendance', async () => {
    const rows = (await coord.get(`/lawyers/${lawyer.id}/attendance-history?from=2026-06-01&to=2026-06-05`)).body;
    expect(rows.find((r: { day: string; localStart: string }) => r.day === '2026-06-01' && r.localStart === '09:00')).toMatchObject({ state: 'absent', checkedInAt: null });
  });
});
