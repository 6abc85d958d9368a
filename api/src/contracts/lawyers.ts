/**
 * Lawyers: the dossier (一人一表), vetting (遴选) and the status lifecycle. Pure: imports only zod.
 *
 * Routes                                                                                  roles
 *   GET   /api/lawyers                        query LawyersQuery → Paginated<LawyerListItem>  admin, coordinator, hotline
 *   GET   /api/lawyers/flagged                → LawyerListItem[] (eligibilityFlag set)       admin, coordinator
 *   GET   /api/lawyers/colleagues             → Colleague[] (serving lawyers, name and firm)  lawyer, admin, coordinator
 *   GET   /api/lawyers/export                 query LawyersQuery → .xlsx file                 admin, coordinator, hotline
 *   POST  /api/lawyers/eligibility/re-evaluate → ReevaluationResult (re-check all as of now)  admin, coordinator
 *   POST  /api/lawyers                        body CreateLawyerBody → LawyerDossier (201)     admin, coordinator
 *   GET   /api/lawyers/:id                    → LawyerDossier                                admin, coordinator, hotline, lawyer (own only)
 *   PATCH /api/lawyers/:id                    body UpdateLawyerBody → LawyerDossier           admin, coordinator
 *   PUT   /api/lawyers/:id/assessments/:year  body { grade } → LawyerDossier                 admin, coordinator
 *   DELETE /api/lawyers/:id/assessments/:year → LawyerDossier                                admin, coordinator
 *   PUT   /api/lawyers/:id/attestation        body AttestationBody → LawyerDossier           admin, coordinator
 *   POST  /api/lawyers/:id/complaints         body ComplaintBody → LawyerDossier (201)       admin, coordinator
 *   PATCH /api/lawyers/:id/complaints/:complaintId body UpdateComplaintBody → LawyerDossier  admin, coordinator
 *   POST  /api/lawyers/:id/vetting            body VettingBody → LawyerDossier               admin, coordinator
 *   POST  /api/lawyers/:id/status             body StatusChangeBody → LawyerDossier          admin, coordinator
 *
 * Privacy: `phone` and `idNumber` are private. admin/coordinator see both; a lawyer sees
 * their own; hotline operators see `phone` (they call lawyers back about a citizen's
 * praise or complaint) but never `idNumber`. Absent fields are omitted from the JSON.
 * No public route serves lawyers.
 *
 * Errors: 409 `licence_number_taken`, 409 `not_eligible` (details: EligibilityReason[]),
 * 409 `transition_not_allowed` (details: { from, to, allowed }), 409 `vetting_required`
 * (an applicant becomes active only through vetting), 409 `not_an_applicant`,
 * 404 `lawyer_not_found`, 404 `complaint_not_found`, 404 `assessment_not_found`.
 */
import { z } from 'zod';
import { daySchema, districtSchema, paginationQuery, postKindSchema, type ActorRef, type Instant, type PostKind } from './common';

export const LAWYER_STATUSES = ['applicant', 'active', 'warned', 'suspended', 'removed', 'retired'] as const;
export type LawyerStatus = (typeof LAWYER_STATUSES)[number];
export const lawyerStatusSchema = z.enum(LAWYER_STATUSES);
export const LAWYER_STATUS_LABELS: Record<LawyerStatus, string> = {
  applicant: '待遴选',
  active: '在册',
  warned: '已警告',
  suspended: '暂停',
  removed: '已清退',
  retired: '退出',
};

/**
 * Allowed status changes. `applicant → active` happens only through vetting approval;
 * reinstating a removed or retired lawyer goes back to `applicant` for a fresh vetting.
 */
export const STATUS_TRANSITIONS: Record<LawyerStatus, readonly LawyerStatus[]> = {
  applicant: ['active', 'retired'],
  active: ['warned', 'suspended', 'removed', 'retired'],
  warned: ['suspended', 'removed', 'retired'],
  suspended: ['active', 'warned', 'removed', 'retired'],
  removed: ['applicant'],
  retired: ['applicant'],
};

