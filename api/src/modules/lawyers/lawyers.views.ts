import type { Role } from '../../contracts/common';
import type {
  Assessment,
  AssessmentGrade,
  Eligibility,
  EligibilityFlag,
  EligibilityReason,
  Gender,
  Lawyer,
  LawyerDossier,
  LawyerListItem,
  LawyerStatus,
  StatusChange,
  VettingDecision,
} from '../../contracts/lawyers';
import { STATUS_TRANSITIONS } from '../../contracts/lawyers';
import type { PostKind } from '../../contracts/common';
import type { Actor } from '../../lib/actor';
import type { LawyerDoc } from './lawyers.repository';

/**
 * Who may see a lawyer's private contact details. Staff see everything; the lawyer sees
 * their own; hotline operators see the phone (to call a lawyer back about a caller's praise
 * or complaint) but never the ID number.
 */
export function privacyFor(viewer: Pick<Actor, 'role' | 'lawyerId'>, lawyerId: string): { phone: boolean; idNumber: boolean } {
  if (viewer.role === 'admin' || viewer.role === 'coordinator') return { phone: true, idNumber: true };
  if (viewer.role === 'lawyer' && viewer.lawyerId === lawyerId) return { phone: true, idNumber: true };
  if (viewer.role === 'hotline') return { phone: true, idNumber: false };
  return { phone: false, idNumber: false };
}

export function canSeePrivate(role: Role): { phone: boolean; idNumber: boolean } {
  return privacyFor({ role, lawyerId: null }, '');
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : '');

function flagOf(doc: LawyerDoc): EligibilityFlag | null {
  const f = doc.eligibilityFlag as { reasons: EligibilityReason[]; since: Date } | null | undefined;
  return f ? { reasons: f.reasons, since: iso(f.since) } : null;
}

export function toLawyer(doc: LawyerDoc, viewer: Pick<Actor, 'role' | 'lawyerId'>): Lawyer {
  const id = doc._id.toHexString();
  const see = privacyFor(viewer, id);
  const lawyer: Lawyer = {
    id,
    name: doc.name,
    gender: doc.gender as Gender,
    licenceNumber: doc.licenceNumber,
    firm: doc.firm,
    licensedSince: doc.licensedSince,
    yearsInPractice: doc.eligibility.yearsInPractice,
    criminalCases: doc.criminalCases,
    criminalExperienceNote: doc.criminalExperienceNote ?? null,
    photo: doc.photo ?? null,
    districts: [...doc.districts],
    postKinds: [...doc.postKinds] as PostKind[],
    assessments: doc.assessments.map((a) => ({ year: a.year!, grade: a.grade as AssessmentGrade })).sort((a, b) => a.year - b.year),
    attestation: {
      attested: doc.attestation?.attested ?? false,
      attestedBy: doc.attestation?.attestedBy ?? null,
      attestedOn: doc.attestation?.attestedOn ?? null,
      note: doc.attestation?.note ?? null,
    },
    complaints: doc.complaints.map((c) => ({
      id: String(c._id),
      date: c.date!,
      summary: c.summary!,
      upheld: Boolean(c.upheld),
      recordedAt: iso(c.recordedAt),
      recordedBy: { userId: c.recordedBy!.userId, username: c.recordedBy!.username },
    })),
    status: doc.status as LawyerStatus,
    eligible: doc.eligible,
    eligibilityFlag: flagOf(doc),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
  if (see.phone) lawyer.phone = doc.phone;
  if (see.idNumber) lawyer.idNumber = doc.idNumber;
  return lawyer;
}

export function toListItem(doc: LawyerDoc, viewer: Pick<Actor, 'role' | 'lawyerId'>): LawyerListItem {
  const id = doc._id.toHexString();
  const latest = [...doc.assessments].sort((a, b) => b.year! - a.year!)[0];
  const item: LawyerListItem = {
    id,
    name: doc.name,
    gender: doc.gender as Gender,
    licenceNumber: doc.licenceNumber,
    firm: doc.firm,
    yearsInPractice: doc.eligibility.yearsInPractice,
    districts: [...doc.districts],
    postKinds: [...doc.postKinds] as PostKind[],
    status: doc.status as LawyerStatus,
    eligible: doc.eligible,
    eligibilityFlag: flagOf(doc),
    // Why an applicant or lawyer is not eligible, so a list (the vetting queue) can say it.
    ineligibleReasons: doc.eligible ? [] : ((doc.eligibility?.reasons ?? []) as EligibilityReason[]),
    latestAssessment: latest ? ({ year: latest.year!, grade: latest.grade as AssessmentGrade } satisfies Assessment) : null,
  };
  if (privacyFor(viewer, id).phone) item.phone = doc.phone;
  return item;
}

export function toDossier(doc: LawyerDoc, viewer: Pick<Actor, 'role' | 'lawyerId'>): LawyerDossier {
  const e = doc.eligibility;
  const eligibility: Eligibility = { eligible: e.eligible, reasons: e.reasons as EligibilityReason[], yearsInPractice: e.yearsInPractice, evaluatedAt: iso(e.evaluatedAt) };
  const history: VettingDecision[] = doc.vetting.map((v) => ({
    decision: v.decision as 'approve' | 'reject',
    note: v.note ?? '',
    decidedBy: { userId: v.decidedBy!.userId, username: v.decidedBy!.username },
    decidedAt: iso(v.decidedAt),
    eligibleAtDecision: Boolean(v.eligibleAtDecision),
  }));
  const statusHistory: StatusChange[] = doc.statusHistory.map((s) => ({
    from: (s.from ?? null) as LawyerStatus | null,
    to: s.to as LawyerStatus,
    reason: s.reason ?? '',
    by: { userId: s.by!.userId, username: s.by!.username },
    at: iso(s.at),
  }));
  const staff = viewer.role === 'admin' || viewer.role === 'coordinator';
  return {
    lawyer: toLawyer(doc, viewer),
    eligibility,
    vetting: { latest: history.at(-1) ?? null, history },
    statusHistory,
    allowedTransitions: staff ? [...STATUS_TRANSITIONS[doc.status as LawyerStatus]].filter((s) => !(doc.status === 'applicant' && s === 'active')) : [],
  };
}
