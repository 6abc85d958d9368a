import type { Duty } from '../../../api/src/contracts/rotas';
import type { DisciplinePort, ViolationReport } from '../../../api/src/modules/discipline/discipline.port';
import { dutyKeyOf } from '../../../api/src/modules/attendance/attendance.service';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { NotificationModel } from '../../../api/src/modules/notifications/notifications.model';
import { DeadlineModel, DutyRecordModel, RecordDayCountsModel, RecordDocumentModel } from '../../../api/src/modules/records/records.model';
import { findMark } from '../../../api/src/modules/records/record-marks.repository';
import { useTestDatabase } from '../../support/db';
import { manualClock, useApp } from '../../support/zhiban';
import { buildRecordsWorld, checkedIn, clientKey, sample, type RecordsWorld } from './records-world';

useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const proposed: ViolationReport[] = [];
const discipline: DisciplinePort = {
  propose: async (r) => {
    proposed.push(r);
    return { id: `v${proposed.length}`, created: true };
  },
  recordConfirmed: async () => ({ id: 'x', created: false }),
};
const app = useApp(() => ({ clock, session, disciplinePort: discipline }));
const services = () => app.services();
let w: RecordsWorld;

async function dutyAt(day: string, post: number, localStart: string): Promise<Duty> {
  const duties = await services().rotas.duties({ from: day, to: day, postId: w.world.posts[post]!.id });
  const duty = duties.find((d) => d.localStart === localStart);
  if (!duty) throw new Error(`no duty at post ${post} on ${day} ${localStart}`);
  return duty;
}
const clientOf = (d: Duty) => w.lawyers.get(d.lawyerId)!;
/** A lawyer with no duty on a day (to try someone else's duty). */
async function someoneElse(d: Duty) {
  const busy = new Set((await services().rotas.duties({ from: d.day, to: d.day })).map((x) => x.lawyerId));
  const id = w.world.lawyers.map((l) => l.id).find((id) => !busy.has(id) && id !== d.lawyerId) ?? w.world.lawyers.find((l) => l.id !== d.lawyerId)!.id;
  return w.lawyers.get(id)!;
}

beforeAll(async () => {
  w = await buildRecordsWorld(app, services);
});

