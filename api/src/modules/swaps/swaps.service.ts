import type { CreateSwapBody, DecideBody, Swap, SwapsQuery } from '../../contracts/selfservice';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import type { LawyerStanding } from '../lawyers/lawyers.port';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';
import type { ProposedChange } from '../../../../scheduler/src/index';
import { countSwapsFor, findSwap, findSwaps, findSwapsSeenBy, insertSwap, transitionSwap, type SwapDoc } from './swaps.repository';

export interface SwapsDeps {
  audit: AuditService;
  rotas: RotasService;
  notifications: NotificationsService;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
  /** Refuses lawyers removed from the roster. */
  standing: Pick<LawyerStanding, 'assertMayServe'>;
}

const ACTIVE: SwapDoc['status'][] = ['open', 'accepted'];

/** The change a swap makes: the partner takes the requester's duty (and, in a trade, the reverse). */
function changeOf(s: Pick<SwapDoc, 'slotId' | 'requesterId' | 'partnerLawyerId' | 'partnerSlotId'>, partnerId: string): ProposedChange {
  if (s.partnerSlotId) {
    return { type: 'swap', first: { slotId: s.slotId, lawyerId: s.requesterId }, second: { slotId: s.partnerSlotId, lawyerId: partnerId } };
  }
  return { type: 'replace', slotId: s.slotId, fromLawyerId: s.requesterId, toLawyerId: partnerId };
}

