import { randomUUID } from 'node:crypto';
import { addDays } from 'date-fns';
import type {
  BulkDecisionBody,
  CreateViolationBody,
  DecisionBody,
  LawyerDiscipline,
  MyRecord,
  Removal,
  Violation,
  ViolationsQuery,
} from '../../contracts/discipline';
import { ATTENDANCE_TYPES } from '../../contracts/discipline';
import type { LawyerStatus, StatusChange } from '../../contracts/lawyers';
import type { Duty } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import { dutyKeyOf } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import type { Job } from '../jobs/jobs.service';
import type { NewNotification } from '../notifications/notifications.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { DisciplinePort, ViolationReport } from './discipline.port';
import {
  findLawyerViolations,
  findRemovals,
  findViolation,
  findViolations,
  insertRemoval,
  insertViolation,
  markSeen,
  updateViolationAt,
  violationIdOf,
  type NewViolation,
  type RemovalDoc,
  type ViolationDoc,
} from './discipline.repository';
import { countedViolations, statusAfterConfirmation, statusAfterReversal, type DisciplinePolicy } from './discipline.rules';
import { buildTimeline, TYPE_ZH, violationView } from './discipline.views';

export interface DisciplineDeps {
  clock: Clock;
  policy: DisciplinePolicy;
  audit: AuditService;
  notifications: { notify(items: NewNotification[]): Promise<number> };
  rotas: {
    duties(q: { from: string; to: string; lawyerId?: string }): Promise<Duty[]>;
    removeLawyerFrom(actorName: string, lawyerId: string, from: Date, reason: string): Promise<Job>;
  };
  jobs: { get(id: string): Promise<Job | null> };
  lawyers: {
    applyDisciplineStatus(actor: Actor, id: string, to: LawyerStatus, reason: string): Promise<LawyerStatus | null>;
    statusHistory(id: string): Promise<StatusChange[]>;
  };
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
  postDistricts(ids: string[]): Promise<Map<string, string>>;
}

