/**
 * Duty records (值班台账), fast-track cases, statistics and subsidy statements.
 *
 *   POST  /api/records                          RecordBody → DutyRecord (201; 200 replayed)   lawyer
 *   GET   /api/records/mine?from&to              → DutyRecord[] (own duties in the period)     lawyer
 *   GET   /api/records/mine/duties               → RecordableDuty[] (begun, last 14 days)      lawyer
 *   GET   /api/records?lawyerId&from&to | dutyKey → DutyRecord[]                               admin, coordinator
 *   GET   /api/records/:id                       → DutyRecord                                  owner lawyer, admin, coordinator
 *   POST  /api/records/:id/forwarded             → DutyRecord (aid application forwarded)     owner lawyer
 *   POST  /api/records/:id/document   multipart `file` (≤ 2 MB) → DutyRecord                   owner lawyer
 *   GET   /api/records/:id/document              → the file                                    owner lawyer, admin, coordinator
 *   GET   /api/records/settings | PUT            → RecordsSettings                             admin, coordinator
 *   POST  /api/fast-track                        FastTrackBody → FastTrackCase (201)           lawyer (own), admin, coordinator
 *   GET   /api/fast-track/mine | /api/fast-track?open=true → FastTrackCase[]
 *   GET   /api/stats/summary?from&to             → StatsSummary                                admin, coordinator
 *   GET   /api/stats/breakdown?from&to           → StatsBreakdown                              admin, coordinator
 *   GET   /api/stats/export?from&to              → .xlsx (every table)                         admin, coordinator
 *   GET   /api/subsidy/rates | PUT               → SubsidyRates                                admin, coordinator
 *   GET   /api/subsidy/:month                    → SubsidyStatement                            admin, coordinator
 *   POST  /api/subsidy/:month/lock               → SubsidyStatement                            admin, coordinator
 *   GET   /api/subsidy/:month/export             → .xlsx (finance layout)                      admin, coordinator
 *   GET   /api/lawyers/:id/duty-history?year     → DutyHistory                                 admin, coordinator, hotline
 *   GET   /api/records/mine/history?year         → DutyHistory                                 lawyer
 *
 * Personal data of the people helped (names, questions) is for staff and the lawyer only.
 * Errors: 404 record_not_found / fast_track_not_found, 409 duty_not_yours (the duty is not the
 * caller's or too old), 400 not_an_aid_application / not_a_legal_opinion, 413 file_too_large,
 * 409 month_locked / month_not_over.
 */
import { z } from 'zod';
import type { AttendanceState } from './checkins';
import { channelSchema, daySchema, idSchema, type Instant } from './common';

export const RECORD_KINDS = ['consultation', 'rights_notice', 'aid_application', 'plea_witness', 'meeting', 'file_reading', 'legal_opinion'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  consultation: '咨询登记',
  rights_notice: '权利告知',
  aid_application: '申请转交',
  plea_witness: '认罪认罚具结书见证',
  meeting: '会见',
  file_reading: '阅卷',
  legal_opinion: '书面法律意见书',
};

