import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every message a user can meet has Chinese text (and English): the server's error codes, the
 * labels of the contracts' enumerations, the audit actions, and every key the client asks for.
 * Codes are found by scanning the sources, so areas added later are covered without editing
 * this file; a new enumeration must be placed in ENUM_LABELS (or NOT_LABELLED, with a reason).
 */
const root = path.resolve(__dirname, '../../..');
// The client's message files are plain objects; they import nothing from the browser.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zh = require(path.join(root, 'client/src/i18n/zh-CN')).default as Messages;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const en = require(path.join(root, 'client/src/i18n/en')).default as Messages;
type Messages = { [k: string]: string | Messages };

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}
const read = (p: string) => readFileSync(p, 'utf8');
const HAN = /[\u4e00-\u9fff]/;

/** Where the client looks for an error code's sentence (useErrorMessage, useWorkflowError, check-in). */
const ERROR_NAMESPACES = ['errors', 'workflowErrors', 'checkinErrors'];

function serverErrorCodes(): string[] {
  const codes = new Set<string>();
  for (const file of files(path.join(root, 'api/src'), /\.ts$/)) {
    for (const m of read(file).matchAll(/new AppError\(\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    // Codes chosen at run time from a literal union: `resolved.error === 'session_expired'` and the like.
    for (const m of read(file).matchAll(/error:\s*'([a-z_]+)'\s*as const/g)) codes.add(m[1]!);
  }
  codes.add('session_expired');
  codes.add('unauthenticated');
  return [...codes].sort();
}

/** Contract enumeration → where its labels live in the messages. */
const ENUM_LABELS: Record<string, string> = {
  ROLES: 'auth.roles',
  POST_KINDS: 'postKind',
  CHANNELS: 'channel',
  LAWYER_STATUSES: 'lawyerStatus',
  GENDERS: 'gender',
  ATTENDANCE_STATES: 'attendanceState',
  ABSENCE_KINDS: 'me.kind',
  REQUEST_STATUSES: 'me.requestStatus',
  ROTA_STATUSES: 'rotas.status',
  ELIGIBILITY_RULES: 'eligibility.rules',
  AUDIT_ACTIONS: 'audit.actions',
  AUDIT_ENTITY_TYPES: 'audit.entityTypes',
  VIOLATION_TYPES: 'discipline.type',
  VIOLATION_STATES: 'discipline.state',
  TIMELINE_KINDS: 'discipline.timelineKind',
  FEEDBACK_KINDS: 'feedbackStatus.kind',
  FEEDBACK_STATUSES: 'feedbackStatus.status',
  FEEDBACK_CHANNELS: 'staffFeedback.channel',
  FEEDBACK_OUTCOMES: 'staffFeedback.outcome',
  CALL_KINDS: 'hotline.callKind',
  NOBODY_REASONS: 'lookup.reasons',
  PROCEDURES: 'records.procedure',
  RECORD_KINDS: 'records.kind',
  RELATIONS: 'records.relation',
};
/** Enumerations whose values are never shown as such, with the reason. */
const NOT_LABELLED: Record<string, string> = {
  STAFF_ROLES: 'a subset of ROLES',
  DISTRICTS: 'the values are Chinese district names',
  ASSESSMENT_GRADES: 'the values are the Chinese grades',
  RRULE_WEEKDAYS: 'shown through weekday.<1–7>',
  CHECKIN_KINDS: 'shown as 签到/签退 through checkin.success.<kind>',
  ATTENDANCE_EVENT_TYPES: 'the same words as ATTENDANCE_STATES (late, absent, left_early)',
  IMPORT_STATUSES: 'the import wizard shows steps, not statuses',
  ATTENDANCE_TYPES: 'a subset of ATTENDANCE_STATES (absent, late, left_early)',
  SUBSIDY_POST_KINDS: 'the same values as POST_KINDS',
};

function contractEnums(): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const file of files(path.join(root, 'api/src/contracts'), /\.ts$/)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (/^[A-Z][A-Z_]+$/.test(name) && Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) out[name] = value as string[];
    }
  }
  return out;
}

describe('zh-CN (and English) text for everything a user can meet', () => {
  it('when the server can answer an error code, then the client has a Chinese and an English sentence for it', () => {
    const codes = serverErrorCodes();
    expect(codes.length).toBeGreaterThan(60);
    const missing = (messages: Messages) => codes.filter((c) => !ERROR_NAMESPACES.some((ns) => lookup(messages, `${ns}.${c}`)));
    expect(missing(zh)).toEqual([]);
    expect(missing(en)).toEqual([]);
    const notChinese = codes.filter((c) => !ERROR_NAMESPACES.some((ns) => HAN.test(lookup(zh, `${ns}.${c}`) ?? '')));
    expect(notChinese).toEqual([]);
  });

  it('when a contract declares an enumeration, then every value has a Chinese and an English label (or the enumeration says why not)', () => {
    const enums = contractEnums();
    expect(Object.keys(enums).filter((name) => !(name in ENUM_LABELS) && !(name in NOT_LABELLED))).toEqual([]);
    const missing: string[] = [];
    for (const [name, prefix] of Object.entries(ENUM_LABELS)) {
      for (const value of enums[name] ?? []) {
        const zhText = lookup(zh, `${prefix}.${value}`);
        if (!zhText || !HAN.test(zhText)) missing.push(`zh-CN ${prefix}.${value}`);
        if (!lookup(en, `${prefix}.${value}`)) missing.push(`en ${prefix}.${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('when the client asks for a message by a literal key, then the key exists in Chinese and in English', () => {
    const keys = new Set<string>();
    for (const file of files(path.join(root, 'client/src'), /\.(vue|ts)$/)) {
      if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
      for (const m of read(file).matchAll(/\b(?:t|te|\$t)\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(300);
    expect([...keys].filter((k) => lookup(zh, k) === undefined).sort()).toEqual([]);
    expect([...keys].filter((k) => lookup(en, k) === undefined).sort()).toEqual([]);
  });
});
