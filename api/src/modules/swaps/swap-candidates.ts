import { swapCandidateSchema, swapCandidatesQuery, type SwapCandidate, type SwapCandidatesQuery } from '../../contracts/swap-candidates';
import type { Duty } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { PlanningLawyer } from '../rotas/rotas.port';
import { z } from 'zod';

export interface SwapCandidatesDeps {
  rotas: {
    duties(q: { from: string; to: string; lawyerId: string }): Promise<Duty[]>;
    whoMayTake(rotaId: string, slotId: string, lawyerId: string, candidates: string[]): Promise<string[]>;
  };
  lawyers(): Promise<PlanningLawyer[]>;
}

/** The colleagues a lawyer's swap request may name: serving, eligible, and allowed by the rota's rules. */
export function createSwapCandidates(deps: SwapCandidatesDeps) {
  async function candidates(actor: Actor, q: SwapCandidatesQuery): Promise<SwapCandidate[]> {
    const me = actor.lawyerId;
    if (!me) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
    const day = q.slotId.split(':')[1] ?? '';
    const holds = /^\d{4}-\d{2}-\d{2}$/.test(day) && (await deps.rotas.duties({ from: day, to: day, lawyerId: me })).some((d) => d.rotaId === q.rotaId && d.slotId === q.slotId);
    if (!holds) throw new AppError('duty_not_found', 'You do not hold this duty', 404);
    const serving = (await deps.lawyers()).filter((l) => l.id !== me && (l.status === 'active' || l.status === 'warned') && l.eligible);
    const allowed = new Set(await deps.rotas.whoMayTake(q.rotaId, q.slotId, me, serving.map((l) => l.id)));
    return serving
      .filter((l) => allowed.has(l.id))
      .map((l) => ({ id: l.id, name: l.name, firm: l.firm }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }
  return { candidates };
}

export type SwapCandidatesService = ReturnType<typeof createSwapCandidates>;

export function swapCandidateRoutes(service: SwapCandidatesService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/swaps/candidates',
      access: ['lawyer'],
      schemas: { query: swapCandidatesQuery, response: z.array(swapCandidateSchema) },
      handler: ({ actor, query }) => service.candidates(actor, query),
    }),
  ];
}
