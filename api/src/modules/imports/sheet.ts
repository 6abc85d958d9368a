import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
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

/** Too many data rows: said as soon as row `maxRows + 1` is read, not after reading the whole file. */
function tooManyRows(maxRows: number): AppError {
  return new AppError('too_many_rows', `At most ${maxRows} rows per import`, 400, { maxRows });
}

/**
 * Reads the first worksheet row by row (ExcelJS's streaming reader), so a workbook with far
 * more rows than allowed is refused after `maxRows + 1` of them instead of after all of them.
 */
async function readXlsx(buffer: Buffer, maxRows: number): Promise<Sheet> {
  const headers: string[] = [];
  const rows: Sheet['rows'] = [];
  let sawSheet = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      // Styles tell dates from numbers.
      styles: 'cache',
      worksheets: 'emit',
    });
    for await (const ws of reader) {
      sawSheet = true;
      for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
        if (r.number === 1) {
          r.eachCell({ includeEmpty: true }, (cell, col) => {
            headers[col - 1] = String(cellValue(cell.value) ?? '').trim();
          });
          continue;
        }
        const cells: Cell[] = [];
        for (let c = 1; c <= headers.length; c++) cells.push(cellValue(r.getCell(c).value));
        if (!cells.some((c) => c !== null && String(c).trim() !== '')) continue;
        rows.push({ row: r.number, cells });
        if (rows.length > maxRows) throw tooManyRows(maxRows);
      }
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('unsupported_file', 'The file is not a readable .xlsx workbook', 400);
  }
  if (!sawSheet) throw new AppError('empty_sheet', 'The workbook has no sheet', 400);
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

function readCsv(buffer: Buffer, maxRows: number): Sheet {
  let records: string[][];
  try {
    // The header and one row more than allowed are enough to know.
    records = parse(decodeText(buffer), { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, to: maxRows + 2 }) as string[][];
  } catch (err) {
    throw new AppError('unsupported_file', `The CSV file cannot be read: ${(err as Error).message}`, 400);
  }
  const [headers = [], ...data] = records;
  if (data.length > maxRows) throw tooManyRows(maxRows);
  // A row of separators only (",,,,", which spreadsheets write for a blank last line) is not data.
  const rows = data.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => String(c ?? '').trim() !== ''));
  return { headers: headers.map((h) => h.trim()), rows };
}

/** Reads the first sheet of an .xlsx workbook or a UTF-8 CSV file. */
export async function readSheet(fileName: string, buffer: Buffer, maxRows: number): Promise<Sheet> {
  const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  const lower = fileName.toLowerCase();
  if (isZip || lower.endsWith('.xlsx')) return readXlsx(buffer, maxRows);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buffer, maxRows);
  throw new AppError('unsupported_file', 'Upload an .xlsx or .csv file', 400);
}
