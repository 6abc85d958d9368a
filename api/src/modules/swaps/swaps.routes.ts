import { idParams } from '../../contracts/common';
import { createSwapBody, decideBody, swapsQuery } from '../../contracts/selfservice';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { SwapsService } from './swaps.service';
import { swapSchema } from '../../contracts/responses/rotas';
import { z } from 'zod';

const STAFF = ['admin', 'coordinator'] as const;

export function swapRoutes(swaps: SwapsService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/swaps', access: STAFF, schemas: { response: z.array(swapSchema), query: swapsQuery }, handler: ({ query }) => swaps.list(query) }),
    defineRoute({ method: 'get', path: '/swaps/mine', access: ['lawyer'], schemas: { response: z.array(swapSchema) }, handler: ({ actor }) => swaps.mine(actor) }),
    defineRoute({ method: 'post', path: '/swaps', access: ['lawyer'], status: 201, schemas: { response: swapSchema, body: createSwapBody }, handler: ({ actor, body }) => swaps.create(actor, body) }),
    defineRoute({ method: 'post', path: '/swaps/:id/accept', access: ['lawyer'], schemas: { response: swapSchema, params: idParams }, handler: ({ actor, params }) => swaps.accept(actor, params.id) }),
    defineRoute({ method: 'post', path: '/swaps/:id/cancel', access: ['lawyer'], schemas: { response: swapSchema, params: idParams }, handler: ({ actor, params }) => swaps.cancel(actor, params.id) }),
    defineRoute({
      method: 'post',
      path: '/swaps/:id/decide',
      access: STAFF,
      schemas: { response: swapSchema, params: idParams, body: decideBody },
      handler: ({ actor, params, body }) => swaps.decide(actor, params.id, body),
    }),
  ];
}
