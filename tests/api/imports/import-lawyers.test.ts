import ExcelJS from 'exceljs';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { ImportModel } from '../../../api/src/modules/imports/imports.model';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, idNumberFor, licenceFor, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
let staff: Client;

const HEADERS = ['姓名', '性别', '执业证号', '律师事务所', '执业时间', '刑事案件经验', '联系电话', '身份证号', '服务区域', '可值班岗位类型', '年度考核', '政治审查'];

function row(i: number): (string | number | Date)[] {
  return [
    `导入律师${i}`,
    i % 2 ? '女' : '男',
    licenceFor(5000 + i),
    `江苏第${i % 17}律师事务所`,
    new Date(Date.UTC(2010 + (i % 10), i % 12, 1 + (i % 27))),
    i % 40,
    `139${String(i).padStart(8, '0')}`,
    idNumberFor('1980-02-03', i),
    '鼓楼;玄武',
    '看守所;法院',
    '2024:称职;2025:优秀',
    '是',
  ];
}

async function workbook(rows: (string | number | Date)[][], headers = HEADERS): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Blob([await wb.xlsx.writeBuffer()]);
}

async function upload(file: Blob, name = 'lawyers.xlsx') {
  const form = new FormData();
  form.append('file', file, name);
  return staff.request('POST', '/lawyers/imports', form);
}

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
  staff = await app.as('coord');
  // Already registered: the sheet's row for 5000+7 will collide with this licence number.
  expect((await staff.post('/lawyers', eligibleLawyer(1, { licenceNumber: licenceFor(5007) }))).status).toBe(201);
});

describe('importing 340 lawyers from a sheet', () => {
  let importId = '';

  it('when 3 of 340 rows are bad, then the preview reports them with reasons and writes no lawyer', async () => {
    const rows = Array.from({ length: 340 }, (_, i) => row(i));
    const good = idNumberFor('1980-02-03', 4);
    rows[4]![7] = good.slice(0, 17) + (good[17] === '0' ? '1' : '0'); // bad ID checksum → sheet row 6
    rows[7] = row(7); // licence number already registered → sheet row 9
    rows[200]![2] = licenceFor(5000 + 100); // duplicate of row 102 within the file → sheet row 202
    const res = await upload(await workbook(rows));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'preview', totalRows: 340, validRows: 337, invalidRows: 3 });
    expect(res.body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [6, 'idNumber', 'invalid'],
      [9, 'licenceNumber', 'already_registered'],
      [202, 'licenceNumber', 'duplicate_in_file'],
    ]);
    expect(res.body.rows[0]).toMatchObject({ row: 2, valid: true, eligible: false }); // no criminal cases
    expect(res.body.rows[1]).toMatchObject({ row: 3, valid: true, eligible: true });
    expect(await LawyerModel.countDocuments()).toBe(1);
    expect((await ImportModel.findById(res.body.id).lean())!.status).toBe('preview');
    importId = res.body.id;
  });

  it('when the import is confirmed, then 337 lawyers are stored as applicants with evaluated eligibility', async () => {
    const res = await staff.post(`/lawyers/imports/${importId}/confirm`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'applied', created: 337, skippedExisting: 0, invalidRows: 3, alreadyApplied: false });
    expect(await LawyerModel.countDocuments({ importId })).toBe(337);
    const one = await LawyerModel.findOne({ licenceNumber: licenceFor(5002) }).lean();
    expect(one).toMatchObject({ name: '导入律师2', status: 'applicant', districts: ['鼓楼区', '玄武区'], postKinds: ['detention_centre', 'court'] });
    expect(one!.attestation).toMatchObject({ attested: true, attestedBy: '表格导入', attestedOn: '2026-06-01' });
    expect(await LawyerModel.countDocuments({ importId, eligible: false })).toBeGreaterThan(0); // i % 40 === 0 has no criminal cases
    expect(await AuditModel.countDocuments({ action: 'lawyer.import' })).toBe(337);
  });

  it('when confirmed again, then nothing more is written: still 337', async () => {
    const res = await staff.post(`/lawyers/imports/${importId}/confirm`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 337, alreadyApplied: true });
    expect(await LawyerModel.countDocuments({ importId })).toBe(337);
    expect(await LawyerModel.countDocuments()).toBe(338);
  });

  it('when an import stopped half-way, then confirming again finishes it without duplicates', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => row(1000 + i));
    const preview = await upload(await workbook(rows));
    const id = preview.body.id;
    // Simulate a crash after the first chunk was written but before progress was recorded.
    const batch = await ImportModel.findById(id).lean();
    const firstFifty = (batch!.validBodies as { licenceNumber: string }[]).slice(0, 50);
    await LawyerModel.insertMany(
      (await LawyerModel.find({ importId }).limit(50).lean()).map((d, i) => {
        const { _id: _ignored, ...rest } = d;
        return { ...rest, licenceNumber: firstFifty[i]!.licenceNumber, importId: id };
      }),
    );
    await ImportModel.updateOne({ _id: id }, { $set: { status: 'applying', progress: 0 } });
    const res = await staff.post(`/lawyers/imports/${id}/confirm`);
    expect(res.body).toMatchObject({ status: 'applied', created: 150 });
    expect(await LawyerModel.countDocuments({ importId: id })).toBe(150);
    expect(await LawyerModel.countDocuments()).toBe(488);
  });

  it('when the preview has expired, then 410 import_expired and nothing is written', async () => {
    const preview = await upload(await workbook([row(3000)]));
    clock.advance(31 * 60_000);
    staff = await app.as('coord');
    const res = await staff.post(`/lawyers/imports/${preview.body.id}/confirm`);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('import_expired');
    expect(await LawyerModel.countDocuments({ licenceNumber: licenceFor(8000) })).toBe(0);
    expect((await ImportModel.findById(preview.body.id).lean())!.status).toBe('expired');
  });
});