export const RELATIONS = ['suspect', 'relative', 'victim', 'other'] as const;
export const PROCEDURES = ['su_cai', 'jian_yi'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, string> = { su_cai: '速裁程序', jian_yi: '简易程序' };

/** Largest legal-opinion document kept in the database. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** A record may be entered for a duty up to this many days after it. */
export const RECORD_WINDOW_DAYS = 14;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const caseNumber = z.string().trim().min(1).max(60);

export const consultationData = z.object({
  personName: text(40),
  relation: z.enum(RELATIONS),
  caseType: text(40),
  question: text(2000),
  advice: text(4000),
  channel: channelSchema,
  caseNumber: caseNumber.optional(),
});
export const rightsNoticeData = z.object({ personName: text(40), note: optText(2000), caseNumber: caseNumber.optional() });
export const aidApplicationData = z.object({
  applicantName: text(40),
  /** When the application reached the lawyer; the 24-hour forwarding clock starts here. */
  receivedAt: z.string().datetime(),
  forwardTo: optText(80),
  caseNumber: caseNumber.optional(),
});
export const pleaWitnessData = z.object({
  caseNumber,
  personName: text(40),
  charge: text(80),
  sentencingProposal: text(400),
  objected: z.boolean(),
  opinion: text(4000),
});
export const meetingData = z.object({ personName: text(40), channel: channelSchema, note: optText(2000), caseNumber: caseNumber.optional() });
export const fileReadingData = z.object({ caseNumber, note: optText(2000), fastTrackCaseId: idSchema.optional() });
export const legalOpinionData = z.object({ caseNumber, summary: text(4000), fastTrackCaseId: idSchema.optional() });

const base = {
  /** The duty (`dutyKey` from GET /api/checkins/mine or /api/records/mine/duties); optional only when a fast-track case names one. */
  dutyKey: z.string().min(1).max(200).optional(),
  /** Chosen by the phone when the draft is made: a retry with the same key answers the first record. */
  clientKey: z.string().regex(/^[\w-]{8,64}$/),
};
export const recordBody = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('consultation'), data: consultationData }),
  z.object({ ...base, kind: z.literal('rights_notice'), data: rightsNoticeData }),
  z.object({ ...base, kind: z.literal('aid_application'), data: aidApplicationData }),
  z.object({ ...base, kind: z.literal('plea_witness'), data: pleaWitnessData }),
  z.object({ ...base, kind: z.literal('meeting'), data: meetingData }),
  z.object({ ...base, kind: z.literal('file_reading'), data: fileReadingData }),
  z.object({ ...base, kind: z.literal('legal_opinion'), data: legalOpinionData }),
]);
export type RecordBody = z.infer<typeof recordBody>;

export const periodQuery = z
  .object({ from: daySchema, to: daySchema })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 366 * 3, { message: 'at most three years', path: ['to'] });
export type PeriodQuery = z.infer<typeof periodQuery>;

/** Either one duty (`dutyKey`) or one lawyer's duties over a period (`lawyerId`, `from`, `to`). */
export const staffRecordsQuery = z
  .object({ dutyKey: z.string().min(1).max(200).optional(), lawyerId: idSchema.optional(), from: daySchema.optional(), to: daySchema.optional() })
  .refine((q) => (q.dutyKey ? !q.lawyerId && !q.from && !q.to : Boolean(q.lawyerId && q.from && q.to)), {
    message: 'give either dutyKey, or lawyerId with from and to',
  });
export type StaffRecordsQuery = { dutyKey: string } | { lawyerId: string; from: string; to: string };
/** The two forms of the staff query, told apart. */
export function staffRecordsQueryForm(q: z.infer<typeof staffRecordsQuery>): StaffRecordsQuery {
  return q.dutyKey ? { dutyKey: q.dutyKey } : { lawyerId: q.lawyerId!, from: q.from!, to: q.to! };
}
export const recordIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/) });

/** A duty the lawyer may still record on, newest first. */
export interface RecordableDuty {
  dutyKey: string;
  day: string;
  postName: string;
  localStart: string;
  localEnd: string;
  start: Instant;
  records: number;
}

export interface Deadline {
  id: string;
  /** aid_forward (24 h) · file_read (2 / 10 days) · opinion */
  kind: 'aid_forward' | 'file_read' | 'opinion';
  dueAt: Instant;
  doneAt: Instant | null;
  /** open · due_soon · overdue · met · missed (done late) */
  status: 'open' | 'due_soon' | 'overdue' | 'met' | 'missed';
}

export interface DutyRecord {
  id: string;
  kind: RecordKind;
  dutyKey: string;
  lawyerId: string;
  lawyerName: string;
  postId: string;
  postName: string;
  day: string;
  createdAt: Instant;
  title: string;
  data: Record<string, unknown>;
  document: { name: string; size: number; contentType: string } | null;
  deadline: Deadline | null;
  replayed?: boolean;
}

export const recordsSettingsBody = z.object({
  /** After the end of the duty's next day, how long a missing record waits before it is proposed as a violation. */
  missingRecordGraceHours: z.number().int().min(0).max(24 * 30),
});
export type RecordsSettings = z.infer<typeof recordsSettingsBody>;

