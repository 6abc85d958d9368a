import { randomInt } from 'node:crypto';
import type { ComplaintBody } from '../../contracts/lawyers';
import type { ConcludeBody, FeedbackItem, FeedbackQuery } from '../../contracts/feedback';
import type { FeedbackKind, FeedbackReceipt, FeedbackStatus, PublicFeedbackBody, PublicFeedbackStatus } from '../../contracts/public';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import type { HolidayCalendar } from '../../../../scheduler/src/index';
import type { AuditService } from '../audit/audit.service';
import type { DisciplinePort } from '../discipline/discipline.port';
import type { NewNotification } from '../notifications/notifications.service';
import type { PublicService } from '../public/public.service';
import { deadlinesFor, type FeedbackPolicy } from './feedback.deadlines';
import type { FeedbackCounts, FeedbackStatsReader } from './feedback.port';
import { findFeedback, findFeedbackList, insertFeedback, markEffectDone, updateFeedbackAt, type FeedbackDoc } from './feedback.repository';
import type { ProofOfWork } from './proof-of-work';
import { findDutyFeedback } from './feedback-duties.repository';

export interface FeedbackDeps {
  clock: Clock;
  policy: FeedbackPolicy;
  audit: AuditService;
  calendar: { current(): Promise<HolidayCalendar> };
  lookup: Pick<PublicService, 'whoWasOnDuty'>;
  proofOfWork: ProofOfWork;
  /** Replaced by the discipline service at composition. */
  discipline: DisciplinePort;
  /** The dossier: an upheld complaint is recorded there and counts against eligibility. */
  dossier: { addComplaint(actor: Actor, lawyerId: string, body: ComplaintBody): Promise<unknown> };
  notify(items: NewNotification[]): Promise<number>;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newTrackingCode = () => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const OPEN: FeedbackStatus[] = ['received', 'accepted', 'handling'];
const NEXT: Record<string, FeedbackStatus[]> = {
  accept: ['received'],
  reject: ['received'],
  handle: ['accepted'],
  conclude: ['accepted', 'handling'],
};

export interface NewFeedback {
  kind: FeedbackKind;
  post: string;
  at: string;
  licenceNo: string;
  text: string;
  contactName?: string;
  contactPhone?: string;
}

/**
 * Praise and complaints: received from the public (with proof of work) or logged by the hotline,
 * tracked by code, and handled by staff against deadlines. An upheld complaint becomes a
 * confirmed violation and an upheld complaint on the dossier; praise reaches the dossier and the lawyer.
 */
export function createFeedbackService(deps: FeedbackDeps): FeedbackStatsReader & ReturnType<typeof methods> {
  return methods(deps);
}

function methods(deps: FeedbackDeps) {
  const { clock, policy } = deps;

  function overdueOf(d: FeedbackDoc, now: Date): FeedbackItem['overdue'] {
    if (d.status === 'received' && now > d.acceptBy) return 'accept';
    if ((d.status === 'accepted' || d.status === 'handling') && now > d.concludeBy) return 'conclude';
    return null;
  }

  function itemOf(d: FeedbackDoc): FeedbackItem {
    return {
      trackingCode: d._id,
      kind: d.kind,
      channel: d.channel,
      status: d.status,
      outcome: d.outcome,
      text: d.text,
      contactName: d.contactName,
      contactPhone: d.contactPhone,
      duty: { ...d.duty, start: new Date(d.duty.start).toISOString(), end: new Date(d.duty.end).toISOString() },
      receivedAt: d.receivedAt.toISOString(),
      acceptBy: d.acceptBy.toISOString(),
      concludeBy: d.concludeBy.toISOString(),
      overdue: overdueOf(d, clock.now()),
      conclusion: d.conclusion,
      history: d.history.map((h) => ({ status: h.status, at: new Date(h.at).toISOString(), by: h.by, note: h.note })),
    };
  }

  /** Stores feedback about the lawyer (by licence number) on duty at the post at `at`. */
  async function create(input: NewFeedback, channel: FeedbackDoc['channel'], by: string): Promise<FeedbackDoc> {
    const at = new Date(input.at);
    const who = await deps.lookup.whoWasOnDuty(input.post, at);
    const d = who.onDuty.find((x) => x.lawyer.licenceNumber === input.licenceNo);
    if (!d) throw new AppError('duty_not_found', 'That lawyer was not on duty at this post at that time', 404);
    const now = clock.now();
    const receivedDay = localDay(policy.timeZone, now);
    const { acceptBy, concludeBy } = deadlinesFor(await deps.calendar.current(), receivedDay, policy);
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc: FeedbackDoc = {
        _id: newTrackingCode(),
        kind: input.kind,
        channel,
        status: 'received',
        outcome: null,
        text: input.text,
        contactName: input.contactName || null,
        contactPhone: input.contactPhone || null,
        duty: {
          rotaId: d.rotaId,
          slotId: d.slotId,
          dutyKey: d.dutyKey,
          lawyerId: d.lawyerId,
          lawyerName: d.lawyer.name,
          licenceNo: d.lawyer.licenceNumber,
          postId: who.post.id,
          postName: who.post.name,
          day: d.day,
          localStart: d.localStart,
          localEnd: d.localEnd,
          start: d.start,
          end: d.end,
        },
        receivedAt: now,
        receivedDay,
        acceptBy,
        concludeBy,
        conclusion: null,
        history: [{ status: 'received', at: now, by, note: '' }],
        revision: 0,
        effectsDone: [],
      };
      if (await insertFeedback(doc)) return doc;
    }
    throw new Error('could not draw a free tracking code');
  }

