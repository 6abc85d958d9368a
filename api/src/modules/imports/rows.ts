import { DISTRICTS, POST_KIND_LABELS, POST_KINDS, type PostKind } from '../../contracts/common';
import type { ImportRowError } from '../../contracts/imports';
import { createLawyerBody, type CreateLawyerBody } from '../../contracts/lawyers';
import type { Cell } from './sheet';

/** Column keys with the headers centres use (Chinese first) and the English ones. */
export const COLUMNS = {
  name: ['姓名', 'name'],
  gender: ['性别', 'gender'],
  licenceNumber: ['执业证号', '律师执业证号', 'licencenumber', 'licensenumber', 'licence number', 'license number'],
  firm: ['律师事务所', '所在律所', '执业机构', 'firm', 'law firm'],
  licensedSince: ['执业时间', '首次执业时间', '执业日期', 'licensedsince', 'licensed since'],
  criminalCases: ['刑事案件经验', '刑事案件数', 'criminalcases', 'criminal cases'],
  phone: ['联系电话', '手机', '电话', 'phone'],
  idNumber: ['身份证号', '身份证号码', 'idnumber', 'id number'],
  districts: ['服务区域', 'districts'],
  postKinds: ['可值班岗位类型', '岗位类型', 'postkinds', 'post kinds'],
  assessments: ['年度考核', 'assessments'],
  attestation: ['政治审查', '政治素质', 'attestation', 'political attestation'],
  attestedBy: ['审查人', '审查单位', 'attestedby', 'attested by'],
  attestedOn: ['审查日期', 'attestedon', 'attested on'],
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: ColumnKey[] = ['name', 'gender', 'licenceNumber', 'firm', 'licensedSince', 'phone', 'idNumber'];

const norm = (h: string) => h.replace(/[*＊\s（(].*$/u, '').trim().toLowerCase();
const normLoose = (h: string) => h.replace(/[*＊]/g, '').trim().toLowerCase();

/** Maps header positions to column keys; unknown headers are ignored. */
export function mapHeaders(headers: string[]): { index: Partial<Record<ColumnKey, number>>; missing: string[] } {
  const index: Partial<Record<ColumnKey, number>> = {};
  headers.forEach((h, i) => {
    for (const [key, names] of Object.entries(COLUMNS) as [ColumnKey, readonly string[]][]) {
      if (index[key] === undefined && (names.includes(norm(h)) || names.includes(normLoose(h)))) index[key] = i;
    }
  });
  const missing = REQUIRED_COLUMNS.filter((k) => index[k] === undefined).map((k) => COLUMNS[k][0]);
  return { index, missing };
}

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
};

function day(c: Cell | undefined): string {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = text(c);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

const split = (s: string) => s.split(/[;,，；、|]+/).map((x) => x.trim()).filter(Boolean);

function district(s: string): string {
  const d = (DISTRICTS as readonly string[]).find((x) => x === s || x === `${s}区`);
  return d ?? s;
}

const KIND_BY_LABEL = new Map<string, PostKind>(
  POST_KINDS.flatMap((k) => [[k, k], [POST_KIND_LABELS[k], k]] as [string, PostKind][]),
);

const YES = new Set(['是', '有', '通过', '合格', 'yes', 'y', 'true', '1']);

export interface ParsedRow {
  row: number;
  body: CreateLawyerBody | null;
  name: string;
  licenceNumber: string;
  errors: ImportRowError[];
}

/** Turns one sheet row into a create-lawyer body, collecting every problem in the row. */
export function parseRow(row: number, cells: Cell[], index: Partial<Record<ColumnKey, number>>, today: string): ParsedRow {
  const get = (k: ColumnKey) => (index[k] === undefined ? null : (cells[index[k]!] ?? null));
  const errors: ImportRowError[] = [];
  const bad = (field: string, code: ImportRowError['code'], message: string) => errors.push({ row, field, code, message });

  const genderText = text(get('gender'));
  const gender = ['男', 'male', 'm'].includes(genderText.toLowerCase()) ? 'male' : ['女', 'female', 'f'].includes(genderText.toLowerCase()) ? 'female' : genderText;

  const postKinds: string[] = [];
  for (const k of split(text(get('postKinds')))) {
    const kind = KIND_BY_LABEL.get(k);
    if (kind) postKinds.push(kind);
    else bad('postKinds', 'invalid', `Unknown post kind “${k}”`);
  }
  const assessments: { year: number; grade: string }[] = [];
  for (const part of split(text(get('assessments')))) {
    const m = /^(\d{4})\s*[:：]\s*(\S+)$/.exec(part);
    if (m) assessments.push({ year: Number(m[1]), grade: m[2]! });
    else bad('assessments', 'invalid', `Write assessments as 2024:称职;2025:优秀 (got “${part}”)`);
  }
  const attested = YES.has(text(get('attestation')).toLowerCase());
  const casesText = text(get('criminalCases'));
  const cases = casesText === '' ? 0 : /^\d+$/.test(casesText) ? Number(casesText) : YES.has(casesText.toLowerCase()) ? 1 : NaN;

  const candidate = {
    name: text(get('name')),
    gender,
    licenceNumber: text(get('licenceNumber')),
    firm: text(get('firm')),
    licensedSince: day(get('licensedSince')),
    criminalCases: cases,
    phone: text(get('phone')),
    idNumber: text(get('idNumber')),
    districts: split(text(get('districts'))).map(district),
    postKinds,
    assessments,
    // A sheet saying 是 without who/when is recorded as attested by the import on its day.
    attestation: attested
      ? { attested: true, attestedBy: text(get('attestedBy')) || '表格导入', attestedOn: day(get('attestedOn')) || today }
      : { attested: false },
  };
  const parsed = createLawyerBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      const value = (candidate as Record<string, unknown>)[field];
      const empty = value === '' || (typeof value === 'number' && Number.isNaN(value));
      if (!errors.some((e) => e.field === field)) bad(field, empty && REQUIRED_COLUMNS.includes(field as ColumnKey) ? 'required' : 'invalid', empty ? `${field} is required` : `${field}: ${issue.message}`);
    }
  }
  return {
    row,
    body: errors.length === 0 && parsed.success ? parsed.data : null,
    name: candidate.name,
    licenceNumber: candidate.licenceNumber,
    errors,
  };
}
