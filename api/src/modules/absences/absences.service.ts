import type { Absence, AbsencesQuery, CreateAbsenceBody, DecideBody } from '../../contracts/selfservice';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { ABSENCE_MAX_AHEAD_DAYS, ABSENCE_MAX_LENGTH_DAYS, addDays, daysBetween } from '../../lib/date-bounds';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import type { LawyerStanding } from '../lawyers/lawyers.port';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';
import {
  findAbsence,
  findAbsences,
  insertAbsence,
  setAbsenceRepairJob,
  transitionAbsence,
  type AbsenceDoc,
} from './absences.repository';

export interface AbsencesDeps {
  clock: Clock;
  audit: AuditService;
  /** Built before absences: rota planning reads leave through absences.planning.ts, not this service. */
  rotas: Pick<RotasService, 'job' | 'repairForLeave'>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
  /** Refuses lawyers removed from the roster. */
  standing: Pick<LawyerStanding, 'assertMayServe'>;
}

import { localDay as localDayIn } from '../../lib/local-day';

/** Leave is asked for in the centre's calendar days. */
const localDay = (d: Date) => localDayIn('Asia/Shanghai', d);

export function createAbsencesService(deps: AbsencesDeps) {
  async function repairOf(d: AbsenceDoc): Promise<Absence['repair']> {
    if (!d.repairJobId) return null;
    const job = await deps.rotas.job(d.repairJobId).catch(() => null);
    if (!job) return null;
    // A job waiting to retry after an error has not succeeded: show the error with it.
    return { status: job.status as NonNullable<Absence['repair']>['status'], error: job.error ?? null };
  }

  async function views(docs: AbsenceDoc[]): Promise<Absence[]> {
    const names = new Map((await deps.lawyersByIds([...new Set(docs.map((d) => d.lawyerId))])).map((l) => [l.id, l.name]));
    const repairs = await Promise.all(docs.map(repairOf));
    return docs.map((d, i) => ({
      id: String(d._id),
      lawyerId: d.lawyerId,
      lawyerName: names.get(d.lawyerId) ?? '',
      kind: d.kind,
      from: d.from,
      to: d.to,
      reason: d.reason,
      status: d.status,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt ? d.decidedAt.toISOString() : null,
      note: d.note,
      dutiesAffected: 0,
      repair: repairs[i],
      createdAt: d.createdAt.toISOString(),
    }));
  }

  async function one(id: string): Promise<AbsenceDoc> {
    const doc = await findAbsence(id);
    if (!doc) throw new AppError('absence_not_found', 'No such leave request', 404);
    return doc;
  }

  async function request(actor: Actor, body: CreateAbsenceBody): Promise<Absence> {
    if (!actor.lawyerId) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
    await deps.standing.assertMayServe(actor.lawyerId);
    const today = localDay(deps.clock.now());
    if (body.from < today) throw new AppError('absence_in_past', 'Leave cannot start in the past', 400);
    if (body.from > addDays(today, ABSENCE_MAX_AHEAD_DAYS)) {
      throw new AppError('absence_too_far_ahead', `Leave can be asked for at most ${ABSENCE_MAX_AHEAD_DAYS} days ahead`, 400, { maxDays: ABSENCE_MAX_AHEAD_DAYS });
    }
    if (daysBetween(body.from, body.to) >= ABSENCE_MAX_LENGTH_DAYS) {
      throw new AppError('absence_too_long', `One request covers at most ${ABSENCE_MAX_LENGTH_DAYS} days`, 400, { maxDays: ABSENCE_MAX_LENGTH_DAYS });
    }
    const doc = await insertAbsence({ lawyerId: actor.lawyerId, ...body, status: 'pending' });
    return (await views([doc]))[0];
  }

  async function cancel(actor: Actor, id: string): Promise<Absence> {
    const doc = await one(id);
    if (doc.lawyerId !== actor.lawyerId) throw new AppError('not_yours', 'This is not your request', 403);
    if (!(await transitionAbsence(id, 'pending', { status: 'cancelled' }))) throw new AppError('not_pending', 'Only a pending request can be cancelled', 409);
    return (await views([await one(id)]))[0];
  }

  /** Staff decide; approved leave re-covers the lawyer's published duties inside it. */
  async function decide(actor: Actor, id: string, body: DecideBody): Promise<Absence> {
    const before = await one(id);
    const decided = await transitionAbsence(id, 'pending', {
      status: body.approve ? 'approved' : 'rejected',
      decidedBy: actor.username,
      decidedAt: deps.clock.now(),
      note: body.note ?? null,
    });
    if (!decided) throw new AppError('not_pending', 'This request was already decided', 409);
    if (body.approve) {
      const job = await deps.rotas.repairForLeave(actor.username, before.lawyerId, before.from, before.to, `请假：${before.reason}`, `leave:${id}`);
      await setAbsenceRepairJob(id, job.id);
    }
    const after = await one(id);
    await deps.audit.record(actor, { action: body.approve ? 'absence.approve' : 'absence.reject', entityType: 'absence', entityId: id, before, after });
    return (await views([after]))[0];
  }

  async function list(q: AbsencesQuery): Promise<Absence[]> {
    const filter: { status?: AbsencesQuery['status']; lawyerId?: string } = {};
    if (q.status) filter.status = q.status;
    if (q.lawyerId) filter.lawyerId = q.lawyerId;
    return views(await findAbsences(filter));
  }

  async function mine(actor: Actor): Promise<Absence[]> {
    if (!actor.lawyerId) return [];
    return list({ lawyerId: actor.lawyerId });
  }

  return { request, cancel, decide, list, mine };
}

export type AbsencesService = ReturnType<typeof createAbsencesService>;
