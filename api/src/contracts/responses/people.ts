import { z } from 'zod';
import type { CurrentUser, LoginResponse } from '../auth';
import type { AuditPage } from '../audit';
import { IMPORT_STATUSES, type ImportPreview, type ImportResult, type ImportRowError } from '../imports';
import {
  ASSESSMENT_GRADES,
  ELIGIBILITY_RULES,
  GENDERS,
  LAWYER_STATUSES,
  type Colleague,
  type EligibilityFlag,
  type EligibilityReason,
  type LawyerDossier,
  type LawyerListItem,
  type ReevaluationResult,
} from '../lawyers';
import type { Paginated } from '../common';
import type { UserAccount } from '../users';
import { actorRefSchema, calendarDay, instant, messageParams, paginated, postKindOut, roleOut } from './common';

export const currentUserSchema: z.ZodType<CurrentUser> = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), role: roleOut, lawyerId: z.string().nullable(), mustChangePassword: z.boolean() })
  .meta({ id: 'CurrentUser' });

export const loginResponseSchema: z.ZodType<LoginResponse> = z.object({
  user: currentUserSchema,
  session: z.object({ expiresAt: instant, idleTimeoutMinutes: z.number() }),
});

export const userAccountSchema: z.ZodType<UserAccount> = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleOut,
    lawyerId: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'UserAccount' });

export const auditPageSchema: z.ZodType<AuditPage> = paginated(
  z
    .object({
      id: z.string(),
      at: instant,
      actor: z.object({ userId: z.string(), username: z.string(), role: roleOut }),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      requestId: z.string().nullable(),
      note: z.string().nullable(),
    })
    .meta({ id: 'AuditEntry' }),
).extend({ names: z.record(z.string(), z.string()) });

const importRowError: z.ZodType<ImportRowError> = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.enum(['required', 'invalid', 'duplicate_in_file', 'already_registered']),
  message: z.string(),
});
const importStatus = z.enum(IMPORT_STATUSES);

export const importPreviewSchema: z.ZodType<ImportPreview> = z
  .object({
    id: z.string(),
    status: importStatus,
    fileName: z.string(),
    createdAt: instant,
    expiresAt: instant,
    totalRows: z.number().int(),
    validRows: z.number().int(),
    invalidRows: z.number().int(),
    rows: z.array(z.object({ row: z.number().int(), name: z.string(), licenceNumber: z.string(), valid: z.boolean(), eligible: z.boolean(), errors: z.array(importRowError) })),
    errors: z.array(importRowError),
  })
  .meta({ id: 'ImportPreview' });

export const importResultSchema: z.ZodType<ImportResult> = z.object({
  id: z.string(),
  status: importStatus,
  created: z.number().int(),
  skippedExisting: z.number().int(),
  invalidRows: z.number().int(),
  alreadyApplied: z.boolean(),
});

const lawyerStatus = z.enum(LAWYER_STATUSES);
const assessment = z.object({ year: z.number().int(), grade: z.enum(ASSESSMENT_GRADES) });

const eligibilityReason: z.ZodType<EligibilityReason> = z.object({
  rule: z.enum(ELIGIBILITY_RULES),
  code: z.enum(['attestation_missing', 'practice_too_short', 'no_criminal_experience', 'upheld_complaint', 'assessment_below_standard', 'assessment_missing']),
  params: messageParams,
  message: z.object({ zh: z.string(), en: z.string() }),
});
const eligibilityFlag: z.ZodType<EligibilityFlag> = z.object({ reasons: z.array(eligibilityReason), since: instant });

export const lawyerListItemSchema: z.ZodType<LawyerListItem> = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(GENDERS),
    licenceNumber: z.string(),
    firm: z.string(),
    yearsInPractice: z.number(),
    phone: z.string().optional(),
    districts: z.array(z.string()),
    postKinds: z.array(postKindOut),
    status: lawyerStatus,
    eligible: z.boolean(),
    eligibilityFlag: eligibilityFlag.nullable(),
    ineligibleReasons: z.array(eligibilityReason),
    latestAssessment: assessment.nullable(),
  })
  .meta({ id: 'LawyerListItem' });

export const lawyerPageSchema: z.ZodType<Paginated<LawyerListItem>> = paginated(lawyerListItemSchema);

export const colleaguesSchema: z.ZodType<Colleague[]> = z.array(z.object({ id: z.string(), name: z.string(), firm: z.string() }));

const vettingDecision = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string(),
  decidedBy: actorRefSchema,
  decidedAt: instant,
  eligibleAtDecision: z.boolean(),
});

export const lawyerDossierSchema: z.ZodType<LawyerDossier> = z
  .object({
    lawyer: z.object({
      id: z.string(),
      name: z.string(),
      gender: z.enum(GENDERS),
      licenceNumber: z.string(),
      firm: z.string(),
      licensedSince: calendarDay,
      yearsInPractice: z.number(),
      criminalCases: z.number().int(),
      criminalExperienceNote: z.string().nullable(),
      phone: z.string().optional(),
      idNumber: z.string().optional(),
      photo: z.string().nullable(),
      districts: z.array(z.string()),
      postKinds: z.array(postKindOut),
      assessments: z.array(assessment),
      attestation: z.object({ attested: z.boolean(), attestedBy: z.string().nullable(), attestedOn: z.string().nullable(), note: z.string().nullable() }),
      complaints: z.array(z.object({ id: z.string(), date: calendarDay, summary: z.string(), upheld: z.boolean(), recordedAt: instant, recordedBy: actorRefSchema })),
      status: lawyerStatus,
      eligible: z.boolean(),
      eligibilityFlag: eligibilityFlag.nullable(),
      createdAt: instant,
      updatedAt: instant,
    }),
    eligibility: z.object({ eligible: z.boolean(), reasons: z.array(eligibilityReason), yearsInPractice: z.number(), evaluatedAt: instant }),
    vetting: z.object({ latest: vettingDecision.nullable(), history: z.array(vettingDecision) }),
    statusHistory: z.array(z.object({ from: lawyerStatus.nullable(), to: lawyerStatus, reason: z.string(), by: actorRefSchema, at: instant })),
    allowedTransitions: z.array(lawyerStatus),
  })
  .meta({ id: 'LawyerDossier' });

export const reevaluationResultSchema: z.ZodType<ReevaluationResult> = z.object({
  evaluated: z.number().int(),
  changed: z.number().int(),
  newlyFlagged: z.number().int(),
  evaluatedAt: instant,
});
