import mongoose, { Schema } from 'mongoose';
import type { RecordKind } from '../../contracts/records';

/**
 * Everything here is read by primary key on the hot paths (a duty's records, a day's counts, a
 * lawyer's year), because on FerretDB any other filter reads the whole collection.
 */

export interface DutyRecordDoc {
  /** 24 hex characters of sha256(lawyerId|clientKey): a retry inserts the same id and is refused. */
  _id: string;
  kind: RecordKind;
  dutyKey: string;
  lawyerId: string;
  postId: string;
  rotaId: string;
  slotId: string;
  /** The duty's calendar day and month (Asia/Shanghai), kept for reports. */
  day: string;
  month: string;
  year: number;
  createdAt: Date;
  createdBy: string;
  title: string;
  caseNumber: string | null;
  data: Record<string, unknown>;
  document: { name: string; size: number; contentType: string } | null;
  /** Whether the counters (day, duty, lawyer-year) include this record yet. */
  counted: boolean;
}

const recordSchema = new Schema<DutyRecordDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    dutyKey: { type: String, required: true },
    lawyerId: { type: String, required: true },
    postId: { type: String, required: true },
    rotaId: { type: String, required: true },
    slotId: { type: String, required: true },
    day: { type: String, required: true },
    month: { type: String, required: true },
    year: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    title: { type: String, required: true },
    caseNumber: { type: String, default: null },
    data: { type: Schema.Types.Mixed, required: true },
    document: { type: Schema.Types.Mixed, default: null },
    counted: { type: Boolean, required: true },
  },
  { versionKey: false, minimize: false },
);
recordSchema.index({ month: 1, kind: 1 });
export const DutyRecordModel = mongoose.model<DutyRecordDoc>('DutyRecord', recordSchema, 'duty_records');

/** The legal opinion's file, apart from the record so lists never carry it. `_id` = the record's id. */
export interface RecordDocumentDoc {
  _id: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
  uploadedAt: Date;
}
export const RecordDocumentModel = mongoose.model<RecordDocumentDoc>(
  'RecordDocument',
  new Schema<RecordDocumentDoc>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      contentType: { type: String, required: true },
      size: { type: Number, required: true },
      data: { type: Buffer, required: true },
      uploadedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'record_documents',
);

/** Per duty (`_id` = dutyKey): its records' ids and counts by kind — the missing-record check and the dossier read this. */
export interface DutyRecordMarkDoc {
  _id: string;
  lawyerId: string;
  day: string;
  recordIds: string[];
  /** What the hotline desk shows of each record, so a duty's records are one read. */
  items: { id: string; kind: string; title: string; at: Date }[];
  kinds: Record<string, number>;
  /** Set once the lawyer was told that the record is missing, and once it was proposed as a violation. */
  toldAt: Date | null;
  proposedAt: Date | null;
}
export const DutyRecordMarkModel = mongoose.model<DutyRecordMarkDoc>(
  'DutyRecordMark',
  new Schema<DutyRecordMarkDoc>(
    {
      _id: { type: String, required: true },
      lawyerId: { type: String, required: true },
      day: { type: String, required: true },
      recordIds: { type: [String], default: [] },
      items: { type: Schema.Types.Mixed, default: [] },
      kinds: { type: Schema.Types.Mixed, default: {} },
      toldAt: { type: Date, default: null },
      proposedAt: { type: Date, default: null },
    },
    { versionKey: false, minimize: false },
  ),
  'duty_record_marks',
);

/**
 * Counters of one calendar day (`_id` = YYYY-MM-DD): `counts["<metric>|<postId>|<lawyerId>"]`, metric a
 * record kind, `case`, `fast_track`, `deadline_met` or `deadline_missed`. Statistics read one document per day.
 */
export interface RecordDayCountsDoc {
  _id: string;
  counts: Record<string, number>;
}
export const RecordDayCountsModel = mongoose.model<RecordDayCountsDoc>(
  'RecordDayCounts',
  new Schema<RecordDayCountsDoc>({ _id: { type: String, required: true }, counts: { type: Schema.Types.Mixed, default: {} } }, { versionKey: false, minimize: false }),
  'record_day_counts',
);

/** The same counters per month (`_id` = YYYY-MM): a year's statistics read twelve documents. */
export const RecordMonthCountsModel = mongoose.model<RecordDayCountsDoc>(
  'RecordMonthCounts',
  new Schema<RecordDayCountsDoc>({ _id: { type: String, required: true }, counts: { type: Schema.Types.Mixed, default: {} } }, { versionKey: false, minimize: false }),
  'record_month_counts',
);

/** A lawyer's year (`_id` = `<lawyerId>:<year>`): counts by metric, for the dossier. */
export const LawyerYearCountsModel = mongoose.model<RecordDayCountsDoc>(
  'LawyerYearCounts',
  new Schema<RecordDayCountsDoc>({ _id: { type: String, required: true }, counts: { type: Schema.Types.Mixed, default: {} } }, { versionKey: false, minimize: false }),
  'lawyer_year_counts',
);

/** A case number seen once (`_id` = its hash): the first record of a case counts it. */
export const RecordCaseModel = mongoose.model<{ _id: string; day: string }>(
  'RecordCase',
  new Schema<{ _id: string; day: string }>({ _id: { type: String, required: true }, day: { type: String, required: true } }, { versionKey: false }),
  'record_cases',
);

