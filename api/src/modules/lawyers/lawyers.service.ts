import type { Paginated } from '../../contracts/common';
import {
  STATUS_TRANSITIONS,
  type AssessmentGrade,
  type AttestationBody,
  type Colleague,
  type ComplaintBody,
  type CreateLawyerBody,
  type LawyerDossier,
  type LawyerListItem,
  type LawyersQuery,
  type LawyerStatus,
  type ReevaluationResult,
  type UpdateLawyerBody,
  type VettingBody,
} from '../../contracts/lawyers';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import type { AuditService } from '../audit/audit.service';
import { evaluateEligibility, nextEligibilityFlag, type EligibilityFacts, type EligibilityPolicy } from './eligibility';
import type { LawyerRegistry } from './lawyers.port';
import {
  countLawyersFromImport,
  findLawyerDoc,
  findLawyerDocs,
  findPlanningLawyers,
  findRegisteredLicenceNumbers,
  insertLawyer,
  insertLawyersIfAbsent,
  licenceNumberTaken,
  newSubdocumentId,
  updateLawyerAtRev,
  type LawyerDoc,
  type LawyerFields,
} from './lawyers.repository';
import { forgetStanding } from './lawyers.standing';
import { toDossier, toListItem } from './lawyers.views';

export interface LawyersDeps {
  clock: Clock;
  policy: EligibilityPolicy;
  audit: AuditService;
  /** Told after a status change by staff took effect (discipline starts removal on 已清退). */
  onStatusChanged?(actor: Actor, lawyerId: string, from: LawyerStatus, to: LawyerStatus, reason: string): Promise<void>;
}

/**
 * Status changes the discipline rule makes: a warning, a removal, and their reversal (a
 * reversed removal goes back to vetting, as reinstatement does).
 */
const DISCIPLINE_TRANSITIONS: Record<LawyerStatus, readonly LawyerStatus[]> = {
  applicant: [],
  active: ['warned', 'removed'],
  warned: ['removed', 'active'],
  suspended: ['removed'],
  removed: ['applicant'],
  retired: [],
};

/** Checks a status change against the transition table; vetting is the only way in for applicants. */
export function assertTransition(from: LawyerStatus, to: LawyerStatus, viaVetting = false): void {
  if (from === 'applicant' && to === 'active' && !viaVetting) {
    throw new AppError('vetting_required', 'An applicant becomes active only through vetting approval', 409);
  }
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    throw new AppError('transition_not_allowed', `A lawyer cannot go from ${from} to ${to}`, 409, {
      from,
      to,
      allowed: STATUS_TRANSITIONS[from],
    });
  }
}

/** Reads for other areas' services (no private data leaves through them). */
const SYSTEM_READER: Actor = { userId: 'system', username: 'system', role: 'coordinator', lawyerId: null, requestId: null };

const actorRef = (a: Actor) => ({ userId: a.userId, username: a.username });

/** The stored fields of a new lawyer, with eligibility evaluated (used by create, import and seed). */
export function newLawyerFields(
  body: CreateLawyerBody,
  ctx: { now: Date; policy: EligibilityPolicy; by: { userId: string; username: string }; reason: string; importId?: string },
): LawyerFields {
  const attestation = {
    attested: body.attestation?.attested ?? false,
    attestedBy: body.attestation?.attestedBy ?? null,
    attestedOn: body.attestation?.attestedOn ?? null,
    note: body.attestation?.note ?? null,
  };
  const facts = { ...body, attestation, complaints: [] };
  const eligibility = evaluateEligibility(facts, ctx.now, ctx.policy);
  return {
    name: body.name,
    gender: body.gender,
    licenceNumber: body.licenceNumber,
    firm: body.firm,
    licensedSince: body.licensedSince,
    criminalCases: body.criminalCases,
    criminalExperienceNote: body.criminalExperienceNote ?? null,
    phone: body.phone,
    idNumber: body.idNumber,
    photo: body.photo ?? null,
    districts: body.districts,
    postKinds: body.postKinds,
    assessments: body.assessments,
    attestation,
    complaints: [],
    status: 'applicant',
    statusHistory: [{ from: null, to: 'applicant', reason: ctx.reason, by: ctx.by, at: ctx.now }],
    vetting: [],
    eligibility: { ...eligibility, evaluatedAt: ctx.now },
    eligible: eligibility.eligible,
    eligibilityFlag: null,
    importId: ctx.importId ?? null,
  } as unknown as LawyerFields;
}

