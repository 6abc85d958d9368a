import ExcelJS from 'exceljs';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
const c: Record<string, Client> = {};
let mine = '';
let other = '';

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  await createAccount('hot', 'hotline');
  c.admin = await app.as('admin');
  c.coord = await app.as('coord');
  c.hot = await app.as('hot');
  mine = (await c.coord.post('/lawyers', eligibleLawyer(1))).body.lawyer.id;
  other = (await c.coord.post('/lawyers', eligibleLawyer(2))).body.lawyer.id;
  await createAccount('lawyer1', 'lawyer', { lawyerId: mine });
  c.lawyer = await app.as('lawyer1');
});

async function sheetHeaders(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return (wb.worksheets[0]!.getRow(1).values as string[]).filter(Boolean);
}

describe('the dossier (一人一表)', () => {
  it('when staff open a dossier, then it has the lawyer, eligibility, vetting and status history sections with private fields', async () => {
    const res = await c.coord.get(`/lawyers/${mine}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['allowedTransitions', 'eligibility', 'lawyer', 'statusHistory', 'vetting']);
    expect(res.body.lawyer).toMatchObject({ phone: eligibleLawyer(1).phone, idNumber: eligibleLawyer(1).idNumber, yearsInPractice: 11 });
    expect(res.body.allowedTransitions).toEqual(['retired']);
  });

  it('when a hotline operator opens a dossier or the list, then the phone shows but never the ID number', async () => {
    const d = await c.hot.get(`/lawyers/${mine}`);
    expect(d.body.lawyer.phone).toBe(eligibleLawyer(1).phone);
    expect(d.body.lawyer).not.toHaveProperty('idNumber');
    expect(JSON.stringify(d.body)).not.toContain(eligibleLawyer(1).idNumber);
    expect(d.body.allowedTransitions).toEqual([]);
    const list = await c.hot.get('/lawyers');
    expect(JSON.stringify(list.body)).not.toContain(eligibleLawyer(1).idNumber);
  });

  it('when a lawyer opens their own dossier, then they see their private fields; another lawyer’s answers 403', async () => {
    const own = await c.lawyer.get(`/lawyers/${mine}`);
    expect(own.body.lawyer.idNumber).toBe(eligibleLawyer(1).idNumber);
    const theirs = await c.lawyer.get(`/lawyers/${other}`);
    expect(theirs.status).toBe(403);
    expect(JSON.stringify(theirs.body)).not.toContain(eligibleLawyer(2).phone);
    expect((await c.lawyer.get('/lawyers')).status).toBe(403);
  });

  it('when exporting, then staff get ID and phone columns and the hotline operator no ID column', async () => {
    const staff = await c.coord.get('/lawyers/export?status=applicant');
    expect(staff.status).toBe(200);
    expect(staff.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(await sheetHeaders(staff.body)).toEqual(expect.arrayContaining(['姓名', '执业证号', '联系电话', '身份证号']));
    const hot = await c.hot.get('/lawyers/export');
    const headers = await sheetHeaders(hot.body);
    expect(headers).toContain('联系电话');
    expect(headers).not.toContain('身份证号');
  });

  it('when exporting with a filter, then only matching lawyers are in the sheet', async () => {
    const res = await c.coord.get(`/lawyers/export?q=${encodeURIComponent('测试律师2')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(2);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['a 16-digit licence number', { licenceNumber: '1234567890123456' }, 'licenceNumber'],
    ['an ID number with a wrong check digit', { idNumber: '11010119800101001X' }, 'idNumber'],
    ['an ID number with an impossible birth date', { idNumber: '110101198002300011' }, 'idNumber'],
    ['a phone that is not a number', { phone: '12345' }, 'phone'],
    ['an unknown grade', { assessments: [{ year: 2025, grade: '良好' }] }, 'assessments'],
    ['two assessments for one year', { assessments: [{ year: 2025, grade: '称职' }, { year: 2025, grade: '优秀' }] }, 'assessments'],
    ['an impossible date', { licensedSince: '2015-02-30' }, 'licensedSince'],
    ['an attestation without who/when', { attestation: { attested: true } }, 'attestation'],
    ['an unknown post kind', { postKinds: ['prison'] }, 'postKinds'],
  ])('when a lawyer is registered with %s, then 400 naming the field and nothing is stored', async (_l, patch, field) => {
    const before = await LawyerModel.countDocuments();
    const res = await c.coord.post('/lawyers', eligibleLawyer(50, patch as object));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path.split('.')[0])).toContain(field);
    expect(await LawyerModel.countDocuments()).toBe(before);
  });

  it('when the licence number is already registered, then 409 licence_number_taken', async () => {
    const res = await c.coord.post('/lawyers', eligibleLawyer(60, { licenceNumber: eligibleLawyer(1).licenceNumber }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('licence_number_taken');
    expect(await LawyerModel.countDocuments()).toBe(2);
  });

  it('when an edit takes another lawyer’s licence number, then 409 and the lawyer is unchanged', async () => {
    const res = await c.coord.patch(`/lawyers/${other}`, { licenceNumber: eligibleLawyer(1).licenceNumber });
    expect(res.status).toBe(409);
    expect((await LawyerModel.findById(other).lean())!.licenceNumber).toBe(eligibleLawyer(2).licenceNumber);
  });

  it('when removing an assessment that does not exist, then 404 and no audit entry', async () => {
    const audits = await AuditModel.countDocuments();
    const res = await c.coord.delete(`/lawyers/${mine}/assessments/2001`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('assessment_not_found');
    expect(await AuditModel.countDocuments()).toBe(audits);
  });

  it('when the lawyer id is unknown, then 404 lawyer_not_found', async () => {
    const res = await c.coord.patch('/lawyers/0123456789abcdef01234567', { firm: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('lawyer_not_found');
  });
});

describe('accounts', () => {
  it('when an admin creates a lawyer account without a lawyer, then 409; with one, then 201 and mustChangePassword', async () => {
    const bad = await c.admin.post('/users', { username: 'lawyer2', displayName: '律师二', role: 'lawyer', temporaryPassword: 'temporary-pass-1' });
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('lawyer_account_requires_lawyer');
    const ok = await c.admin.post('/users', { username: 'lawyer2', displayName: '律师二', role: 'lawyer', lawyerId: other, temporaryPassword: 'temporary-pass-1' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ username: 'lawyer2', lawyerId: other, mustChangePassword: true, active: true });
    const dup = await c.admin.post('/users', { username: 'lawyer2', displayName: 'x', role: 'hotline', temporaryPassword: 'temporary-pass-1' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('username_taken');
    const audit = await AuditModel.findOne({ action: 'user.create', entityId: ok.body.id }).lean();
    expect(JSON.stringify(audit)).not.toMatch(/temporary-pass|argon2/);
  });

  it('when an admin tries to deactivate themself, then 409 cannot_deactivate_self', async () => {
    const me = (await c.admin.get('/auth/me')).body.id;
    const res = await c.admin.patch(`/users/${me}`, { active: false });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('cannot_deactivate_self');
  });
});

describe('partial edits', () => {
  it('when only the firm is edited, then every other fact is kept', async () => {
    const before = await LawyerModel.findById(mine).lean();
    const res = await c.coord.patch(`/lawyers/${mine}`, { firm: '江苏另一律师事务所' });
    expect(res.status).toBe(200);
    const after = await LawyerModel.findById(mine).lean();
    expect(after).toMatchObject({ firm: '江苏另一律师事务所', criminalCases: before!.criminalCases, districts: before!.districts, postKinds: before!.postKinds });
    expect(after!.eligible).toBe(true);
  });
});