  const receipt = (d: FeedbackDoc): FeedbackReceipt => ({ trackingCode: d._id, status: d.status, statusPath: `/feedback/${d._id}` });

  async function submitPublic(body: PublicFeedbackBody): Promise<FeedbackReceipt> {
    await deps.proofOfWork.verify(body.altcha);
    return receipt(await create(body, 'web', 'public'));
  }

  /** The hotline logs a caller's praise or complaint; the caller is given the tracking code. */
  async function logByHotline(actor: Actor, input: NewFeedback): Promise<FeedbackItem> {
    const doc = await create(input, 'hotline', actor.username);
    await deps.audit.record(actor, { action: 'feedback.log', entityType: 'feedback', entityId: doc._id, after: { kind: doc.kind, lawyerId: doc.duty.lawyerId } });
    return itemOf(doc);
  }

  async function load(code: string): Promise<FeedbackDoc> {
    const d = await findFeedback(code);
    if (!d) throw new AppError('feedback_not_found', 'No feedback with this tracking code', 404);
    return d;
  }

  async function status(code: string): Promise<PublicFeedbackStatus> {
    const d = await load(code);
    return {
      trackingCode: d._id,
      kind: d.kind,
      status: d.status,
      postName: d.duty.postName,
      lawyerName: d.duty.lawyerName,
      day: d.duty.day,
      shift: { localStart: d.duty.localStart, localEnd: d.duty.localEnd },
      receivedAt: d.receivedAt.toISOString(),
      history: d.history.map((h) => ({ status: h.status, at: new Date(h.at).toISOString() })),
      conclusion: d.status === 'concluded' || d.status === 'rejected' ? d.conclusion : null,
    };
  }

  async function list(q: FeedbackQuery): Promise<FeedbackItem[]> {
    const docs = await findFeedbackList({ status: q.status, statuses: q.open === 'true' ? OPEN : undefined, kind: q.kind, lawyerId: q.lawyerId });
    return docs.map(itemOf);
  }

  /** The feedback about one duty, newest first (one read of its day, however much feedback there is). */
  async function forDuty(dutyKey: string, day: string): Promise<FeedbackItem[]> {
    return (await findDutyFeedback(dutyKey, day)).map(itemOf);
  }

  async function overdue(): Promise<FeedbackItem[]> {
    const now = clock.now();
    return (await findFeedbackList({ statuses: OPEN })).filter((d) => overdueOf(d, now) !== null).map(itemOf);
  }

  async function get(code: string): Promise<FeedbackItem> {
    return itemOf(await load(code));
  }

  /** One workflow step: allowed from the listed statuses only, and only once under races. */
  async function step(actor: Actor, code: string, action: keyof typeof NEXT, to: FeedbackStatus, set: Partial<FeedbackDoc>, note: string): Promise<FeedbackDoc> {
    const d = await load(code);
    if (!NEXT[action]!.includes(d.status)) throw new AppError('feedback_wrong_status', `Feedback is ${d.status}`, 409, { status: d.status, allowed: NEXT[action] });
    const now = clock.now();
    const after = await updateFeedbackAt(code, d.revision, { ...set, status: to }, { status: to, at: now, by: actor.username, note });
    if (!after) throw new AppError('feedback_changed', 'Someone else has just changed this feedback; reload it', 409);
    await deps.audit.record(actor, { action: `feedback.${action}`, entityType: 'feedback', entityId: code, before: { status: d.status }, after: { status: to, ...set }, note: note || undefined });
    return after;
  }

