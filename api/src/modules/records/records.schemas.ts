import { z } from 'zod';
import { PROCEDURES, RECORD_KINDS } from '../../contracts/records';
import { ATTENDANCE_STATES } from '../../contracts/checkins';

/** Success bodies of this area's routes (the OpenAPI document is generated from these). */
const instant = z.string();
const deadline = z.object({
  id: z.string(),
  kind: z.enum(['aid_forward', 'file_read', 'opinion']),
  dueAt: instant,
  doneAt: instant.nullable(),
  status: z.enum(['open', 'due_soon', 'overdue', 'met', 'missed']),
});
const kindCounts = z.object(Object.fromEntries(RECORD_KINDS.map((k) => [k, z.number()])) as Record<(typeof RECORD_KINDS)[number], z.ZodNumber>);

export const dutyRecordResponse = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  dutyKey: z.string(),
  lawyerId: z.string(),
  lawyerName: z.string(),
  postId: z.string(),
  postName: z.string(),
  day: z.string(),
  createdAt: instant,
  title: z.string(),
  data: z.record(z.string(), z.unknown()),
  document: z.object({ name: z.string(), size: z.number(), contentType: z.string() }).nullable(),
  deadline: deadline.nullable(),
  replayed: z.boolean().optional(),
});
export const dutyRecordsResponse = z.array(dutyRecordResponse);

export const fastTrackResponse = z.object({
  id: z.string(),
  lawyerId: z.string(),
  lawyerName: z.string(),
  dutyKey: z.string().nullable(),
  letterNumber: z.string(),
  procuratorate: z.string(),
  caseNumber: z.string(),
  suspectName: z.string(),
  charge: z.string(),
  procedure: z.enum(PROCEDURES),
  receivedAt: instant,
  fileRead: deadline,
  opinion: deadline,
  open: z.boolean(),
  replayed: z.boolean().optional(),
});
export const fastTrackListResponse = z.array(fastTrackResponse);

export const recordsSettingsResponse = z.object({ missingRecordGraceHours: z.number() });

export const statsSummaryResponse = z.object({
  from: z.string(),
  to: z.string(),
  duties: z.number(),
  attended: z.number(),
  consultations: z.number(),
  pleaStatements: z.number(),
  cases: z.number(),
  records: z.number(),
  byKind: kindCounts,
  coverage: z.object({ slots: z.number(), filledSlots: z.number(), duties: z.number(), attended: z.number() }),
  punctuality: z.object({ onTime: z.number(), late: z.number(), absent: z.number(), leftEarly: z.number() }),
  deadlines: z.object({ met: z.number(), missed: z.number() }),
  fastTrackCases: z.number(),
  feedback: z.object({ praise: z.number(), complaints: z.number(), upheld: z.number() }),
});

const counted = z.object({ key: z.string(), label: z.string(), consultations: z.number(), pleaStatements: z.number(), cases: z.number(), records: z.number() });
export const statsBreakdownResponse = z.object({
  from: z.string(),
  to: z.string(),
  byMonth: z.array(counted),
  byPost: z.array(counted),
  byDistrict: z.array(counted),
  byPostKind: z.array(counted),
  byLawyer: z.array(counted),
});

const rates = z.object({
  rates: z.record(z.string(), z.object({ short: z.number(), long: z.number() })),
  longFromHours: z.number(),
  perPleaWitnessed: z.number(),
});
export const subsidyRatesResponse = rates;
export const subsidyStatementResponse = z.object({
  month: z.string(),
  locked: z.boolean(),
  lockedAt: instant.nullable(),
  lockedBy: z.string().nullable(),
  rates,
  lines: z.array(
    z.object({
      lawyerId: z.string(),
      lawyerName: z.string(),
      licenceNumber: z.string(),
      firm: z.string(),
      shortDuties: z.number(),
      longDuties: z.number(),
      dutyAmount: z.number(),
      pleaStatements: z.number(),
      pleaAmount: z.number(),
      records: z.number(),
      total: z.number(),
    }),
  ),
  total: z.number(),
});

export const dutyHistoryResponse = z.object({
  lawyerId: z.string(),
  year: z.number(),
  duties: z.array(
    z.object({
      dutyKey: z.string(),
      day: z.string(),
      postName: z.string(),
      localStart: z.string(),
      localEnd: z.string(),
      attended: z.boolean(),
      state: z.enum(ATTENDANCE_STATES),
      checkedInAt: instant.nullable(),
      checkedOutAt: instant.nullable(),
      records: z.number(),
    }),
  ),
  figures: z.object({ duties: z.number(), attended: z.number(), records: z.number(), byKind: kindCounts, fastTrackCases: z.number() }),
});

export const recordableDutiesResponse = z.array(
  z.object({ dutyKey: z.string(), day: z.string(), postName: z.string(), localStart: z.string(), localEnd: z.string(), start: instant, records: z.number() }),
);