export function createSwapsService(deps: SwapsDeps) {
  async function views(docs: SwapDoc[]): Promise<Swap[]> {
    const ids = new Set<string>();
    for (const d of docs) {
      ids.add(d.requesterId);
      if (d.partnerLawyerId) ids.add(d.partnerLawyerId);
    }
    const names = new Map((await deps.lawyersByIds([...ids])).map((l) => [l.id, l.name]));
    const out: Swap[] = [];
    for (const d of docs) {
      const duty = (await deps.rotas.duties({ from: d.slotId.split(':')[1] ?? '0000-01-01', to: d.slotId.split(':')[1] ?? '9999-12-31' })).find((x) => x.slotId === d.slotId);
      out.push({
        id: String(d._id),
        rotaId: d.rotaId,
        slotId: d.slotId,
        day: duty?.day ?? d.slotId.split(':')[1] ?? '',
        postName: duty?.postName ?? '',
        localStart: duty?.localStart ?? '',
        localEnd: duty?.localEnd ?? '',
        requesterId: d.requesterId,
        requesterName: names.get(d.requesterId) ?? '',
        partnerLawyerId: d.partnerLawyerId,
        partnerName: d.partnerLawyerId ? (names.get(d.partnerLawyerId) ?? '') : null,
        partnerSlotId: d.partnerSlotId,
        status: d.status,
        note: d.note,
        decisionNote: d.decisionNote,
        createdAt: d.createdAt.toISOString(),
      });
    }
    return out;
  }

  async function one(id: string): Promise<SwapDoc> {
    const doc = await findSwap(id);
    if (!doc) throw new AppError('swap_not_found', 'No such swap request', 404);
    return doc;
  }

  async function holds(rotaId: string, slotId: string, lawyerId: string): Promise<boolean> {
    const day = slotId.split(':')[1];
    if (!day) return false;
    const duties = await deps.rotas.duties({ from: day, to: day, lawyerId });
    return duties.some((d) => d.rotaId === rotaId && d.slotId === slotId);
  }

  async function refuseIfBreaksRules(s: Pick<SwapDoc, 'rotaId' | 'slotId' | 'requesterId' | 'partnerLawyerId' | 'partnerSlotId'>, partnerId: string) {
    const violations = await deps.rotas.checkChange(s.rotaId, changeOf(s, partnerId));
    if (violations.length) throw new AppError('swap_violation', violations[0].message, 409, violations);
  }

  async function create(actor: Actor, body: CreateSwapBody): Promise<Swap> {
    const me = actor.lawyerId;
    if (!me) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
    await deps.standing.assertMayServe(me);
    if (!(await holds(body.rotaId, body.slotId, me))) throw new AppError('duty_not_found', 'You do not hold this duty', 404);
    if (body.partnerLawyerId === me) throw new AppError('swap_with_self', 'Choose a colleague, not yourself', 400);
    if (body.partnerSlotId && !body.partnerLawyerId) throw new AppError('validation_failed', 'A trade names the colleague whose duty you take', 400);
    if (body.partnerLawyerId && body.partnerSlotId && !(await holds(body.rotaId, body.partnerSlotId, body.partnerLawyerId))) {
      throw new AppError('duty_not_found', 'Your colleague does not hold that duty', 404);
    }
    const pending = await countSwapsFor(body.rotaId, body.slotId, me, ACTIVE);
    if (pending) throw new AppError('swap_pending', 'There is already a request for this duty', 409);
    const draft = { rotaId: body.rotaId, slotId: body.slotId, requesterId: me, partnerLawyerId: body.partnerLawyerId ?? null, partnerSlotId: body.partnerSlotId ?? null };
    if (draft.partnerLawyerId) await refuseIfBreaksRules(draft, draft.partnerLawyerId);
    const doc = await insertSwap({ ...draft, mode: draft.partnerLawyerId ? 'direct' : 'open', status: 'open', note: body.note ?? null });
    if (draft.partnerLawyerId) {
      await deps.notifications.notify([{ lawyerId: draft.partnerLawyerId, kind: 'swap.requested', key: 'notifications.swapRequested', params: { slot: body.slotId }, text: '有同事向您提出调班申请，请查看。', dedupeKey: `swap:${doc._id}:requested` }]);
    }
    return (await views([doc]))[0];
  }

  async function accept(actor: Actor, id: string): Promise<Swap> {
    const me = actor.lawyerId;
    if (!me) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
    await deps.standing.assertMayServe(me);
    const s = await one(id);
    if (s.status !== 'open') throw new AppError('not_pending', 'This request is no longer open', 409);
    if (s.requesterId === me) throw new AppError('swap_with_self', 'You cannot accept your own request', 400);
    if (s.mode === 'direct' && s.partnerLawyerId !== me) throw new AppError('not_yours', 'This request is for another colleague', 403);
    await refuseIfBreaksRules(s, me);
    if (!(await transitionSwap(id, 'open', { status: 'accepted', partnerLawyerId: me }))) throw new AppError('not_pending', 'Someone else took this request first', 409);
    return (await views([await one(id)]))[0];
  }

  async function cancel(actor: Actor, id: string): Promise<Swap> {
    const s = await one(id);
    if (s.requesterId !== actor.lawyerId) throw new AppError('not_yours', 'This is not your request', 403);
    if (!(await transitionSwap(id, ACTIVE, { status: 'cancelled' }))) throw new AppError('not_pending', 'This request is already closed', 409);
    return (await views([await one(id)]))[0];
  }

  /** Staff approve an accepted swap: checked again against today's rota, then published as an amendment. */
  async function decide(actor: Actor, id: string, body: DecideBody): Promise<Swap> {
    const s = await one(id);
    if (s.status !== 'accepted' || !s.partnerLawyerId) throw new AppError('not_pending', 'Only a swap a colleague accepted can be decided', 409);
    const partner = s.partnerLawyerId;
    if (body.approve) {
      await refuseIfBreaksRules(s, partner);
      const claimed = await transitionSwap(id, 'accepted', { status: 'approved', decidedBy: actor.username, decisionNote: body.note ?? null });
      if (!claimed) throw new AppError('not_pending', 'This swap was decided meanwhile', 409);
      try {
        await deps.rotas.amend(
          actor,
          s.rotaId,
          (slots) => {
            const edits = [];
            const mine = slots.find((x) => x.id === s.slotId)!;
            edits.push({ slotId: s.slotId, lawyerIds: mine.lawyerIds.map((l) => (l === s.requesterId ? partner : l)) });
            if (s.partnerSlotId) {
              const theirs = slots.find((x) => x.id === s.partnerSlotId)!;
              edits.push({ slotId: s.partnerSlotId, lawyerIds: theirs.lawyerIds.map((l) => (l === partner ? s.requesterId : l)) });
            }
            return edits;
          },
          `调班：${s.note ?? '律师申请'}`,
        );
      } catch (err) {
        await transitionSwap(id, 'approved', { status: 'accepted', decidedBy: null, decisionNote: null });
        throw err;
      }
    } else {
      const rejected = await transitionSwap(id, 'accepted', { status: 'rejected', decidedBy: actor.username, decisionNote: body.note ?? null });
      if (!rejected) throw new AppError('not_pending', 'This swap was decided meanwhile', 409);
      await deps.notifications.notify(
        [s.requesterId, partner].map((lawyerId) => ({ lawyerId, kind: 'swap.rejected', key: 'notifications.swapRejected', params: {}, text: `调班申请未获批准。${body.note ?? ''}`, dedupeKey: `swap:${id}:rejected:${lawyerId}` })),
      );
    }
    const after = await one(id);
    await deps.audit.record(actor, { action: body.approve ? 'swap.approve' : 'swap.reject', entityType: 'swap', entityId: id, before: s, after });
    return (await views([after]))[0];
  }

  async function list(q: SwapsQuery): Promise<Swap[]> {
    return views(await findSwaps(q.status));
  }

  async function mine(actor: Actor): Promise<Swap[]> {
    const me = actor.lawyerId;
    if (!me) return [];
    return views(await findSwapsSeenBy(me));
  }

  return { create, accept, cancel, decide, list, mine };
}

export type SwapsService = ReturnType<typeof createSwapsService>;