/** Best first. Which grades pass is a server setting (default: 优秀, 称职, 合格). */
export const ASSESSMENT_GRADES = ['优秀', '称职', '合格', '基本称职', '不称职'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];
export const assessmentGradeSchema = z.enum(ASSESSMENT_GRADES);

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const genderSchema = z.enum(GENDERS);

/** 执业证号: 17 digits. */
export const licenceNumberSchema = z.string().trim().regex(/^\d{17}$/, 'must be 17 digits');
/** Mainland mobile or landline (e.g. 13812345678, 025-83001234). */
export const phoneSchema = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'must be a mobile or landline number');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** GB 11643 check: 17 digits, then a check character; birth date must be real. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17];
}
/** 身份证号: 18 characters with a valid check character (lower-case x accepted). */
export const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidIdNumber, 'must be a valid 18-character ID number');

export const assessmentYearSchema = z.coerce.number().int().min(1990).max(2100);

export const attestationBody = z.object({
  attested: z.boolean(),
  attestedBy: z.string().trim().min(1).max(100).nullish(),
  attestedOn: daySchema.nullish(),
  note: z.string().trim().max(500).nullish(),
}).refine((a) => !a.attested || (a.attestedBy && a.attestedOn), 'attestedBy and attestedOn are required when attested');
export type AttestationBody = z.infer<typeof attestationBody>;

export const assessmentEntry = z.object({ year: assessmentYearSchema, grade: assessmentGradeSchema });

/** The facts of a lawyer without defaults (so a partial update never resets a missing field). */
const lawyerFacts = z.object({
  name: z.string().trim().min(1).max(40),
  gender: genderSchema,
  licenceNumber: licenceNumberSchema,
  firm: z.string().trim().min(1).max(100),
  licensedSince: daySchema,
  criminalCases: z.number().int().min(0).max(100000),
  criminalExperienceNote: z.string().trim().max(500).nullish(),
  phone: phoneSchema,
  idNumber: idNumberSchema,
  photo: z.string().max(200_000).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'must be a PNG/JPEG/WebP data URL').nullish(),
  districts: z.array(districtSchema).max(20),
  postKinds: z.array(postKindSchema).max(6),
});

export const createLawyerBody = lawyerFacts.extend({
  criminalCases: lawyerFacts.shape.criminalCases.default(0),
  districts: lawyerFacts.shape.districts.default([]),
  postKinds: lawyerFacts.shape.postKinds.default([]),
  assessments: z.array(assessmentEntry).max(50).default([])
    .refine((a) => new Set(a.map((x) => x.year)).size === a.length, 'one assessment per year'),
  attestation: attestationBody.optional(),
});
export type CreateLawyerBody = z.infer<typeof createLawyerBody>;

/** Facts that are not assessments, complaints, attestation or status (those have their own routes). */
export const updateLawyerBody = lawyerFacts
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateLawyerBody = z.infer<typeof updateLawyerBody>;

export const assessmentParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i), year: assessmentYearSchema });
export const assessmentBody = z.object({ grade: assessmentGradeSchema });

export const complaintBody = z.object({
  date: daySchema,
  summary: z.string().trim().min(1).max(1000),
  upheld: z.boolean(),
});
export type ComplaintBody = z.infer<typeof complaintBody>;
export const complaintParams = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/i),
  complaintId: z.string().regex(/^[0-9a-f]{24}$/i),
});
export const updateComplaintBody = z
  .object({ summary: z.string().trim().min(1).max(1000), upheld: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const vettingBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).default(''),
});
export type VettingBody = z.infer<typeof vettingBody>;

export const statusChangeBody = z.object({
  to: lawyerStatusSchema,
  reason: z.string().trim().min(1, 'a reason is required').max(1000),
});
export type StatusChangeBody = z.infer<typeof statusChangeBody>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
export const lawyersQuery = paginationQuery.extend({
  /** Matches name, firm or licence number. */
  q: z.string().trim().max(100).optional(),
  status: z.union([lawyerStatusSchema, z.array(lawyerStatusSchema)]).optional(),
  district: districtSchema.optional(),
  postKind: postKindSchema.optional(),
  eligible: boolParam.optional(),
  flagged: boolParam.optional(),
  sort: z.enum(['name', 'licenceNumber', 'licensedSince', 'updatedAt']).default('licenceNumber'),
});
export type LawyersQuery = z.infer<typeof lawyersQuery>;