export const fastTrackBody = z.object({
  clientKey: z.string().regex(/^[\w-]{8,64}$/),
  /** Staff name the lawyer; a lawyer registers for themselves. */
  lawyerId: idSchema.optional(),
  dutyKey: z.string().min(1).max(200).optional(),
  letterNumber: text(60),
  procuratorate: text(80),
  caseNumber,
  suspectName: text(40),
  charge: text(80),
  procedure: z.enum(PROCEDURES),
  /** When the suggestion letter arrived; the clocks start here (default: now). */
  receivedAt: z.string().datetime().optional(),
});
export type FastTrackBody = z.infer<typeof fastTrackBody>;
export const fastTrackQuery = z.object({ open: z.enum(['true', 'false']).optional() });

export interface FastTrackCase {
  id: string;
  lawyerId: string;
  lawyerName: string;
  dutyKey: string | null;
  letterNumber: string;
  procuratorate: string;
  caseNumber: string;
  suspectName: string;
  charge: string;
  procedure: Procedure;
  receivedAt: Instant;
  fileRead: Deadline;
  opinion: Deadline;
  open: boolean;
  replayed?: boolean;
}

export interface Counted {
  key: string;
  label: string;
  consultations: number;
  pleaStatements: number;
  cases: number;
  records: number;
}

export interface StatsSummary {
  from: string;
  to: string;
  /** Duties published (a lawyer in a slot). */
  duties: number;
  /** Duties with a check-in. */
  attended: number;
  consultations: number;
  pleaStatements: number;
  /** Distinct case numbers first recorded in the period, plus consultations without one. */
  cases: number;
  records: number;
  byKind: Record<RecordKind, number>;
  coverage: { slots: number; filledSlots: number; duties: number; attended: number };
  punctuality: { onTime: number; late: number; absent: number; leftEarly: number };
  deadlines: { met: number; missed: number };
  fastTrackCases: number;
  feedback: { praise: number; complaints: number; upheld: number };
}

export interface StatsBreakdown {
  from: string;
  to: string;
  byMonth: Counted[];
  byPost: Counted[];
  byDistrict: Counted[];
  byPostKind: Counted[];
  byLawyer: Counted[];
}

export const SUBSIDY_POST_KINDS = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'] as const;
const yuan = z.number().int().min(0).max(100_000);
export const subsidyRatesBody = z.object({
  /** Yuan per attended duty, per post kind: `short` below `longFromHours`, `long` from it. */
  rates: z.partialRecord(z.enum(SUBSIDY_POST_KINDS), z.object({ short: yuan, long: yuan })),
  longFromHours: z.number().min(0.5).max(24),
  /** Extra yuan per plea statement witnessed. */
  perPleaWitnessed: yuan,
});
export type SubsidyRates = z.infer<typeof subsidyRatesBody>;
export const monthParams = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

export interface SubsidyLine {
  lawyerId: string;
  lawyerName: string;
  licenceNumber: string;
  firm: string;
  shortDuties: number;
  longDuties: number;
  dutyAmount: number;
  pleaStatements: number;
  pleaAmount: number;
  records: number;
  total: number;
}

export interface SubsidyStatement {
  month: string;
  locked: boolean;
  lockedAt: Instant | null;
  lockedBy: string | null;
  rates: SubsidyRates;
  lines: SubsidyLine[];
  total: number;
}

export const historyQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export interface DutyHistoryItem {
  dutyKey: string;
  day: string;
  postName: string;
  localStart: string;
  localEnd: string;
  attended: boolean;
  state: AttendanceState;
  /** When the lawyer checked in and out, if they did. */
  checkedInAt: Instant | null;
  checkedOutAt: Instant | null;
  records: number;
}

export interface DutyHistory {
  lawyerId: string;
  year: number;
  duties: DutyHistoryItem[];
  figures: { duties: number; attended: number; records: number; byKind: Record<RecordKind, number>; fastTrackCases: number };
}