describe('recording a duty’s work', () => {
  it('when a lawyer records each kind of record on their duty, then each is stored with the duty, its day and post, and listed for them and for staff', async () => {
    const duty = await dutyAt('2026-06-01', 0, '09:00');
    clock.set('2026-06-01T02:00:00Z');
    const lawyer = clientOf(duty);
    const dutyKey = dutyKeyOf(duty);
    const bodies = [
      { kind: 'consultation', data: sample.consultation() },
      { kind: 'rights_notice', data: sample.rights_notice() },
      { kind: 'aid_application', data: sample.aid_application('2026-06-01T01:50:00Z') },
      { kind: 'plea_witness', data: sample.plea_witness('玄检刑诉〔2026〕7号', true) },
      { kind: 'meeting', data: sample.meeting() },
      { kind: 'file_reading', data: sample.file_reading('玄检刑诉〔2026〕7号') },
      { kind: 'legal_opinion', data: sample.legal_opinion('玄检刑诉〔2026〕7号') },
    ];
    const ids: string[] = [];
    for (const b of bodies) {
      const res = await lawyer.post('/records', { ...b, dutyKey, clientKey: clientKey() });
      expect([b.kind, res.status]).toEqual([b.kind, 201]);
      expect(res.body).toMatchObject({ kind: b.kind, dutyKey, lawyerId: duty.lawyerId, postId: duty.postId, day: '2026-06-01', replayed: false });
      ids.push(res.body.id);
    }
    const stored = await DutyRecordModel.find({ dutyKey }).lean();
    expect(stored.map((s) => s.kind).sort()).toEqual(bodies.map((b) => b.kind).sort());
    expect(stored.every((s) => s.month === '2026-06' && s.counted && s.rotaId === duty.rotaId && s.slotId === duty.slotId)).toBe(true);
    expect(stored.find((s) => s.kind === 'plea_witness')?.data).toMatchObject({ objected: true, charge: '危险驾驶罪' });
    const mark = await findMark(dutyKey);
    expect(mark?.recordIds.sort()).toEqual([...ids].sort());

    const recordable = await lawyer.get('/records/mine/duties');
    expect(recordable.body.find((d: { dutyKey: string }) => d.dutyKey === dutyKey)).toMatchObject({ day: '2026-06-01', records: 7 });
    const mine = await lawyer.get('/records/mine?from=2026-06-01&to=2026-06-01');
    expect(mine.body.map((r: { id: string }) => r.id)).toEqual(ids);
    const staff = await w.coord.get(`/records?dutyKey=${encodeURIComponent(dutyKey)}`);
    expect(staff.body).toHaveLength(7);
    expect(staff.body[0]).toMatchObject({ lawyerName: duty.lawyerName, postName: duty.postName });

    const summaries = await services().recordsArea.records.reader.forDuty(dutyKey);
    expect(summaries.map((s) => s.kind)).toEqual(bodies.map((b) => b.kind));
    expect(summaries[0]!.title).toContain('盗窃');
    expect(summaries.some((s) => s.title.includes('王某'))).toBe(false);
  });

  it('when the same draft is sent again (a retry), then the first record answers and nothing is stored or counted twice', async () => {
    const duty = await dutyAt('2026-06-01', 1, '09:00');
    const lawyer = clientOf(duty);
    const body = { kind: 'consultation', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.consultation() };
    const before = (await RecordDayCountsModel.findById('2026-06-01').lean())?.counts ?? {};
    const [a, b] = await Promise.all([lawyer.post('/records', body), lawyer.post('/records', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await lawyer.post('/records', body);
    expect([again.status, again.body.replayed, again.body.id]).toEqual([200, true, a.body.id]);
    expect(await DutyRecordModel.countDocuments({ _id: a.body.id })).toBe(1);
    const after = (await RecordDayCountsModel.findById('2026-06-01').lean())!.counts;
    const key = `consultation|${duty.postId}|${duty.lawyerId}`;
    expect((after[key] ?? 0) - (before[key] ?? 0)).toBe(1);
  });

  it('when a record names someone else’s duty, a duty not begun or an invalid body, then it is refused and nothing is stored', async () => {
    const duty = await dutyAt('2026-06-01', 0, '14:30');
    const other = await someoneElse(duty);
    const count = await DutyRecordModel.countDocuments();
    const notYours = await other.post('/records', { kind: 'meeting', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.meeting() });
    expect([notYours.status, notYours.body.error.code]).toEqual([409, 'duty_not_yours']);
    const notBegun = await clientOf(duty).post('/records', { kind: 'meeting', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.meeting() });
    expect([notBegun.status, notBegun.body.error.code]).toEqual([409, 'duty_not_yours']);
    const invalid = await clientOf(duty).post('/records', { kind: 'plea_witness', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: { caseNumber: 'x' } });
    expect([invalid.status, invalid.body.error.code]).toEqual([400, 'validation_failed']);
    expect(await DutyRecordModel.countDocuments()).toBe(count);
  });

  it('when another lawyer or the hotline asks for a record, then they get nothing of the people helped', async () => {
    const duty = await dutyAt('2026-06-01', 0, '09:00');
    const [rec] = await DutyRecordModel.find({ dutyKey: dutyKeyOf(duty) }).lean();
    const other = await someoneElse(duty);
    const res = await other.get(`/records/${rec!._id}`);
    expect([res.status, res.body.error.code]).toEqual([404, 'record_not_found']);
    expect((await w.hotline.get(`/records/${rec!._id}`)).status).toBe(403);
    expect((await w.coord.get(`/records/${rec!._id}`)).body.data).toBeDefined();
  });
});

describe('the legal opinion document', () => {
  it('when a lawyer attaches a document, then it is kept in the database and staff can download it; a larger one or another record kind is refused', async () => {
    clock.set('2026-06-01T03:00:00Z');
    const duty = await dutyAt('2026-06-01', 0, '09:00');
    const lawyer = clientOf(duty);
    const opinion = await lawyer.post('/records', { kind: 'legal_opinion', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.legal_opinion('玄检刑诉〔2026〕9号') });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 法律意见书')], { type: 'application/pdf' }), '法律意见书.pdf');
    const put = await lawyer.request('POST', `/records/${opinion.body.id}/document`, form);
    expect(put.status).toBe(200);
    expect(put.body.document).toMatchObject({ name: '法律意见书.pdf', contentType: 'application/pdf' });
    const stored = await RecordDocumentModel.findById(opinion.body.id).lean();
    expect(Buffer.from(stored!.data.buffer ?? stored!.data).toString()).toBe('%PDF-1.4 法律意见书');
    const download = await w.coord.get(`/records/${opinion.body.id}/document`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/pdf');

    const big = new FormData();
    big.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024 + 1)], { type: 'application/pdf' }), 'big.pdf');
    const tooBig = await lawyer.request('POST', `/records/${opinion.body.id}/document`, big);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'file_too_large']);
    expect((await RecordDocumentModel.findById(opinion.body.id).lean())!.size).toBe(stored!.size);

    const meeting = await lawyer.post('/records', { kind: 'meeting', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.meeting() });
    const wrong = new FormData();
    wrong.append('file', new Blob(['x'], { type: 'application/pdf' }), 'x.pdf');
    const refused = await lawyer.request('POST', `/records/${meeting.body.id}/document`, wrong);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'not_a_legal_opinion']);
  });
});