/** A statutory clock: an aid application's 24 hours, a fast-track case's file reading and opinion. */
export interface DeadlineDoc {
  /** `rec:<recordId>:aid_forward`, `ft:<caseId>:file_read`, `ft:<caseId>:opinion`. */
  _id: string;
  kind: 'aid_forward' | 'file_read' | 'opinion';
  lawyerId: string;
  postId: string;
  subject: string;
  startedAt: Date;
  dueAt: Date;
  doneAt: Date | null;
  /** Set once, by a conditional update: met when done in time, missed when the due time passed first. */
  outcome: 'met' | 'missed' | null;
  /** Open until done; the watch reads only open clocks. */
  open: boolean;
  remindedSoonAt: Date | null;
  remindedOverdueAt: Date | null;
}
const deadlineSchema = new Schema<DeadlineDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    lawyerId: { type: String, required: true },
    postId: { type: String, required: true },
    subject: { type: String, required: true },
    startedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
    outcome: { type: String, default: null },
    open: { type: Boolean, required: true },
    remindedSoonAt: { type: Date, default: null },
    remindedOverdueAt: { type: Date, default: null },
  },
  { versionKey: false },
);
deadlineSchema.index({ open: 1 });
export const DeadlineModel = mongoose.model<DeadlineDoc>('Deadline', deadlineSchema, 'deadlines');

export interface FastTrackCaseDoc {
  /** 24 hex of sha256(creator|clientKey): registering twice opens one case. */
  _id: string;
  lawyerId: string;
  postId: string;
  dutyKey: string | null;
  letterNumber: string;
  procuratorate: string;
  caseNumber: string;
  suspectName: string;
  charge: string;
  procedure: 'su_cai' | 'jian_yi';
  receivedAt: Date;
  day: string;
  month: string;
  open: boolean;
  createdAt: Date;
  createdBy: string;
  counted: boolean;
}
const caseSchema = new Schema<FastTrackCaseDoc>(
  {
    _id: { type: String, required: true },
    lawyerId: { type: String, required: true },
    postId: { type: String, required: true },
    dutyKey: { type: String, default: null },
    letterNumber: { type: String, required: true },
    procuratorate: { type: String, required: true },
    caseNumber: { type: String, required: true },
    suspectName: { type: String, required: true },
    charge: { type: String, required: true },
    procedure: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    day: { type: String, required: true },
    month: { type: String, required: true },
    open: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    counted: { type: Boolean, required: true },
  },
  { versionKey: false },
);
caseSchema.index({ open: 1 });
caseSchema.index({ lawyerId: 1, open: 1 });
export const FastTrackCaseModel = mongoose.model<FastTrackCaseDoc>('FastTrackCase', caseSchema, 'fasttrack_cases');

/** Settings of this area (`_id` = `records` or `subsidy`). */
export interface RecordsSettingDoc {
  _id: string;
  value: Record<string, unknown>;
  updatedAt: Date;
  updatedBy: string;
}
export const RecordsSettingModel = mongoose.model<RecordsSettingDoc>(
  'RecordsSetting',
  new Schema<RecordsSettingDoc>(
    { _id: { type: String, required: true }, value: { type: Schema.Types.Mixed, required: true }, updatedAt: { type: Date, required: true }, updatedBy: { type: String, required: true } },
    { versionKey: false, minimize: false },
  ),
  'records_settings',
);

/** A locked subsidy month (`_id` = YYYY-MM): inserted once, so two staff locking at once leave one. */
export interface SubsidyMonthDoc {
  _id: string;
  lockedAt: Date;
  lockedBy: string;
  rates: Record<string, unknown>;
  lines: Record<string, unknown>[];
  total: number;
}
export const SubsidyMonthModel = mongoose.model<SubsidyMonthDoc>(
  'SubsidyMonth',
  new Schema<SubsidyMonthDoc>(
    {
      _id: { type: String, required: true },
      lockedAt: { type: Date, required: true },
      lockedBy: { type: String, required: true },
      rates: { type: Schema.Types.Mixed, required: true },
      lines: { type: Schema.Types.Mixed, required: true },
      total: { type: Number, required: true },
    },
    { versionKey: false },
  ),
  'subsidy_months',
);

/** A closed day's duties and attendance (`_id` = YYYY-MM-DD), computed once the day can no longer change. */
export interface DutyDaySheetDoc {
  _id: string;
  computedAt: Date;
  slots: number;
  filledSlots: number;
  rows: { postId: string; lawyerId: string; hours: number; attended: boolean; late: boolean; absent: boolean; leftEarly: boolean }[];
}
/** A settled month's duty totals (`_id` = YYYY-MM), summed once from its day sheets. */
export interface DutyMonthTotalsDoc {
  _id: string;
  computedAt: Date;
  totals: { slots: number; filledSlots: number; duties: number; attended: number; onTime: number; late: number; absent: number; leftEarly: number };
}
export const DutyMonthTotalsModel = mongoose.model<DutyMonthTotalsDoc>(
  'DutyMonthTotals',
  new Schema<DutyMonthTotalsDoc>(
    { _id: { type: String, required: true }, computedAt: { type: Date, required: true }, totals: { type: Schema.Types.Mixed, required: true } },
    { versionKey: false },
  ),
  'duty_month_totals',
);

export const DutyDaySheetModel = mongoose.model<DutyDaySheetDoc>(
  'DutyDaySheet',
  new Schema<DutyDaySheetDoc>(
    {
      _id: { type: String, required: true },
      computedAt: { type: Date, required: true },
      slots: { type: Number, required: true },
      filledSlots: { type: Number, required: true },
      rows: { type: Schema.Types.Mixed, default: [] },
    },
    { versionKey: false },
  ),
  'duty_day_sheets',
);