  async function effect(code: string, done: string[], name: string, run: () => Promise<unknown>): Promise<void> {
    if (done.includes(name)) return;
    await run();
    await markEffectDone(code, name);
  }

  async function praiseEffects(d: FeedbackDoc): Promise<void> {
    await effect(d._id, d.effectsDone, 'notify', () =>
      deps.notify([
        {
          lawyerId: d.duty.lawyerId,
          kind: 'feedback.praise',
          key: 'notifications.praised',
          params: { when: `${d.duty.day} ${d.duty.localStart}–${d.duty.localEnd}`, post: d.duty.postName },
          text: `您${d.duty.day} ${d.duty.localStart}–${d.duty.localEnd}在${d.duty.postName}的值班收到群众表扬。`,
          dedupeKey: `feedback:${d._id}:praise`,
        },
      ]),
    );
  }

  async function upheldEffects(actor: Actor, d: FeedbackDoc): Promise<void> {
    const when = `${d.duty.day} ${d.duty.localStart}–${d.duty.localEnd}`;
    await effect(d._id, d.effectsDone, 'violation', () =>
      deps.discipline.recordConfirmed({
        sourceKey: `feedback:${d._id}`,
        lawyerId: d.duty.lawyerId,
        type: 'complaint_upheld',
        occurredAt: new Date(d.duty.start),
        dutyKey: d.duty.dutyKey,
        description: `投诉经核查属实（${d.duty.postName} ${when}）`,
        evidence: [{ kind: 'complaint', feedbackId: d._id, trackingCode: d._id }],
        decidedBy: actor.username,
        reason: d.conclusion ?? '',
      }),
    );
    await effect(d._id, d.effectsDone, 'dossier', () =>
      deps.dossier.addComplaint(actor, d.duty.lawyerId, { date: d.duty.day, summary: `投诉${d._id}（${d.duty.postName} ${when}）：${d.conclusion ?? ''}`.slice(0, 1000), upheld: true }),
    );
    await effect(d._id, d.effectsDone, 'notify', () =>
      deps.notify([
        {
          lawyerId: d.duty.lawyerId,
          kind: 'feedback.upheld',
          key: 'notifications.complaintUpheld',
          params: { when, post: d.duty.postName },
          text: `您${when}在${d.duty.postName}的值班被投诉，经核查属实。`,
          dedupeKey: `feedback:${d._id}:upheld`,
        },
      ]),
    );
  }

  async function accept(actor: Actor, code: string, note: string): Promise<FeedbackItem> {
    const d = await step(actor, code, 'accept', 'accepted', {}, note);
    if (d.kind === 'praise') await praiseEffects(d);
    return get(code);
  }

  async function reject(actor: Actor, code: string, conclusion: string, note: string): Promise<FeedbackItem> {
    return itemOf(await step(actor, code, 'reject', 'rejected', { conclusion }, note));
  }

  async function handle(actor: Actor, code: string, note: string): Promise<FeedbackItem> {
    return itemOf(await step(actor, code, 'handle', 'handling', {}, note));
  }

  async function conclude(actor: Actor, code: string, body: ConcludeBody): Promise<FeedbackItem> {
    const current = await load(code);
    if (current.kind === 'complaint' && !body.outcome) throw new AppError('outcome_required', 'Say whether the complaint is upheld', 400);
    const outcome = current.kind === 'complaint' ? body.outcome! : null;
    const d = await step(actor, code, 'conclude', 'concluded', { conclusion: body.conclusion, outcome }, body.note);
    if (outcome === 'upheld') await upheldEffects(actor, d);
    return get(code);
  }

  /** FeedbackStatsReader: feedback received on days from..to, optionally for one lawyer or post. */
  async function countsBetween(from: string, to: string, filter: { lawyerId?: string; postId?: string } = {}): Promise<FeedbackCounts> {
    const docs = await findFeedbackList({ from, to, lawyerId: filter.lawyerId, postId: filter.postId }, 100_000);
    return {
      praise: docs.filter((d) => d.kind === 'praise').length,
      complaints: docs.filter((d) => d.kind === 'complaint').length,
      upheld: docs.filter((d) => d.kind === 'complaint' && d.outcome === 'upheld').length,
    };
  }

  return { submitPublic, logByHotline, status, list, forDuty, overdue, get, accept, reject, handle, conclude, countsBetween, challenge: deps.proofOfWork.challenge };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
