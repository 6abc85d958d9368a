import type { ImportPreview, ImportResult } from '../../contracts/imports';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import { localDay } from '../../lib/local-day';
import type { EligibilityPolicy, LawyerRegistry } from '../lawyers/lawyers.port';
import { lawyerRegistry, newLawyerFields } from '../lawyers/lawyers.service';
import { expireStaleImports, findImport, insertImport, recordImportProgress, transitionImport, type ImportBatch } from './imports.repository';
import { mapHeaders, parseRow, type ParsedRow } from './rows';
import { readSheet } from './sheet';

export const IMPORT_TTL_MS = 30 * 60_000;
export const MAX_IMPORT_ROWS = 5000;
const CHUNK = 200;

function toPreview(b: ImportBatch): ImportPreview {
  const invalid = b.previewRows.filter((r) => !r.valid).length;
  return {
    id: b.id,
    status: b.status,
    fileName: b.fileName,
    createdAt: b.createdAt.toISOString(),
    expiresAt: b.expiresAt.toISOString(),
    totalRows: b.totalRows,
    validRows: b.totalRows - invalid,
    invalidRows: invalid,
    rows: b.previewRows,
    errors: b.errors,
  };
}

/** Marks duplicates within the file and licence numbers already registered. */
function crossCheck(rows: ParsedRow[], registered: Set<string>): void {
  const seen = { licenceNumber: new Map<string, number>(), idNumber: new Map<string, number>() };
  for (const r of rows) {
    if (!r.body) continue;
    for (const field of ['licenceNumber', 'idNumber'] as const) {
      const value = r.body[field];
      const first = seen[field].get(value);
      if (first !== undefined) {
        r.errors.push({ row: r.row, field, code: 'duplicate_in_file', message: `${field} repeats row ${first}` });
      } else seen[field].set(value, r.row);
    }
    if (registered.has(r.body.licenceNumber)) {
      r.errors.push({ row: r.row, field: 'licenceNumber', code: 'already_registered', message: 'A lawyer with this licence number is already registered' });
    }
    if (r.errors.length > 0) r.body = null;
  }
}