describe('bad sheets', () => {
  it('when a CSV has English headers, then it is read the same way', async () => {
    const csv = 'name,gender,licenceNumber,firm,licensedSince,criminalCases,phone,idNumber,assessments,attestation\n' +
      `Li Si,male,${licenceFor(9001)},Some Firm,2012-05-06,5,13700000001,${idNumberFor('1979-01-01', 1)},2025:称职,yes\n`;
    const res = await upload(new Blob([csv]), 'list.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ validRows: 1, invalidRows: 0 });
  });

  it('when a CSV was saved by Excel in GB18030 (GBK), then the Chinese headers and names are read', async () => {
    const csv = '姓名,性别,执业证号,律师事务所,执业时间,刑事案件经验,联系电话,身份证号,年度考核,政治审查\n' +
      `王芳,女,${licenceFor(9002)},江苏某律师事务所,2012/5/6,5,13700000002,${idNumberFor('1979-01-01', 2)},2025:称职,是\n`;
    const encoded = encodeGb18030(csv);
    const res = await upload(new Blob([new Uint8Array(encoded)]), 'list.csv');
    expect(res.status).toBe(201);
    expect(res.body.rows[0]).toMatchObject({ name: '王芳', valid: true });
  });

  it('when required columns are missing, then 400 missing_columns naming them and no batch is stored', async () => {
    const before = await ImportModel.countDocuments();
    const res = await upload(await workbook([['张三']], ['姓名']));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('missing_columns');
    expect(res.body.error.details.missing).toEqual(expect.arrayContaining(['执业证号', '身份证号']));
    expect(await ImportModel.countDocuments()).toBe(before);
  });

  it('when no file or a non-sheet is sent, then 400 with a code', async () => {
    const none = await staff.request('POST', '/lawyers/imports', new FormData());
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('file_required');
    const pdf = await upload(new Blob(['%PDF-1.4']), 'x.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.code).toBe('unsupported_file');
  });

  it('when the import id is unknown, then 404 import_not_found', async () => {
    const res = await staff.post('/lawyers/imports/0123456789abcdef01234567/confirm');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('import_not_found');
  });
});

/** Encodes text as GB18030 by searching the decoder (tests only: a handful of characters). */
function encodeGb18030(text: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return out;
}
