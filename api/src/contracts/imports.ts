/**
 * Importing lawyers from a sheet (.xlsx or .csv) — validate, preview, then confirm. Pure: imports only zod.
 *
 * Routes                                                                               roles
 *   POST /api/lawyers/imports              multipart field `file` → ImportPreview (201)   admin, coordinator
 *   GET  /api/lawyers/imports/:id          → ImportPreview                                admin, coordinator
 *   POST /api/lawyers/imports/:id/confirm  → ImportResult                                 admin, coordinator
 *
 * Nothing is written before confirmation. Only valid rows are imported, as applicants
 * (they still need vetting). Confirming twice applies once; if an import was interrupted,
 * confirming again finishes it without duplicates (rows are keyed by licence number).
 * A preview expires after 30 minutes: 410 `import_expired`.
 * Errors: 400 `file_required`, 400 `unsupported_file` (not xlsx/csv), 400 `missing_columns`
 * (details: { missing: string[] }), 400 `empty_sheet`, 413 `file_too_large` (5 MB), 404 `import_not_found`.
 *
 * Columns (Chinese or English header, any order):
 *   姓名/name* · 性别/gender* (男/女/male/female) · 执业证号/licenceNumber* · 律师事务所/firm* ·
 *   执业时间/licensedSince* (YYYY-MM-DD or an Excel date) · 刑事案件经验/criminalCases (number of cases) ·
 *   联系电话/phone* · 身份证号/idNumber* · 服务区域/districts (separated by ; , 、) ·
 *   可值班岗位类型/postKinds (看守所;检察院;法院;速裁中心;热线;网络 or the English kinds) ·
 *   年度考核/assessments ("2024:称职;2025:优秀") · 政治审查/attestation (是/否, yes/no) ·
 *   审查人/attestedBy · 审查日期/attestedOn
 */
import { z } from 'zod';
import { idSchema, type Instant } from './common';

export const importParams = z.object({ id: idSchema });

export const IMPORT_STATUSES = ['preview', 'applying', 'applied', 'expired'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportRowError {
  /** 1-based sheet row number (row 1 is the header). */
  row: number;
  field: string;
  code: 'required' | 'invalid' | 'duplicate_in_file' | 'already_registered';
  message: string;
}

export interface ImportPreviewRow {
  row: number;
  name: string;
  licenceNumber: string;
  valid: boolean;
  eligible: boolean;
  errors: ImportRowError[];
}

export interface ImportPreview {
  id: string;
  status: ImportStatus;
  fileName: string;
  createdAt: Instant;
  expiresAt: Instant;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  rows: ImportPreviewRow[];
  errors: ImportRowError[];
}

export interface ImportResult {
  id: string;
  status: ImportStatus;
  /** Lawyers created by this batch (over all confirmations). */
  created: number;
  /** Valid rows whose licence number was registered by someone else meanwhile. */
  skippedExisting: number;
  invalidRows: number;
  /** True when this call found the batch already applied and wrote nothing. */
  alreadyApplied: boolean;
}
