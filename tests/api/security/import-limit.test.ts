import ExcelJS from 'exceljs';
import { readSheet } from '../../../api/src/modules/imports/sheet';
import { AppError } from '../../../api/src/lib/errors';

async function refusal(p: Promise<unknown>): Promise<{ code: string; status: number } | null> {
  try {
    await p;
    return null;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, status: err.status };
    throw err;
  }
}

describe('the import row limit is checked while reading', () => {
  it('when a CSV has more rows than allowed, then too_many_rows before the rest of the file is read (a broken line after the limit is never reached)', async () => {
    const lines = ['姓名,执业证号'];
    for (let i = 0; i < 60; i++) lines.push(`律师${i},${10000 + i}`);
    lines.push('"unterminated quote,1'); // would make a full parse fail with unsupported_file
    const csv = Buffer.from(lines.join('\n'));
    expect(await refusal(readSheet('lawyers.csv', csv, 50))).toEqual({ code: 'too_many_rows', status: 400 });
    expect(await refusal(readSheet('lawyers.csv', csv, 100))).toEqual({ code: 'unsupported_file', status: 400 });
  });

  it('when a workbook has more rows than allowed, then too_many_rows; at the limit it is read whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('律师');
    ws.addRow(['姓名', '执业证号']);
    for (let i = 0; i < 51; i++) ws.addRow([`律师${i}`, `${10000 + i}`]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await refusal(readSheet('lawyers.xlsx', buffer, 50))).toEqual({ code: 'too_many_rows', status: 400 });
    const sheet = await readSheet('lawyers.xlsx', buffer, 51);
    expect(sheet.headers).toEqual(['姓名', '执业证号']);
    expect(sheet.rows).toHaveLength(51);
    expect(sheet.rows[0]).toEqual({ row: 2, cells: ['律师0', '10000'] });
  });
});