describe('the 24-hour forwarding clock', () => {
  it('when an aid application is forwarded in time, then its clock is met; when it is not, then it goes overdue, is counted missed and the lawyer is reminded', async () => {
    clock.set('2026-06-02T02:00:00Z');
    const duty = await dutyAt('2026-06-02', 0, '09:00');
    const lawyer = clientOf(duty);
    const inTime = await lawyer.post('/records', { kind: 'aid_application', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.aid_application('2026-06-02T02:00:00Z') });
    const late = await lawyer.post('/records', { kind: 'aid_application', dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data: sample.aid_application('2026-06-02T02:00:00Z') });
    expect(inTime.body.deadline).toMatchObject({ kind: 'aid_forward', dueAt: '2026-06-03T02:00:00.000Z', status: 'open' });

    clock.set('2026-06-02T20:30:00Z');
    expect((await lawyer.get(`/records/${late.body.id}`)).body.deadline.status).toBe('due_soon');
    const watch = services().recordsArea.watch;
    await watch.tick();
    expect(await NotificationModel.countDocuments({ lawyerId: duty.lawyerId, kind: 'deadline_due_soon' })).toBe(2);
    const forwarded = await lawyer.post(`/records/${inTime.body.id}/forwarded`);
    expect(forwarded.body.deadline).toMatchObject({ status: 'met', doneAt: '2026-06-02T20:30:00.000Z' });

    clock.set('2026-06-03T02:00:01Z');
    expect((await lawyer.get(`/records/${late.body.id}`)).body.deadline.status).toBe('overdue');
    const result = await watch.tick();
    expect(result.missed).toBe(1);
    expect(await NotificationModel.countDocuments({ lawyerId: duty.lawyerId, kind: 'deadline_overdue' })).toBe(1);
    await watch.tick();
    expect(await NotificationModel.countDocuments({ lawyerId: duty.lawyerId, kind: 'deadline_overdue' })).toBe(1);
    await lawyer.post(`/records/${late.body.id}/forwarded`);
    expect(await DeadlineModel.findById(`rec:${late.body.id}:aid_forward`).lean()).toMatchObject({ open: false, outcome: 'missed' });
    const counts = (await RecordDayCountsModel.findById('2026-06-03').lean())!.counts;
    expect(counts[`deadline_met|${duty.postId}|${duty.lawyerId}`]).toBe(1);
    expect(counts[`deadline_missed|${duty.postId}|${duty.lawyerId}`]).toBe(1);
  });
});

describe('fast-track cases', () => {
  it('when a 速裁 letter is registered, then file reading and opinion are due in 2 days, reminded when due soon, met by the records and missed when late', async () => {
    clock.set('2026-06-03T02:00:00Z');
    const duty = await dutyAt('2026-06-03', 1, '09:00');
    const lawyer = clientOf(duty);
    const body = { clientKey: clientKey(), dutyKey: dutyKeyOf(duty), letterNumber: '玄检援建〔2026〕3号', procuratorate: '玄武区人民检察院', caseNumber: '玄检刑诉〔2026〕30号', suspectName: '吴某', charge: '盗窃罪', procedure: 'su_cai' };
    const res = await lawyer.post('/fast-track', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ procedure: 'su_cai', dutyKey: dutyKeyOf(duty), fileRead: { dueAt: '2026-06-05T02:00:00.000Z', status: 'open' }, opinion: { dueAt: '2026-06-05T02:00:00.000Z' } });
    expect((await lawyer.post('/fast-track', body)).body).toMatchObject({ id: res.body.id, replayed: true });
    expect(await NotificationModel.countDocuments({ dedupeKey: `fast-track:${res.body.id}:opened` })).toBe(1);

    clock.set('2026-06-04T14:30:00Z');
    await services().recordsArea.watch.tick();
    expect(await NotificationModel.countDocuments({ lawyerId: duty.lawyerId, kind: 'deadline_due_soon', 'params.subject': { $regex: '30号' } })).toBe(2);
    const read = await lawyer.post('/records', { kind: 'file_reading', clientKey: clientKey(), data: sample.file_reading(body.caseNumber, res.body.id) });
    expect(read.status).toBe(201);
    expect(read.body.dutyKey).toBe(dutyKeyOf(duty));

    clock.set('2026-06-05T03:00:00Z');
    await services().recordsArea.watch.tick();
    const staffView = await w.coord.get('/fast-track?open=true');
    const c = staffView.body.find((x: { id: string }) => x.id === res.body.id);
    expect(c).toMatchObject({ open: true, fileRead: { status: 'met' }, opinion: { status: 'overdue' } });
    await lawyer.post('/records', { kind: 'legal_opinion', clientKey: clientKey(), data: sample.legal_opinion(body.caseNumber, res.body.id) });
    const mine = await lawyer.get('/fast-track/mine');
    expect(mine.body.find((x: { id: string }) => x.id === res.body.id)).toMatchObject({ open: false, fileRead: { status: 'met' }, opinion: { status: 'missed' } });
  });

  it('when staff register a 简易 letter for a lawyer, then the clocks run 10 days, the lawyer is notified and the registration is audited', async () => {
    clock.set('2026-06-04T06:00:00Z');
    const duty = await dutyAt('2026-06-04', 0, '14:30');
    const res = await w.coord.post('/fast-track', { clientKey: clientKey(), lawyerId: duty.lawyerId, letterNumber: '玄检援建〔2026〕5号', procuratorate: '玄武区人民检察院', caseNumber: '玄检刑诉〔2026〕31号', suspectName: '郑某', charge: '故意伤害罪', procedure: 'jian_yi' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ lawyerId: duty.lawyerId, dutyKey: dutyKeyOf(duty), fileRead: { dueAt: '2026-06-14T06:00:00.000Z' } });
    expect(await AuditModel.countDocuments({ action: 'fast_track.register', entityId: res.body.id })).toBe(1);
    expect(await NotificationModel.countDocuments({ lawyerId: duty.lawyerId, kind: 'fast_track_case' })).toBeGreaterThanOrEqual(1);
    const missingLawyer = await w.coord.post('/fast-track', { clientKey: clientKey(), letterNumber: 'x', procuratorate: 'x', caseNumber: 'x', suspectName: 'x', charge: 'x', procedure: 'jian_yi' });
    expect([missingLawyer.status, missingLawyer.body.error.code]).toEqual([400, 'lawyer_required']);
  });
});

