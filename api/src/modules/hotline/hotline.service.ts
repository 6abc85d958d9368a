import type { DutyHistoryRow, DutyRefQuery, HotlineCallBody, HotlineCallLogged, HotlineDutyDetail, HotlineDutyRow, HotlineSearchQuery, HotlineSearchResult } from '../../contracts/hotline';
import type { Duty } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import { shortLived } from '../../lib/short-lived';
import { addDays } from '../../../../scheduler/src/index';
import { dutyTimes, evaluateAttendance } from '../attendance/attendance.port';
import type { AuditService } from '../audit/audit.service';
import type { DutyAttendance } from '../checkins/checkins.service';
import type { FeedbackService } from '../feedback/feedback.service';
import type { PublicService } from '../public/public.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { DutyRecordsReader } from '../records/records.port';
import { insertCall } from './hotline.repository';

export interface HotlineDeps {
  clock: Clock;
  audit: AuditService;
  lookup: Pick<PublicService, 'whoWasOnDuty'>;
  feedback: Pick<FeedbackService, 'get' | 'list' | 'forDuty' | 'logByHotline'>;
  duties(q: { from: string; to: string; lawyerId?: string; postId?: string }): Promise<Duty[]>;
  attendanceOf(duties: Duty[], now?: Date): Promise<DutyAttendance[]>;
  /** Name, firm and licence number of every lawyer (the desk searches them). */
  lawyers(ids?: string[]): Promise<LawyerFacts[]>;
  /** The lawyer's work contact as the caller's role may see it. */
  lawyerPhone(actor: Actor, lawyerId: string): Promise<string | null>;
  postAddress(postId: string): Promise<string>;
  /** Replaced by the duty-records service at composition. */
  records: DutyRecordsReader;
}

type LawyerFacts = Pick<PlanningLawyer, 'id' | 'name' | 'licenceNumber' | 'firm'>;

const ZONE = 'Asia/Shanghai';
const HISTORY_DAYS = 60;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The hotline desk: from a caller's words (a post and a time, a lawyer's name or licence
 * number, or a tracking code) to the duty, what happened on it, and a logged call.
 */
