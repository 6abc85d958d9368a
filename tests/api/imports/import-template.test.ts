import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../support/db';
import { createAccount, idNumberFor, licenceFor, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
let staff: Client;

async function upload(file: Blob, name: string) {
  const form = new FormData();
  form.append('file', file, name);
  return staff.request('POST', '/lawyers/imports', form);
}

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
  staff = await app.as('coord');
});

describe('what a first import meets', () => {
  it('when staff download the template, then it has every column (required ones marked) and an example row the importer accepts', async () => {
    const res = await fetch(`${app.url()}/api/lawyers/imports/template`, { headers: { cookie: staff.cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['姓名*', '执业证号*', '联系电话*', '身份证号*', '年度考核']));
    const preview = await upload(new Blob([await wb.xlsx.writeBuffer()]), '模板.xlsx');
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ totalRows: 1, invalidRows: 0, fileName: '模板.xlsx' });
  });

  it('when a CSV ends with a line of separators only, then that line is not a row (and not an error)', async () => {
    const csv = [
      '姓名,性别,执业证号,律师事务所,执业时间,联系电话,身份证号',
      `周敏,女,${licenceFor(101)},江苏钟山律师事务所,2016-04-01,13900000101,${idNumberFor('1986-02-03', 101)}`,
      ',,,,,,',
      '',
    ].join('\n');
    const res = await upload(new Blob([csv]), '名单.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 1, validRows: 1, invalidRows: 0, fileName: '名单.csv' });
  });
});
