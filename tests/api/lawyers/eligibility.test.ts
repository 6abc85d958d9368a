import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
let staff: Client;
let n = 100;

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
  staff = await app.as('coord');
});

async function register(over: Parameters<typeof eligibleLawyer>[1] = {}) {
  const res = await staff.post('/lawyers', eligibleLawyer(n++, over));
  expect(res.status).toBe(201);
  return res.body;
}

const codes = (dossier: { eligibility: { reasons: { code: string }[] } }) => dossier.eligibility.reasons.map((r) => r.code);

describe('eligibility rules', () => {
  it('when every fact is in order, then the lawyer is eligible with no reasons', async () => {
    const d = await register();
    expect(d.eligibility).toMatchObject({ eligible: true, reasons: [], yearsInPractice: 11 });
    expect((await LawyerModel.findById(d.lawyer.id).lean())!.eligible).toBe(true);
  });

  it('when there is no political attestation, then attestation_missing', async () => {
    const d = await register({ attestation: { attested: false } });
    expect(d.eligibility.eligible).toBe(false);
    expect(codes(d)).toEqual(['attestation_missing']);
    expect(d.eligibility.reasons[0].message.zh).toMatch(/政治/);
  });

  it('when in practice 2 years 364 days, then practice_too_short; at exactly 3 years, then eligible', async () => {
    const short = await register({ licensedSince: '2023-06-02' });
    expect(codes(short)).toEqual(['practice_too_short']);
    expect(short.eligibility.reasons[0].params).toMatchObject({ years: 2, required: 3 });
    const exact = await register({ licensedSince: '2023-06-01' });
    expect(exact.eligibility.eligible).toBe(true);
  });

  it('when no criminal case was handled, then no_criminal_experience', async () => {
    const d = await register({ criminalCases: 0 });
    expect(codes(d)).toEqual(['no_criminal_experience']);
  });

  it('when a complaint is upheld, then upheld_complaint; a complaint not upheld does not count', async () => {
    const d = await register();
    const notUpheld = await staff.post(`/lawyers/${d.lawyer.id}/complaints`, { date: '2026-03-01', summary: '态度不好', upheld: false });
    expect(notUpheld.body.eligibility.eligible).toBe(true);
    const upheld = await staff.post(`/lawyers/${d.lawyer.id}/complaints`, { date: '2026-04-01', summary: '未按时到岗', upheld: true });
    expect(upheld.status).toBe(201);
    expect(codes(upheld.body)).toEqual(['upheld_complaint']);
  });

  it('when any recorded year is 基本称职 or 不称职, then assessment_below_standard for that year; 合格 passes by default', async () => {
    const d = await register({
      assessments: [
        { year: 2023, grade: '基本称职' },
        { year: 2024, grade: '合格' },
        { year: 2025, grade: '称职' },
      ],
    });
    expect(codes(d)).toEqual(['assessment_below_standard']);
    expect(d.eligibility.reasons[0].params).toEqual({ year: 2023, grade: '基本称职' });
  });

  it('when the last completed year has no assessment, then assessment_missing', async () => {
    const d = await register({ assessments: [{ year: 2024, grade: '优秀' }] });
    expect(codes(d)).toEqual(['assessment_missing']);
    expect(d.eligibility.reasons[0].params).toEqual({ year: 2025 });
  });

  it('when several rules fail, then every reason is listed', async () => {
    const d = await register({ criminalCases: 0, licensedSince: '2025-01-01', attestation: { attested: false } });
    expect(codes(d).sort()).toEqual(['attestation_missing', 'no_criminal_experience', 'practice_too_short']);
  });
});

describe('the policy on 合格 is configurable', () => {
  const strict = useApp(() => ({ clock, eligibility: { minYearsInPractice: 3, minCriminalCases: 1, passingGrades: ['优秀', '称职'], requireLatestAssessment: true, timeZone: 'Asia/Shanghai' } }));
  it('when 合格 does not pass, then a 合格 year fails', async () => {
    const c = await strict.as('coord');
    const res = await c.post('/lawyers', eligibleLawyer(900, { assessments: [{ year: 2025, grade: '合格' }] }));
    expect(codes(res.body)).toEqual(['assessment_below_standard']);
  });
});

describe('vetting', () => {
  it('when an eligible applicant is approved, then active, with the decision and status history recorded', async () => {
    const d = await register();
    const res = await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'approve', note: '材料齐全' });
    expect(res.status).toBe(200);
    expect(res.body.lawyer.status).toBe('active');
    expect(res.body.vetting.latest).toMatchObject({ decision: 'approve', note: '材料齐全', decidedBy: { username: 'coord' }, eligibleAtDecision: true });
    expect(res.body.statusHistory.map((s: { to: string }) => s.to)).toEqual(['applicant', 'active']);
    const stored = await LawyerModel.findById(d.lawyer.id).lean();
    expect(stored!.status).toBe('active');
    expect(await AuditModel.countDocuments({ entityId: d.lawyer.id, action: 'lawyer.vetting' })).toBe(1);
  });

  it('when an ineligible applicant is approved, then 409 not_eligible with reasons and nothing changes', async () => {
    const d = await register({ criminalCases: 0 });
    const res = await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'approve' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_eligible');
    expect(res.body.error.details[0].code).toBe('no_criminal_experience');
    const stored = await LawyerModel.findById(d.lawyer.id).lean();
    expect(stored!.status).toBe('applicant');
    expect(stored!.vetting).toHaveLength(0);
  });

  it('when an applicant is rejected, then they stay an applicant with the rejection recorded', async () => {
    const d = await register({ criminalCases: 0 });
    const res = await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'reject', note: '无刑事经验' });
    expect(res.status).toBe(200);
    expect(res.body.lawyer.status).toBe('applicant');
    expect(res.body.vetting.latest.decision).toBe('reject');
  });

  it('when a non-applicant is vetted, then 409 not_an_applicant', async () => {
    const d = await register();
    await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'approve' });
    const again = await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_an_applicant');
    expect((await LawyerModel.findById(d.lawyer.id).lean())!.vetting).toHaveLength(1);
  });
});