describe('a missing record', () => {
  it('when a duty has a check-in but no record by the end of the next day, then the lawyer is told, and after the grace period a missing_record violation is proposed once', async () => {
    const silent = await dutyAt('2026-06-05', 0, '09:00');
    const diligent = await dutyAt('2026-06-05', 1, '09:00');
    await checkedIn(silent);
    await checkedIn(diligent);
    clock.set('2026-06-05T02:00:00Z');
    await clientOf(diligent).post('/records', { kind: 'meeting', dutyKey: dutyKeyOf(diligent), clientKey: clientKey(), data: sample.meeting() });
    const watch = services().recordsArea.watch;

    clock.set('2026-06-06T15:59:00Z'); // 23:59 on the next day, Asia/Shanghai
    expect(await watch.tick()).toMatchObject({ told: 0, proposed: 0 });
    clock.set('2026-06-06T16:30:00Z');
    expect(await watch.tick()).toMatchObject({ told: 1, proposed: 0 });
    const told = await NotificationModel.find({ kind: 'record_missing' }).lean();
    expect(told.map((n) => [n.lawyerId, n.dedupeKey])).toEqual([[silent.lawyerId, `records:missing:${dutyKeyOf(silent)}`]]);

    clock.set('2026-06-08T15:59:00Z'); // 48 hours of grace not yet over
    expect((await watch.tick()).proposed).toBe(0);
    clock.set('2026-06-08T16:00:00Z');
    expect((await watch.tick()).proposed).toBe(1);
    expect(proposed).toEqual([
      expect.objectContaining({ type: 'missing_record', lawyerId: silent.lawyerId, sourceKey: `records:missing:${dutyKeyOf(silent)}`, dutyKey: dutyKeyOf(silent), evidence: [{ kind: 'duty_record_missing', dutyKey: dutyKeyOf(silent) }] }),
    ]);
    await watch.tick();
    expect(proposed).toHaveLength(1);
    expect((await findMark(dutyKeyOf(silent)))?.proposedAt).toEqual(new Date('2026-06-08T16:00:00Z'));
  });

  it('when staff change the grace period, then it is stored and audited, and the same value again changes nothing', async () => {
    expect((await w.coord.get('/records/settings')).body).toEqual({ missingRecordGraceHours: 48 });
    const put = await w.coord.put('/records/settings', { missingRecordGraceHours: 24 });
    expect(put.body).toEqual({ missingRecordGraceHours: 24 });
    await w.coord.put('/records/settings', { missingRecordGraceHours: 24 });
    expect(await AuditModel.countDocuments({ action: 'records.settings_update' })).toBe(1);
    expect((await w.coord.put('/records/settings', { missingRecordGraceHours: -1 })).status).toBe(400);
  });
});