export function createHotlineService(deps: HotlineDeps) {
  const directory = shortLived(async () => deps.lawyers(), 60_000, { staleWhileRefresh: true });

  function rowOf(d: Duty, l: LawyerFacts | undefined): HotlineDutyRow {
    return {
      rotaId: d.rotaId,
      slotId: d.slotId,
      lawyerId: d.lawyerId,
      lawyerName: d.lawyerName || l?.name || '',
      licenceNo: l?.licenceNumber ?? '',
      firm: l?.firm ?? '',
      postId: d.postId,
      postName: d.postName,
      postCode: d.postCode,
      day: d.day,
      localStart: d.localStart,
      localEnd: d.localEnd,
      start: d.start,
      end: d.end,
    };
  }

  async function byPost(post: string, at: Date): Promise<HotlineSearchResult> {
    const w = await deps.lookup.whoWasOnDuty(post, at);
    const duties = w.onDuty.map((d) => ({
      rotaId: d.rotaId,
      slotId: d.slotId,
      lawyerId: d.lawyerId,
      lawyerName: d.lawyer.name,
      licenceNo: d.lawyer.licenceNumber,
      firm: d.lawyer.firm,
      postId: w.post.id,
      postName: w.post.name,
      postCode: w.post.code,
      day: d.day,
      localStart: d.localStart,
      localEnd: d.localEnd,
      start: d.start.toISOString(),
      end: d.end.toISOString(),
    }));
    return { by: 'post', duties, ...(w.reason ? { reason: w.reason } : {}) };
  }

  async function byLawyer(text: string): Promise<HotlineSearchResult> {
    const needle = text.toLowerCase();
    const all = await directory.get();
    const matches = all.filter((l) => l.licenceNumber === text || l.name.toLowerCase().includes(needle)).slice(0, 5);
    const today = localDay(ZONE, deps.clock.now());
    const from = addDays(today, -HISTORY_DAYS);
    const byId = new Map(matches.map((l) => [l.id, l]));
    const rows: HotlineDutyRow[] = [];
    for (const l of matches) {
      const duties = await deps.duties({ from, to: today, lawyerId: l.id });
      rows.push(...duties.reverse().map((d) => rowOf(d, byId.get(d.lawyerId))));
    }
    return { by: 'lawyer', duties: rows.slice(0, 100) };
  }

  async function byCode(code: string): Promise<HotlineSearchResult> {
    const f = await deps.feedback.get(code);
    const [l] = (await directory.get()).filter((x) => x.id === f.duty.lawyerId);
    const duty = { ...f.duty, version: 0, postCode: '' } as Duty;
    return { by: 'code', trackingCode: f.trackingCode, duties: [{ ...rowOf(duty, l), licenceNo: f.duty.licenceNo }] };
  }

  async function search(q: HotlineSearchQuery): Promise<HotlineSearchResult> {
    if (q.code) return byCode(q.code);
    if (q.post) return byPost(q.post, q.at ? new Date(q.at) : deps.clock.now());
    if (q.lawyer) return byLawyer(q.lawyer);
    throw new AppError('search_needs_one', 'Search by post and time, lawyer, or tracking code', 400);
  }

  async function findDuty(ref: DutyRefQuery): Promise<Duty> {
    const d = (await deps.duties({ from: ref.day, to: ref.day, lawyerId: ref.lawyerId })).find((x) => x.rotaId === ref.rotaId && x.slotId === ref.slotId);
    if (!d) throw new AppError('duty_not_found', 'No such duty in the published rota', 404);
    return d;
  }

  /** Everything about one duty the caller may ask: the lawyer and their contact, attendance, records, feedback. */
  async function duty(actor: Actor, ref: DutyRefQuery): Promise<HotlineDutyDetail> {
    const d = await findDuty(ref);
    const now = deps.clock.now();
    const [att] = await deps.attendanceOf([d], now);
    const [l] = (await directory.get()).filter((x) => x.id === d.lawyerId);
    const events = att ? evaluateAttendance(dutyTimes(d), att.settings, { inAt: att.inAt, outAt: att.outAt }, now).events : [];
    const dutyKey = att?.dutyKey ?? '';
    const [phone, address, records, feedback] = await Promise.all([
      deps.lawyerPhone(actor, d.lawyerId),
      deps.postAddress(d.postId),
      deps.records.forDuty(dutyKey),
      deps.feedback.forDuty(dutyKey, d.day),
    ]);
    return {
      duty: rowOf(d, l),
      dutyKey,
      lawyerPhone: phone,
      postAddress: address,
      checkedInAt: iso(att?.inAt ?? null),
      checkedOutAt: iso(att?.outAt ?? null),
      state: att?.state ?? 'not_yet_due',
      events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), minutes: e.minutes })),
      records: records.map((r) => ({ id: r.id, kind: r.kind, at: r.at.toISOString(), title: r.title })),
      feedback,
    };
  }

  /** Logs the call; praise and complaints become feedback whose tracking code the caller is given. */
  async function logCall(actor: Actor, body: HotlineCallBody): Promise<HotlineCallLogged> {
    let trackingCode: string | null = null;
    let postId = body.post;
    if (body.kind !== 'enquiry') {
      const f = await deps.feedback.logByHotline(actor, { kind: body.kind, post: body.post, at: body.at, licenceNo: body.licenceNo, text: body.text, contactName: body.callerName, contactPhone: body.callerPhone });
      trackingCode = f.trackingCode;
      postId = f.duty.postId;
    } else {
      postId = (await deps.lookup.whoWasOnDuty(body.post, new Date(body.at))).post.id;
    }
    const callId = await insertCall({
      at: deps.clock.now(),
      operator: actor.username,
      kind: body.kind,
      callerName: body.callerName ?? null,
      callerPhone: body.callerPhone ?? null,
      text: body.text,
      postId,
      dutyAt: new Date(body.at),
      licenceNo: body.licenceNo,
      trackingCode,
    });
    await deps.audit.record(actor, { action: 'hotline.call', entityType: 'hotline_call', entityId: callId, after: { kind: body.kind, trackingCode } });
    return { callId, kind: body.kind, trackingCode };
  }

  /** The dossier's duty history: each duty in the period with its attendance. */
  async function history(actor: Actor, lawyerId: string, q: { from?: string; to?: string }): Promise<DutyHistoryRow[]> {
    if (actor.role === 'lawyer' && actor.lawyerId !== lawyerId) throw new AppError('forbidden', 'Lawyers may only see their own duty history', 403);
    const today = localDay(ZONE, deps.clock.now());
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -92);
    if (from > to) throw new AppError('bad_period', 'from must not be after to', 400);
    const duties = await deps.duties({ from, to, lawyerId });
    const att = await deps.attendanceOf(duties);
    return att
      .map((a) => ({
        rotaId: a.duty.rotaId,
        slotId: a.duty.slotId,
        postName: a.duty.postName,
        day: a.duty.day,
        localStart: a.duty.localStart,
        localEnd: a.duty.localEnd,
        state: a.state,
        checkedInAt: iso(a.inAt),
        checkedOutAt: iso(a.outAt),
      }))
      .reverse();
  }

  return { search, duty, logCall, history };
}

export type HotlineService = ReturnType<typeof createHotlineService>;
