import { PROCEDURE_LABELS, type FastTrackBody, type FastTrackCase, type Procedure } from '../../contracts/records';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { dutyKeyOf } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';
import { countCase } from './records.counters';
import { findCase, findCases, findDeadline, insertCase, insertDeadline, keyedId, type FastTrackCaseDoc } from './records.repository';
import { deadlineView } from './records.service';
import { addDays, dayOf } from './records.time';

const DAY_MS = 86_400_000;
/**
 * After a procuratorate's legal-aid suggestion letter (法律援助建议函), Nanjing's duty lawyers read
 * the file within 2 days in fast-track (速裁) and 10 days in simplified (简易) cases; the written
 * opinion is due by the same time, before the procuratorate decides.
 */
export const FAST_TRACK_DAYS: Record<Procedure, { fileRead: number; opinion: number }> = {
  su_cai: { fileRead: 2, opinion: 2 },
  jian_yi: { fileRead: 10, opinion: 10 },
};

export interface FastTrackDeps {
  clock: Clock;
  audit: AuditService;
  notifications: Pick<NotificationsService, 'notify'>;
  rotas: Pick<RotasService, 'duties'>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
}

export function createFastTrackService(deps: FastTrackDeps) {
  const { clock } = deps;

  async function view(c: FastTrackCaseDoc, names?: Map<string, string>): Promise<FastTrackCase> {
    const now = clock.now();
    const [fileRead, opinion] = await Promise.all([findDeadline(`ft:${c._id}:file_read`), findDeadline(`ft:${c._id}:opinion`)]);
    const name = names?.get(c.lawyerId) ?? (await deps.lawyersByIds([c.lawyerId]))[0]?.name ?? '';
    return {
      id: c._id,
      lawyerId: c.lawyerId,
      lawyerName: name,
      dutyKey: c.dutyKey,
      letterNumber: c.letterNumber,
      procuratorate: c.procuratorate,
      caseNumber: c.caseNumber,
      suspectName: c.suspectName,
      charge: c.charge,
      procedure: c.procedure,
      receivedAt: c.receivedAt.toISOString(),
      fileRead: deadlineView(fileRead!, now),
      opinion: deadlineView(opinion!, now),
      open: !(fileRead?.doneAt && opinion?.doneAt),
    };
  }

  /** The duty the letter came in on: the one named, else the lawyer's duty that day. */
  async function dutyOf(lawyerId: string, dutyKey: string | undefined, receivedAt: Date) {
    const day = dayOf(receivedAt);
    const duties = await deps.rotas.duties({ from: addDays(day, -14), to: day, lawyerId });
    if (dutyKey) {
      const d = duties.find((x) => dutyKeyOf(x) === dutyKey);
      if (!d) throw new AppError('duty_not_yours', 'This duty is not the lawyer’s', 409);
      return d;
    }
    return duties.filter((d) => d.day === day).at(-1) ?? null;
  }

  /** Opens a case from a suggestion letter and starts its clocks; registering twice (same key) opens one. */
  async function register(actor: Actor, body: FastTrackBody): Promise<FastTrackCase> {
    const lawyerId = actor.role === 'lawyer' ? actor.lawyerId : (body.lawyerId ?? null);
    if (!lawyerId) throw new AppError('lawyer_required', 'Name the lawyer who handles the case', 400);
    const id = keyedId(actor.userId, body.clientKey);
    const existing = await findCase(id);
    if (existing) return { ...(await view(existing)), replayed: true };
    if (actor.role !== 'lawyer' && (await deps.lawyersByIds([lawyerId])).length === 0) throw new AppError('lawyer_not_found', 'No such lawyer', 404);
    const now = clock.now();
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + 60_000) throw new AppError('received_in_future', 'The letter cannot arrive in the future', 400);
    const duty = await dutyOf(lawyerId, body.dutyKey, receivedAt);
    const day = dayOf(receivedAt);
    const doc: FastTrackCaseDoc = {
      _id: id,
      lawyerId,
      postId: duty?.postId ?? '',
      dutyKey: duty ? dutyKeyOf(duty) : null,
      letterNumber: body.letterNumber,
      procuratorate: body.procuratorate,
      caseNumber: body.caseNumber,
      suspectName: body.suspectName,
      charge: body.charge,
      procedure: body.procedure,
      receivedAt,
      day,
      month: day.slice(0, 7),
      open: true,
      createdAt: now,
      createdBy: actor.userId,
      counted: false,
    };
    if (!(await insertCase(doc))) return { ...(await view((await findCase(id))!)), replayed: true };
    const limits = FAST_TRACK_DAYS[body.procedure];
    for (const [kind, days] of [['file_read', limits.fileRead], ['opinion', limits.opinion]] as const) {
      await insertDeadline({
        _id: `ft:${id}:${kind}`,
        kind,
        lawyerId,
        postId: doc.postId,
        subject: `${body.caseNumber}（${PROCEDURE_LABELS[body.procedure]}）`,
        startedAt: receivedAt,
        dueAt: new Date(receivedAt.getTime() + days * DAY_MS),
        doneAt: null,
        outcome: null,
        open: true,
        remindedSoonAt: null,
        remindedOverdueAt: null,
      });
    }
    await countCase(doc);
    await deps.notifications.notify([
      {
        lawyerId,
        kind: 'fast_track_case',
        key: 'notifications.fastTrackCase',
        params: { caseNumber: body.caseNumber, procedure: PROCEDURE_LABELS[body.procedure], days: limits.fileRead },
        text: `快速办理案件 ${body.caseNumber}（${PROCEDURE_LABELS[body.procedure]}）：请在${limits.fileRead}日内完成阅卷并提交书面法律意见。`,
        dedupeKey: `fast-track:${id}:opened`,
      },
    ]);
    if (actor.role !== 'lawyer') await deps.audit.record(actor, { action: 'fast_track.register', entityType: 'fast_track_case', entityId: id, after: doc });
    return { ...(await view(doc)), replayed: false };
  }

  async function views(docs: FastTrackCaseDoc[]): Promise<FastTrackCase[]> {
    const names = new Map((await deps.lawyersByIds([...new Set(docs.map((d) => d.lawyerId))])).map((l) => [l.id, l.name]));
    return Promise.all(docs.map((d) => view(d, names)));
  }

  const mine = async (actor: Actor) => (actor.lawyerId ? views(await findCases({ lawyerId: actor.lawyerId })) : []);
  const list = async (open?: boolean) => views(await findCases({ open }));

  return { register, mine, list };
}

export type FastTrackService = ReturnType<typeof createFastTrackService>;