describe('re-evaluation when facts change', () => {
  it('when an active lawyer gets an upheld complaint, then flagged for staff with the reason and since when; listed as flagged', async () => {
    const d = await register();
    await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'approve' });
    clock.set('2026-06-01T03:00:00Z');
    const res = await staff.post(`/lawyers/${d.lawyer.id}/complaints`, { date: '2026-06-01', summary: '擅自离岗', upheld: true });
    expect(res.body.lawyer.eligibilityFlag).toMatchObject({ since: '2026-06-01T03:00:00.000Z' });
    expect(res.body.lawyer.eligibilityFlag.reasons[0].code).toBe('upheld_complaint');
    const stored = await LawyerModel.findById(d.lawyer.id).lean();
    expect(stored!.eligible).toBe(false);
    expect(stored!.eligibilityFlag).not.toBeNull();

    clock.set('2026-06-01T03:30:00Z');
    const assessed = await staff.put(`/lawyers/${d.lawyer.id}/assessments/2025`, { grade: '不称职' });
    expect(assessed.body.lawyer.eligibilityFlag.since).toBe('2026-06-01T03:00:00.000Z');
    expect(codes(assessed.body).sort()).toEqual(['assessment_below_standard', 'upheld_complaint']);

    const flagged = await staff.get('/lawyers/flagged');
    expect(flagged.body.map((l: { id: string }) => l.id)).toContain(d.lawyer.id);
    const list = await staff.get('/lawyers?flagged=true');
    expect(list.body.items.map((l: { id: string }) => l.id)).toContain(d.lawyer.id);

    const complaintId = res.body.lawyer.complaints[0].id;
    await staff.patch(`/lawyers/${d.lawyer.id}/complaints/${complaintId}`, { upheld: false });
    const cleared = await staff.put(`/lawyers/${d.lawyer.id}/assessments/2025`, { grade: '称职' });
    expect(cleared.body.lawyer.eligibilityFlag).toBeNull();
    expect(cleared.body.eligibility.eligible).toBe(true);
    clock.set('2026-06-01T02:00:00Z');
  });

  it('when the attestation is withdrawn from an applicant, then ineligible but not flagged (not serving)', async () => {
    const d = await register();
    const res = await staff.put(`/lawyers/${d.lawyer.id}/attestation`, { attested: false });
    expect(res.body.eligibility.eligible).toBe(false);
    expect(res.body.lawyer.eligibilityFlag).toBeNull();
  });

  it('when a lawyer is filtered by eligible=false, then only ineligible ones come back', async () => {
    const list = await staff.get('/lawyers?eligible=false&pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((l: { eligible: boolean }) => !l.eligible)).toBe(true);
  });
});

describe('re-evaluation as time passes', () => {
  it('when a new year begins, then re-evaluating flags serving lawyers who lack last year’s assessment', async () => {
    const d = await register();
    await staff.post(`/lawyers/${d.lawyer.id}/vetting`, { decision: 'approve' });
    const young = await register({ licensedSince: '2023-06-02' });
    expect(codes(young)).toEqual(['practice_too_short']);

    clock.set('2027-01-02T01:00:00Z');
    staff = await app.as('coord');
    const res = await staff.post('/lawyers/eligibility/re-evaluate');
    expect(res.status).toBe(200);
    expect(res.body.newlyFlagged).toBeGreaterThanOrEqual(1);
    const stored = await LawyerModel.findById(d.lawyer.id).lean();
    expect(stored!.eligible).toBe(false);
    expect(stored!.eligibility!.reasons.map((r) => r.code)).toEqual(['assessment_missing']);
    expect(stored!.eligibilityFlag!.since!.toISOString()).toBe('2027-01-02T01:00:00.000Z');
    // Three full years reached: the practice rule now passes for the younger lawyer.
    const youngNow = await LawyerModel.findById(young.lawyer.id).lean();
    expect(youngNow!.eligibility!.reasons.map((r) => r.code)).toEqual(['assessment_missing']);
    expect(await AuditModel.countDocuments({ action: 'lawyer.eligibility_reevaluated', entityId: d.lawyer.id })).toBe(1);

    const again = await staff.post('/lawyers/eligibility/re-evaluate');
    expect(again.body).toMatchObject({ changed: 0, newlyFlagged: 0 });
    clock.set('2026-06-01T02:00:00Z');
    staff = await app.as('coord');
  });
});
