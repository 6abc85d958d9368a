import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors';

export type Cell = string | number | boolean | Date | null;

export interface Sheet {
  headers: string[];
  /** Data rows with their 1-based sheet row number. */
  rows: { row: number; cells: Cell[] }[];
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

async function readXlsx(buffer: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_file', 'The file is not a readable .xlsx workbook', 400);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('empty_sheet', 'The workbook has no sheet', 400);
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(cellValue(cell.value) ?? '').trim();
  });
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Cell[] = [];
    for (let c = 1; c <= headers.length; c++) cells.push(cellValue(r.getCell(c).value));
    if (cells.some((c) => c !== null && String(c).trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return { headers, rows };
}

/** UTF-8 when it decodes as such; otherwise GB18030, which Excel uses for CSV on Chinese Windows. */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function readCsv(buffer: Buffer): Sheet {
  let records: string[][];
  try {
    records = parse(decodeText(buffer), { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new AppError('unsupported_file', `The CSV file cannot be read: ${(err as Error).message}`, 400);
  }
  const [headers = [], ...data] = records;
  // A row of separators only (",,,,", which spreadsheets write for a blank last line) is not data.
  const rows = data.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => String(c ?? '').trim() !== ''));
  return { headers: headers.map((h) => h.trim()), rows };
}

/** Reads the first sheet of an .xlsx workbook or a UTF-8 CSV file. */
export async function readSheet(fileName: string, buffer: Buffer): Promise<Sheet> {
  const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  const lower = fileName.toLowerCase();
  if (isZip || lower.endsWith('.xlsx')) return readXlsx(buffer);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buffer);
  throw new AppError('unsupported_file', 'Upload an .xlsx or .csv file', 400);
}