function factsOf(doc: LawyerDoc): EligibilityFacts {
  return {
    licensedSince: doc.licensedSince,
    criminalCases: doc.criminalCases,
    attestation: { attested: Boolean(doc.attestation?.attested) },
    complaints: doc.complaints.map((c) => ({ upheld: Boolean(c.upheld), date: c.date! })),
    assessments: doc.assessments.map((a) => ({ year: a.year!, grade: a.grade as AssessmentGrade })),
  };
}

/** The facts an audit entry shows before/after a change (no eligibility bookkeeping). */
function auditView(doc: LawyerDoc): Record<string, unknown> {
  const { _id, rev: _rev, eligibility: _e, statusHistory: _s, vetting: _v, createdAt: _c, updatedAt: _u, photo, ...rest } = doc;
  return { id: _id.toHexString(), ...rest, photo: photo ? '(photo)' : null };
}

export function createLawyersService(deps: LawyersDeps) {
  const { clock, policy, audit } = deps;

  async function load(id: string): Promise<LawyerDoc> {
    const doc = await findLawyerDoc(id);
    if (!doc) throw new AppError('lawyer_not_found', 'No such lawyer', 404);
    return doc;
  }

  /**
   * Applies a change to one lawyer: computes the new facts, re-evaluates eligibility (and the
   * staff flag), writes conditionally on the revision read, then audits before/after.
   */
  async function mutate(
    actor: Actor,
    id: string,
    action: string,
    change: (doc: LawyerDoc, now: Date) => Partial<LawyerFields>,
    note?: string,
  ): Promise<LawyerDossier> {
    const before = await load(id);
    const now = clock.now();
    const set = change(before, now);
    const merged = { ...before, ...set } as LawyerDoc;
    const eligibility = evaluateEligibility(factsOf(merged), now, policy);
    const flag = nextEligibilityFlag(merged.status as LawyerStatus, eligibility, before.eligibilityFlag, now);
    const after = await updateLawyerAtRev(id, before.rev, {
      ...set,
      eligibility: { ...eligibility, evaluatedAt: now },
      eligible: eligibility.eligible,
      eligibilityFlag: flag,
    } as Partial<LawyerFields>);
    if (!after) throw new AppError('concurrent_update', 'Someone else changed this lawyer; reload and try again', 409);
    await audit.record(actor, { action, entityType: 'lawyer', entityId: id, before: auditView(before), after: auditView(after), note });
    return toDossier(after, actor);
  }

  async function list(actor: Actor, q: LawyersQuery): Promise<Paginated<LawyerListItem>> {
    const { docs, total } = await findLawyerDocs(q, true);
    return { items: docs.map((d) => toListItem(d, actor)), total, page: q.page, pageSize: q.pageSize };
  }

  async function flagged(actor: Actor): Promise<LawyerListItem[]> {
    const { docs } = await findLawyerDocs({ flagged: true, sort: 'name', page: 1, pageSize: 10_000 }, false);
    return docs.map((d) => toListItem(d, actor));
  }

  async function dossier(actor: Actor, id: string): Promise<LawyerDossier> {
    if (actor.role === 'lawyer' && actor.lawyerId !== id) {
      throw new AppError('forbidden', 'Lawyers may only see their own dossier', 403);
    }
    return toDossier(await load(id), actor);
  }

  /** A licence cannot date from the future (a typo such as 2999 would count as decades of practice). */
  function checkLicensedSince(day: string | undefined): void {
    if (day && day > localDay(policy.timeZone, clock.now())) {
      throw new AppError('licensed_since_in_future', 'The licence date cannot be in the future', 400, { licensedSince: day });
    }
  }

  async function create(actor: Actor, body: CreateLawyerBody): Promise<LawyerDossier> {
    checkLicensedSince(body.licensedSince);
    if (await licenceNumberTaken(body.licenceNumber)) {
      throw new AppError('licence_number_taken', 'A lawyer with this licence number is already registered', 409);
    }
    const fields = newLawyerFields(body, { now: clock.now(), policy, by: actorRef(actor), reason: '登记' });
    let doc: LawyerDoc;
    try {
      doc = await insertLawyer(fields);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw new AppError('licence_number_taken', 'A lawyer with this licence number is already registered', 409);
      }
      throw err;
    }
    await audit.record(actor, { action: 'lawyer.create', entityType: 'lawyer', entityId: doc._id.toHexString(), after: auditView(doc) });
    return toDossier(doc, actor);
  }

  async function update(actor: Actor, id: string, body: UpdateLawyerBody): Promise<LawyerDossier> {
    checkLicensedSince(body.licensedSince);
    if (body.licenceNumber && (await licenceNumberTaken(body.licenceNumber, id))) {
      throw new AppError('licence_number_taken', 'A lawyer with this licence number is already registered', 409);
    }
    return mutate(actor, id, 'lawyer.update', () => body as Partial<LawyerFields>);
  }

  function setAssessment(actor: Actor, id: string, year: number, grade: AssessmentGrade) {
    return mutate(actor, id, 'lawyer.assessment_set', (doc) => ({
      assessments: [...doc.assessments.filter((a) => a.year !== year), { year, grade }].sort((a, b) => a.year! - b.year!),
    }) as Partial<LawyerFields>);
  }

  function removeAssessment(actor: Actor, id: string, year: number) {
    return mutate(actor, id, 'lawyer.assessment_remove', (doc) => {
      if (!doc.assessments.some((a) => a.year === year)) {
        throw new AppError('assessment_not_found', `No assessment for ${year}`, 404);
      }
      return { assessments: doc.assessments.filter((a) => a.year !== year) } as Partial<LawyerFields>;
    });
  }

  function setAttestation(actor: Actor, id: string, body: AttestationBody) {
    return mutate(actor, id, 'lawyer.attestation_set', () => ({
      attestation: { attested: body.attested, attestedBy: body.attestedBy ?? null, attestedOn: body.attestedOn ?? null, note: body.note ?? null },
    }) as Partial<LawyerFields>);
  }

  function addComplaint(actor: Actor, id: string, body: ComplaintBody) {
    return mutate(actor, id, 'lawyer.complaint_add', (doc, now) => ({
      complaints: [...doc.complaints, { _id: newSubdocumentId(), ...body, recordedAt: now, recordedBy: actorRef(actor) }],
    }) as Partial<LawyerFields>);
  }

  function updateComplaint(actor: Actor, id: string, complaintId: string, body: { summary?: string; upheld?: boolean }) {
    return mutate(actor, id, 'lawyer.complaint_update', (doc) => {
      if (!doc.complaints.some((c) => String(c._id) === complaintId)) throw new AppError('complaint_not_found', 'No such complaint', 404);
      return {
        complaints: doc.complaints.map((c) => (String(c._id) === complaintId ? { ...c, ...body } : c)),
      } as Partial<LawyerFields>;
    });
  }

  async function vet(actor: Actor, id: string, body: VettingBody): Promise<LawyerDossier> {
    const current = await load(id);
    if (current.status !== 'applicant') throw new AppError('not_an_applicant', 'Only applicants are vetted', 409);
    if (body.decision === 'approve' && !current.eligible) {
      throw new AppError('not_eligible', 'The lawyer does not meet the eligibility rules', 409, current.eligibility.reasons);
    }
    return mutate(
      actor,
      id,
      'lawyer.vetting',
      (doc, now) => {
        // Re-checked on the document actually written (the revision guard covers races).
        if (doc.status !== 'applicant') throw new AppError('not_an_applicant', 'Only applicants are vetted', 409);
        const decision = { decision: body.decision, note: body.note, decidedBy: actorRef(actor), decidedAt: now, eligibleAtDecision: doc.eligible };
        const set: Record<string, unknown> = { vetting: [...doc.vetting, decision] };
        if (body.decision === 'approve') {
          set.status = 'active';
          set.statusHistory = [...doc.statusHistory, { from: 'applicant', to: 'active', reason: body.note || '遴选通过 approved in vetting', by: actorRef(actor), at: now }];
        }
        return set as Partial<LawyerFields>;
      },
      body.decision,
    );
  }

  async function changeStatus(actor: Actor, id: string, to: LawyerStatus, reason: string): Promise<LawyerDossier> {
    const from = (await load(id)).status as LawyerStatus;
    const dossier = await mutate(
      actor,
      id,
      'lawyer.status_change',
      (doc, now) => {
        const from = doc.status as LawyerStatus;
        assertTransition(from, to);
        if (to === 'active' && !doc.eligible) {
          throw new AppError('not_eligible', 'The lawyer does not meet the eligibility rules', 409, doc.eligibility.reasons);
        }
        return {
          status: to,
          statusHistory: [...doc.statusHistory, { from, to, reason, by: actorRef(actor), at: now }],
        } as Partial<LawyerFields>;
      },
      reason,
    );
    forgetStanding();
    await deps.onStatusChanged?.(actor, id, from, to, reason);
    return dossier;
  }

  /**
   * The status the discipline rule gives a lawyer; null when the lawyer's status is not one the
   * rule moves from (e.g. already removed, or retired). Audited as the deciding staff member's change.
   */
  async function applyDisciplineStatus(actor: Actor, id: string, to: LawyerStatus, reason: string): Promise<LawyerStatus | null> {
    const current = (await load(id)).status as LawyerStatus;
    if (current === to || !DISCIPLINE_TRANSITIONS[current].includes(to)) return null;
    await mutate(
      actor,
      id,
      'lawyer.status_discipline',
      (doc, now) => {
        const from = doc.status as LawyerStatus;
        if (!DISCIPLINE_TRANSITIONS[from].includes(to)) throw new AppError('transition_not_allowed', `A lawyer cannot go from ${from} to ${to}`, 409, { from, to });
        return { status: to, statusHistory: [...doc.statusHistory, { from, to, reason, by: actorRef(actor), at: now }] } as Partial<LawyerFields>;
      },
      reason,
    );
    forgetStanding();
    return current;
  }

  /**
   * Re-checks every lawyer against the rules as of now: years in practice grow and each new
   * year asks for the last year's assessment, so eligibility changes without any edit.
   * Writes (and audits) only lawyers whose result changed.
   */
  async function reevaluateAll(actor: Actor): Promise<ReevaluationResult> {
    const now = clock.now();
    const { docs } = await findLawyerDocs({ sort: 'licenceNumber', page: 1, pageSize: 200 }, false);
    let changed = 0;
    let newlyFlagged = 0;
    for (const doc of docs) {
      const eligibility = evaluateEligibility(factsOf(doc), now, policy);
      const flag = nextEligibilityFlag(doc.status as LawyerStatus, eligibility, doc.eligibilityFlag, now);
      const sameReasons = JSON.stringify(eligibility.reasons.map((r) => [r.code, r.params])) === JSON.stringify(doc.eligibility.reasons.map((r) => [r.code, r.params]));
      const sameYears = eligibility.yearsInPractice === doc.eligibility.yearsInPractice;
      if (sameReasons && sameYears && Boolean(flag) === Boolean(doc.eligibilityFlag)) continue;
      const after = await updateLawyerAtRev(doc._id.toHexString(), doc.rev, {
        eligibility: { ...eligibility, evaluatedAt: now },
        eligible: eligibility.eligible,
        eligibilityFlag: flag,
      } as Partial<LawyerFields>);
      if (!after) continue; // changed meanwhile: that change re-evaluated it
      changed++;
      if (flag && !doc.eligibilityFlag) newlyFlagged++;
      if (!sameReasons || Boolean(flag) !== Boolean(doc.eligibilityFlag)) {
        await audit.record(actor, {
          action: 'lawyer.eligibility_reevaluated',
          entityType: 'lawyer',
          entityId: doc._id.toHexString(),
          before: { eligible: doc.eligible, reasons: doc.eligibility.reasons.map((r) => r.code), flagged: Boolean(doc.eligibilityFlag) },
          after: { eligible: eligibility.eligible, reasons: eligibility.reasons.map((r) => r.code), flagged: Boolean(flag) },
        });
      }
    }
    return { evaluated: docs.length, changed, newlyFlagged, evaluatedAt: now.toISOString() };
  }

  /** Serving, eligible lawyers by name and firm only: whom a lawyer may name for a swap. */
  async function colleagues(): Promise<Colleague[]> {
    return (await findPlanningLawyers())
      .filter((l) => (l.status === 'active' || l.status === 'warned') && l.eligible)
      .map((l) => ({ id: l.id, name: l.name, firm: l.firm }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  /** A lawyer's status changes, oldest first (the discipline timeline shows them). */
  async function statusHistory(id: string) {
    return (await dossier(SYSTEM_READER, id)).statusHistory;
  }

  return { statusHistory, applyDisciplineStatus, reevaluateAll, list, flagged, dossier, create, update, setAssessment, removeAssessment, setAttestation, addComplaint, updateComplaint, vet, changeStatus, colleagues };
}

/** The lawyers register as the import area writes to it. */
export const lawyerRegistry: LawyerRegistry = {
  registeredLicenceNumbers: findRegisteredLicenceNumbers,
  insertApplicantsIfAbsent: insertLawyersIfAbsent,
  countFromImport: countLawyersFromImport,
};

export type LawyersService = ReturnType<typeof createLawyersService>;