// ---- responses ----

export const ELIGIBILITY_RULES = [
  'political_attestation',
  'years_in_practice',
  'criminal_experience',
  'no_upheld_complaint',
  'annual_assessment',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** Why a lawyer is not eligible. `code` is an i18n key; `params` fill the message. */
export interface EligibilityReason {
  rule: EligibilityRule;
  code:
    | 'attestation_missing'
    | 'practice_too_short'
    | 'no_criminal_experience'
    | 'upheld_complaint'
    | 'assessment_below_standard'
    | 'assessment_missing';
  params: Record<string, string | number>;
  message: { zh: string; en: string };
}

export interface Eligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
  yearsInPractice: number;
  evaluatedAt: Instant;
}

/** Set on an active/warned/suspended lawyer who stopped being eligible; staff must act. */
export interface EligibilityFlag {
  reasons: EligibilityReason[];
  since: Instant;
}

export interface Assessment {
  year: number;
  grade: AssessmentGrade;
}

export interface Attestation {
  attested: boolean;
  attestedBy: string | null;
  attestedOn: string | null;
  note: string | null;
}

export interface Complaint {
  id: string;
  date: string;
  summary: string;
  upheld: boolean;
  recordedAt: Instant;
  recordedBy: ActorRef;
}

export interface Lawyer {
  id: string;
  name: string;
  gender: Gender;
  licenceNumber: string;
  firm: string;
  licensedSince: string;
  yearsInPractice: number;
  criminalCases: number;
  criminalExperienceNote: string | null;
  /** Omitted for roles that may not see it. */
  phone?: string;
  /** Omitted for roles that may not see it. */
  idNumber?: string;
  photo: string | null;
  districts: string[];
  postKinds: PostKind[];
  assessments: Assessment[];
  attestation: Attestation;
  complaints: Complaint[];
  status: LawyerStatus;
  eligible: boolean;
  eligibilityFlag: EligibilityFlag | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** A serving lawyer as colleagues see them (to name a swap partner): no private data. */
export interface Colleague {
  id: string;
  name: string;
  firm: string;
}

export interface LawyerListItem {
  id: string;
  name: string;
  gender: Gender;
  licenceNumber: string;
  firm: string;
  yearsInPractice: number;
  phone?: string;
  districts: string[];
  postKinds: PostKind[];
  status: LawyerStatus;
  eligible: boolean;
  eligibilityFlag: EligibilityFlag | null;
  /** Why the lawyer is not eligible (empty when eligible). */
  ineligibleReasons: EligibilityReason[];
  latestAssessment: Assessment | null;
}

export interface VettingDecision {
  decision: 'approve' | 'reject';
  note: string;
  decidedBy: ActorRef;
  decidedAt: Instant;
  /** The eligibility at the moment of the decision. */
  eligibleAtDecision: boolean;
}

export interface StatusChange {
  from: LawyerStatus | null;
  to: LawyerStatus;
  reason: string;
  by: ActorRef;
  at: Instant;
}

/**
 * 一人一表. Sections are added by later areas (duties, check-ins, records, discipline)
 * as further keys; clients should ignore keys they do not know.
 */
export interface LawyerDossier {
  lawyer: Lawyer;
  eligibility: Eligibility;
  vetting: { latest: VettingDecision | null; history: VettingDecision[] };
  statusHistory: StatusChange[];
  /** What the caller may do with this dossier (drives buttons in the client). */
  allowedTransitions: LawyerStatus[];
}

/** Result of re-checking every lawyer (years in practice and the latest-assessment rule move with time). */
export interface ReevaluationResult {
  evaluated: number;
  /** Lawyers whose stored eligibility changed. */
  changed: number;
  /** Serving lawyers flagged by this run. */
  newlyFlagged: number;
  evaluatedAt: Instant;
}
