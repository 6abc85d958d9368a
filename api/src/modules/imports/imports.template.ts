import ExcelJS from 'exceljs';
import { COLUMNS, REQUIRED_COLUMNS, type ColumnKey } from './rows';

/** One example row, written the way the importer reads it. */
const EXAMPLE: Record<ColumnKey, string> = {
  name: '张三',
  gender: '男',
  licenceNumber: '13201201810000001',
  firm: '江苏示例律师事务所',
  licensedSince: '2018-07-01',
  criminalCases: '12',
  phone: '13800000000',
  idNumber: '320102198001010016',
  districts: '玄武区、秦淮区',
  postKinds: '看守所、检察院',
  assessments: '2024:称职;2025:优秀',
  attestation: '是',
  attestedBy: '南京市律师协会',
  attestedOn: '2025-03-01',
};

/** The import template: every column the importer reads (required ones marked *), and one example row. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('律师');
  const keys = Object.keys(COLUMNS) as ColumnKey[];
  ws.columns = keys.map((k) => ({ header: `${COLUMNS[k][0]}${REQUIRED_COLUMNS.includes(k) ? '*' : ''}`, key: k, width: Math.max(12, COLUMNS[k][0].length * 3) }));
  ws.getRow(1).font = { bold: true };
  // Text cells: Excel would otherwise turn the licence and ID numbers into rounded numbers.
  for (const k of keys) ws.getColumn(k).numFmt = '@';
  ws.addRow(EXAMPLE);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
