import { LAWYER_STATUSES, STATUS_TRANSITIONS, type LawyerStatus } from '../../../api/src/contracts/lawyers';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
let staff: Client;
let n = 300;

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
  staff = await app.as('coord');
});

/** An eligible lawyer put straight into `status` (the routes to get there are tested below). */
async function lawyerIn(status: LawyerStatus): Promise<string> {
  const res = await staff.post('/lawyers', eligibleLawyer(n++));
  const id = res.body.lawyer.id as string;
  if (status !== 'applicant') await LawyerModel.updateOne({ _id: id }, { $set: { status } });
  return id;
}

describe('status lifecycle', () => {
  it('when an applicant is set active through the status route, then 409 vetting_required', async () => {
    const id = await lawyerIn('applicant');
    const res = await staff.post(`/lawyers/${id}/status`, { to: 'active', reason: '直接启用' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('vetting_required');
    expect((await LawyerModel.findById(id).lean())!.status).toBe('applicant');
  });

  const pairs: [LawyerStatus, LawyerStatus][] = [];
  for (const from of LAWYER_STATUSES) for (const to of LAWYER_STATUSES) if (from !== to && !(from === 'applicant' && to === 'active')) pairs.push([from, to]);

  it.each(pairs)('when a %s lawyer is moved to %s, then the table decides', async (from, to) => {
    const id = await lawyerIn(from);
    const res = await staff.post(`/lawyers/${id}/status`, { to, reason: '测试' });
    const stored = await LawyerModel.findById(id).lean();
    if (STATUS_TRANSITIONS[from].includes(to)) {
      expect(res.status).toBe(200);
      expect(res.body.lawyer.status).toBe(to);
      expect(stored!.status).toBe(to);
      expect(stored!.statusHistory.at(-1)).toMatchObject({ from, to, reason: '测试', by: { username: 'coord' } });
    } else {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('transition_not_allowed');
      expect(res.body.error.details).toMatchObject({ from, to });
      expect(stored!.status).toBe(from);
    }
  });

  it('when the walk applicant → active → warned → removed → applicant is taken, then the history lists every step', async () => {
    const id = await lawyerIn('applicant');
    expect((await staff.post(`/lawyers/${id}/vetting`, { decision: 'approve' })).status).toBe(200);
    expect((await staff.post(`/lawyers/${id}/status`, { to: 'warned', reason: '一次警告：迟到' })).status).toBe(200);
    expect((await staff.post(`/lawyers/${id}/status`, { to: 'removed', reason: '二次清退：缺岗' })).status).toBe(200);
    const back = await staff.post(`/lawyers/${id}/status`, { to: 'applicant', reason: '申请重新遴选' });
    expect(back.body.statusHistory.map((s: { to: string }) => s.to)).toEqual(['applicant', 'active', 'warned', 'removed', 'applicant']);
    expect(back.body.allowedTransitions).toEqual(['retired']);
  });

  it('when a suspended lawyer who is no longer eligible is reactivated, then 409 not_eligible', async () => {
    const id = await lawyerIn('suspended');
    await staff.put(`/lawyers/${id}/attestation`, { attested: false });
    const res = await staff.post(`/lawyers/${id}/status`, { to: 'active', reason: '恢复' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_eligible');
    expect((await LawyerModel.findById(id).lean())!.status).toBe('suspended');
  });

  it('when no reason is given, then 400 and nothing changes', async () => {
    const id = await lawyerIn('active');
    const res = await staff.post(`/lawyers/${id}/status`, { to: 'warned', reason: '' });
    expect(res.status).toBe(400);
    expect((await LawyerModel.findById(id).lean())!.status).toBe('active');
  });
});