export function createImportsService(deps: { clock: Clock; policy: EligibilityPolicy; audit: AuditService; lawyers?: LawyerRegistry }) {
  const { clock, policy, audit } = deps;
  const lawyers = deps.lawyers ?? lawyerRegistry;

  /** Reads and validates a sheet; stores the batch for confirmation and writes no lawyer. */
  async function preview(actor: Actor, file: { originalname: string; buffer: Buffer } | undefined): Promise<ImportPreview> {
    if (!file || file.buffer.length === 0) throw new AppError('file_required', 'Attach the sheet as the `file` field', 400);
    const sheet = await readSheet(file.originalname, file.buffer, MAX_IMPORT_ROWS);
    const { index, missing } = mapHeaders(sheet.headers);
    if (missing.length > 0) throw new AppError('missing_columns', `Missing columns: ${missing.join(', ')}`, 400, { missing });
    if (sheet.rows.length === 0) throw new AppError('empty_sheet', 'The sheet has no data rows', 400);
    if (sheet.rows.length > MAX_IMPORT_ROWS) throw new AppError('too_many_rows', `At most ${MAX_IMPORT_ROWS} rows per import`, 400);
    const now = clock.now();
    await expireStaleImports(now);
    const today = localDay(policy.timeZone, now);
    const rows = sheet.rows.map((r) => parseRow(r.row, r.cells, index, today));
    const registered = await lawyers.registeredLicenceNumbers(rows.flatMap((r) => (r.body ? [r.body.licenceNumber] : [])));
    crossCheck(rows, registered);
    const valid = rows.filter((r) => r.body);
    const batch = await insertImport({
      fileName: uploadedName(file.originalname).slice(0, 200),
      status: 'preview',
      createdBy: { userId: actor.userId, username: actor.username },
      createdAt: now,
      expiresAt: new Date(now.getTime() + IMPORT_TTL_MS),
      totalRows: rows.length,
      previewRows: rows.map((r) => ({
        row: r.row,
        name: r.name,
        licenceNumber: r.licenceNumber,
        valid: r.body !== null,
        eligible: r.body ? newLawyerFields(r.body, { now, policy, by: actor, reason: '' }).eligible : false,
        errors: r.errors,
      })),
      errors: rows.flatMap((r) => r.errors),
      validBodies: valid.map((r) => r.body!),
    });
    await audit.record(actor, {
      action: 'import.preview',
      entityType: 'import',
      entityId: batch.id,
      after: { fileName: batch.fileName, totalRows: batch.totalRows, validRows: valid.length },
    });
    return toPreview(batch);
  }

  async function get(id: string): Promise<ImportPreview> {
    const batch = await findImport(id);
    if (!batch) throw new AppError('import_not_found', 'No such import', 404);
    return toPreview(batch);
  }

  /**
   * Writes the batch's valid rows as applicants. Safe to call again: an applied batch writes
   * nothing, and an interrupted one continues from its recorded progress; rows are keyed by
   * licence number so a chunk written twice creates nobody twice.
   */
  async function confirm(actor: Actor, id: string): Promise<ImportResult> {
    const found = await findImport(id);
    if (!found) throw new AppError('import_not_found', 'No such import', 404);
    const now = clock.now();
    if (found.status === 'applied') return result(found, found.created, true);
    if (found.status === 'expired' || (found.status === 'preview' && found.expiresAt <= now)) {
      await transitionImport(id, ['preview'], { status: 'expired', validBodies: [] });
      throw new AppError('import_expired', 'This import preview has expired; upload the sheet again', 410);
    }
    const batch = await transitionImport(id, ['preview', 'applying'], { status: 'applying', confirmedAt: now });
    if (!batch) {
      // Another request moved the batch first (it applies it too, or it expired): look again shortly.
      await new Promise((r) => setTimeout(r, 50));
      return confirm(actor, id);
    }
    const by = { userId: actor.userId, username: actor.username };
    for (let start = batch.progress; start < batch.validBodies.length; start += CHUNK) {
      const bodies = batch.validBodies.slice(start, start + CHUNK);
      const fields = bodies.map((b) => newLawyerFields(b, { now, policy, by, reason: `表格导入 imported from ${batch.fileName}`, importId: id }));
      const inserted = await lawyers.insertApplicantsIfAbsent(fields, now);
      await audit.recordMany(
        actor,
        inserted.map((d) => ({ action: 'lawyer.import', entityType: 'lawyer' as const, entityId: d.id, after: { ...d, status: 'applicant' }, note: `import ${id}` })),
      );
      const created = await lawyers.countFromImport(id);
      await recordImportProgress(id, start + bodies.length, created);
    }
    const created = await lawyers.countFromImport(id);
    const applied = await transitionImport(id, ['applying'], { status: 'applied', appliedAt: clock.now(), progress: batch.validBodies.length, created });
    await audit.record(actor, { action: 'import.confirm', entityType: 'import', entityId: id, after: { created, validRows: batch.validBodies.length } });
    return result(applied ?? batch, created, false);
  }

  function result(b: ImportBatch, created: number, alreadyApplied: boolean): ImportResult {
    const invalid = b.previewRows.filter((r) => !r.valid).length;
    return { id: b.id, status: b.status, created, skippedExisting: b.validBodies.length - created, invalidRows: invalid, alreadyApplied };
  }

  return { preview, get, confirm };
}

export type ImportsService = ReturnType<typeof createImportsService>;

/**
 * The file's name as the user saw it. Browsers send multipart names in UTF-8, which the upload
 * parser reads as Latin-1 ("名单.csv" arrives as "å\x90\x8då\x8d\x95.csv"); read back as UTF-8 when that is what it was.
 */
export function uploadedName(name: string): string {
  // Only names made of Latin-1 characters, some of them above ASCII, can be misread UTF-8.
  if (!/[\u0080-\u00ff]/.test(name) || [...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? name : utf8;
}