/** Who acts when the product itself does something (a proposal from the check-in detector). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', username: 'system', role: 'admin', lawyerId: null, requestId: null };
const ref = (a: Actor) => ({ userId: a.userId, username: a.username });
const DAY_MS = 86_400_000;
const fmt = (d: Date) => `${localDay('Asia/Shanghai', d)}`;

export function createDisciplineService(deps: DisciplineDeps) {
  const { clock, policy } = deps;

  async function lawyerOrThrow(id: string): Promise<PlanningLawyer> {
    const [lawyer] = await deps.lawyersByIds([id]);
    if (!lawyer) throw new AppError('lawyer_not_found', 'No such lawyer', 404);
    return lawyer;
  }

  async function views(docs: ViolationDoc[]): Promise<Violation[]> {
    const names = new Map((await deps.lawyersByIds([...new Set(docs.map((d) => d.lawyerId))])).map((l) => [l.id, l.name]));
    return docs.map((d) => violationView(d, names.get(d.lawyerId) ?? ''));
  }

  async function one(id: string): Promise<ViolationDoc> {
    const doc = /^[0-9a-f]{24}$/i.test(id) ? await findViolation(id) : null;
    if (!doc) throw new AppError('violation_not_found', 'No such violation', 404);
    return doc;
  }

  /** The duty a report names, found among the lawyer's duties around the time (never by parsing its key). */
  async function dutyOf(lawyerId: string, dutyKey: string | undefined, at: Date): Promise<ViolationDoc['duty']> {
    if (!dutyKey) return null;
    const duties = await deps.rotas.duties({ from: fmt(new Date(at.getTime() - 2 * DAY_MS)), to: fmt(new Date(at.getTime() + 2 * DAY_MS)), lawyerId });
    const duty = duties.find((d) => dutyKeyOf(d) === dutyKey);
    if (!duty) return null;
    const districts = await deps.postDistricts([duty.postId]);
    return { postId: duty.postId, postName: duty.postName, district: districts.get(duty.postId) ?? '', day: duty.day, localStart: duty.localStart, localEnd: duty.localEnd };
  }

  async function store(report: ViolationReport, extra: Partial<NewViolation> & { createdBy: NewViolation['createdBy'] }): Promise<{ doc: ViolationDoc; created: boolean }> {
    // Reports repeat (the detector re-reports on every full pass): one read by primary key answers them.
    const known = await findViolation(violationIdOf(report.sourceKey));
    if (known) return { doc: known, created: false };
    const now = clock.now();
    const duty = await dutyOf(report.lawyerId, report.dutyKey, report.occurredAt);
    return insertViolation({
      sourceKey: report.sourceKey,
      lawyerId: report.lawyerId,
      type: report.type,
      state: 'proposed',
      occurredAt: report.occurredAt,
      dutyKey: report.dutyKey ?? null,
      duty,
      postId: duty?.postId ?? null,
      district: duty?.district ?? null,
      description: report.description,
      evidence: report.evidence as unknown as Record<string, string>[],
      replyDeadline: addDays(now, policy.replyWindowDays),
      createdAt: now,
      ...extra,
    });
  }

  async function tellProposed(doc: ViolationDoc): Promise<void> {
    const when = fmt(doc.occurredAt);
    const deadline = fmt(doc.replyDeadline);
    await deps.notifications.notify([
      {
        lawyerId: doc.lawyerId,
        kind: 'violation.proposed',
        key: 'notifications.violationProposed',
        params: { type: doc.type, when, deadline },
        text: `您于${when}有一条待核实的${TYPE_ZH[doc.type]}记录，可在${deadline}前在“纪律记录”中说明情况。`,
        dedupeKey: `violation:${doc._id}:proposed`,
      },
    ]);
  }

  /**
   * Applies "一次警告、二次清退" to a lawyer after a decision: counts confirmed violations in the
   * period and moves the status; a removal starts the removal job.
   */
  async function applyRule(actor: Actor, lawyerId: string, reversal: boolean, violationId: string): Promise<LawyerStatus | null> {
    const lawyer = await lawyerOrThrow(lawyerId);
    const now = clock.now();
    const counted = countedViolations(await findLawyerViolations(lawyerId), now, policy.periodMonths);
    const current = lawyer.status as LawyerStatus;
    const to = reversal ? statusAfterReversal(current, counted) : statusAfterConfirmation(current, counted);
    if (!to) return null;
    const reason =
      to === 'warned'
        ? `一次警告：${policy.periodMonths}个月内第1次确认违规`
        : to === 'removed'
          ? `二次清退：${policy.periodMonths}个月内第${counted}次确认违规`
          : to === 'applicant'
            ? '违规认定撤销，清退不再成立，需重新遴选'
            : '违规认定撤销，警告解除';
    const from = await deps.lawyers.applyDisciplineStatus(actor, lawyerId, to, reason);
    if (from === null) return null;
    const items: NewNotification[] = [];
    const key = `discipline:${lawyerId}:${to}:${violationId}:${now.toISOString()}`;
    if (to === 'warned') items.push({ lawyerId, kind: 'discipline.warning', key: 'notifications.disciplineWarning', params: { months: policy.periodMonths }, text: `纪律警告：您在${policy.periodMonths}个月内有1次确认违规。再有一次将被清退。`, dedupeKey: key });
    if (to === 'removed') items.push({ lawyerId, kind: 'discipline.removed', key: 'notifications.disciplineRemoved', params: { months: policy.periodMonths }, text: `您已被清退出值班律师名册，后续值班将由其他律师承担。`, dedupeKey: key });
    if (to === 'applicant' || to === 'active') items.push({ lawyerId, kind: 'discipline.reversed', key: 'notifications.disciplineReversed', params: { status: to }, text: to === 'applicant' ? '违规认定已撤销，您可重新参加遴选。' : '违规认定已撤销，警告已解除。', dedupeKey: key });
    await deps.notifications.notify(items);
    if (to === 'removed') await startRemoval(actor, lawyerId, 'rule', reason);
    return to;
  }

  /** Starts (once per moment of removal) the job that takes the lawyer out of every future duty. */
  async function startRemoval(actor: Actor, lawyerId: string, cause: RemovalDoc['cause'], reason: string): Promise<RemovalDoc> {
    const at = clock.now();
    const job = await deps.rotas.removeLawyerFrom(actor.username, lawyerId, at, `清退：${reason}`);
    return insertRemoval({ _id: `${lawyerId}:${at.toISOString()}`, lawyerId, cause, startedAt: at, jobId: job.id });
  }

  async function removalView(r: RemovalDoc): Promise<Removal> {
    const job = await deps.jobs.get(r.jobId);
    const result = (job?.result ?? {}) as { moved?: number; uncovered?: Removal['uncovered'] };
    return {
      id: r._id,
      lawyerId: r.lawyerId,
      cause: r.cause,
      startedAt: r.startedAt.toISOString(),
      jobId: r.jobId,
      status: job?.status ?? 'queued',
      progress: job?.progress ?? { done: 0, total: 0, phase: '' },
      error: job?.error ?? null,
      moved: result.moved ?? 0,
      uncovered: result.uncovered ?? [],
    };
  }

  // ---- the port other areas use ----

  const port: DisciplinePort = {
    async propose(report) {
      const { doc, created } = await store(report, { createdBy: null });
      if (created) await tellProposed(doc);
      return { id: doc._id, created };
    },
    async recordConfirmed(report) {
      const now = clock.now();
      const by = { userId: report.decidedBy, username: report.decidedBy };
      const { doc, created } = await store(report, {
        createdBy: by,
        state: 'confirmed',
        decision: { outcome: 'confirmed', reason: report.reason, by, at: now, beforeReplyDeadline: false },
      });
      if (created) {
        const actor: Actor = { userId: report.decidedBy, username: report.decidedBy, role: 'admin', lawyerId: null, requestId: null };
        await deps.audit.record(actor, { action: 'violation.record_confirmed', entityType: 'violation', entityId: doc._id, after: doc, note: report.reason });
        await applyRule(actor, doc.lawyerId, false, doc._id);
      }
      return { id: doc._id, created };
    },
  };

  // ---- staff ----

  async function create(actor: Actor, body: CreateViolationBody): Promise<Violation> {
    await lawyerOrThrow(body.lawyerId);
    const { doc } = await store(
      {
        sourceKey: `staff:${randomUUID()}`,
        lawyerId: body.lawyerId,
        type: body.type,
        occurredAt: body.occurredAt,
        dutyKey: body.dutyId,
        description: body.description,
        evidence: [{ kind: 'note', text: body.description }],
      },
      { createdBy: ref(actor) },
    );
    await deps.audit.record(actor, { action: 'violation.create', entityType: 'violation', entityId: doc._id, after: doc });
    await tellProposed(doc);
    return (await views([doc]))[0];
  }

  async function decide(actor: Actor, id: string, body: DecisionBody): Promise<Violation> {
    const before = await one(id);
    if (before.state !== 'proposed') throw new AppError('already_decided', 'This violation was already decided; an administrator may reverse it', 409);
    const now = clock.now();
    const decision = { outcome: body.outcome, reason: body.reason, by: ref(actor), at: now, beforeReplyDeadline: now < before.replyDeadline && !before.reply };
    const after = await updateViolationAt(id, before.rev, { state: body.outcome, decision });
    if (!after) throw new AppError('already_decided', 'Someone decided this violation meanwhile', 409);
    await deps.audit.record(actor, { action: `violation.${body.outcome === 'confirmed' ? 'confirm' : 'dismiss'}`, entityType: 'violation', entityId: id, before, after, note: body.reason });
    const when = fmt(after.occurredAt);
    await deps.notifications.notify([
      {
        lawyerId: after.lawyerId,
        kind: 'violation.decided',
        key: body.outcome === 'confirmed' ? 'notifications.violationConfirmed' : 'notifications.violationDismissed',
        params: { type: after.type, when, reason: body.reason },
        text: body.outcome === 'confirmed' ? `您${when}的${TYPE_ZH[after.type]}记录已确认为违规。理由：${body.reason}` : `您${when}的${TYPE_ZH[after.type]}记录经核实不构成违规。`,
        dedupeKey: `violation:${id}:decided:${after.rev}`,
      },
    ]);
    if (body.outcome === 'confirmed') await applyRule(actor, after.lawyerId, false, id);
    return (await views([after]))[0];
  }

  /** Confirms several proposed attendance violations at once, each of which staff have opened. */
  async function decideMany(actor: Actor, body: BulkDecisionBody): Promise<{ confirmed: string[] }> {
    const docs = await Promise.all(body.ids.map((id) => one(id)));
    const notAttendance = docs.filter((d) => !(ATTENDANCE_TYPES as readonly string[]).includes(d.type)).map((d) => d._id);
    if (notAttendance.length) throw new AppError('bulk_only_attendance', 'Only proposed attendance violations can be confirmed together', 400, notAttendance);
    const unseen = docs.filter((d) => !d.seenBy.includes(actor.userId)).map((d) => d._id);
    if (unseen.length) throw new AppError('not_seen', 'Open each violation before confirming it', 409, unseen);
    const confirmed: string[] = [];
    for (const d of docs) {
      if (d.state !== 'proposed') continue;
      await decide(actor, d._id, { outcome: 'confirmed', reason: body.reason });
      confirmed.push(d._id);
    }
    return { confirmed };
  }

  async function reverse(actor: Actor, id: string, reason: string): Promise<Violation> {
    const before = await one(id);
    if (before.state === 'proposed') throw new AppError('not_decided', 'Only a decided violation can be reversed', 409);
    const to = before.state === 'confirmed' ? 'dismissed' : 'confirmed';
    const now = clock.now();
    const after = await updateViolationAt(id, before.rev, {
      state: to,
      reversals: [...before.reversals, { from: before.state, reason, by: ref(actor), at: now }],
    });
    if (!after) throw new AppError('concurrent_update', 'Someone changed this violation meanwhile; reload', 409);
    await deps.audit.record(actor, { action: 'violation.reverse', entityType: 'violation', entityId: id, before, after, note: reason });
    await applyRule(actor, after.lawyerId, true, `${id}:r${after.reversals.length}`);
    return (await views([after]))[0];
  }

  async function list(q: ViolationsQuery) {
    const { docs, total } = await findViolations(q);
    return { items: await views(docs), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(actor: Actor, id: string): Promise<Violation> {
    const doc = await one(id);
    if (actor.role === 'lawyer' && actor.lawyerId !== doc.lawyerId) throw new AppError('violation_not_found', 'No such violation', 404);
    return (await views([doc]))[0];
  }

  async function seen(actor: Actor, id: string): Promise<Violation> {
    await one(id);
    await markSeen(id, actor.userId);
    return (await views([await one(id)]))[0];
  }

  async function lawyerDiscipline(lawyerId: string): Promise<LawyerDiscipline> {
    const lawyer = await lawyerOrThrow(lawyerId);
    const violations = await findLawyerViolations(lawyerId);
    const removals = await findRemovals(lawyerId);
    const history = await deps.lawyers.statusHistory(lawyerId);
    return {
      lawyerId,
      status: lawyer.status,
      counted: countedViolations(violations, clock.now(), policy.periodMonths),
      periodMonths: policy.periodMonths,
      timeline: buildTimeline(violations, history),
      removals: await Promise.all(removals.map(removalView)),
    };
  }

  // ---- the lawyer ----

  async function mine(actor: Actor): Promise<MyRecord> {
    if (!actor.lawyerId) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
    const lawyer = await lawyerOrThrow(actor.lawyerId);
    const docs = await findLawyerViolations(actor.lawyerId);
    return {
      status: lawyer.status,
      counted: countedViolations(docs, clock.now(), policy.periodMonths),
      periodMonths: policy.periodMonths,
      replyWindowDays: policy.replyWindowDays,
      violations: await views(docs),
    };
  }

  async function reply(actor: Actor, id: string, text: string): Promise<Violation> {
    const before = await one(id);
    if (before.lawyerId !== actor.lawyerId) throw new AppError('violation_not_found', 'No such violation', 404);
    if (before.state !== 'proposed' || clock.now() > before.replyDeadline) {
      throw new AppError('reply_window_closed', 'The time to reply has passed or staff have decided', 409, { deadline: before.replyDeadline.toISOString() });
    }
    const after = await updateViolationAt(id, before.rev, { reply: { text, at: clock.now() } });
    if (!after) throw new AppError('reply_window_closed', 'Staff decided this violation meanwhile', 409);
    return (await views([after]))[0];
  }

  /** A lawyer's status was changed by hand: 已清退 starts the same removal as the rule does. */
  async function statusChanged(actor: Actor, lawyerId: string, _from: LawyerStatus, to: LawyerStatus, reason: string): Promise<void> {
    if (to === 'removed') await startRemoval(actor, lawyerId, 'manual', reason);
  }

  return { port, ...port, create, decide, decideMany, reverse, list, get, seen, lawyerDiscipline, mine, reply, statusChanged, startRemoval };
}

export type DisciplineService = ReturnType<typeof createDisciplineService>;
