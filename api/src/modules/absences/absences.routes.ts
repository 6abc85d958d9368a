import { idParams } from '../../contracts/common';
import { absencesQuery, createAbsenceBody, decideBody } from '../../contracts/selfservice';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { AbsencesService } from './absences.service';
import { absenceSchema } from '../../contracts/responses/rotas';
import { z } from 'zod';

const STAFF = ['admin', 'coordinator'] as const;

export function absenceRoutes(absences: AbsencesService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/absences', access: STAFF, schemas: { response: z.array(absenceSchema), query: absencesQuery }, handler: ({ query }) => absences.list(query) }),
    defineRoute({ method: 'get', path: '/absences/mine', access: ['lawyer'], schemas: { response: z.array(absenceSchema) }, handler: ({ actor }) => absences.mine(actor) }),
    defineRoute({ method: 'post', path: '/absences', access: ['lawyer'], status: 201, schemas: { response: absenceSchema, body: createAbsenceBody }, handler: ({ actor, body }) => absences.request(actor, body) }),
    defineRoute({ method: 'post', path: '/absences/:id/cancel', access: ['lawyer'], schemas: { response: absenceSchema, params: idParams }, handler: ({ actor, params }) => absences.cancel(actor, params.id) }),
    defineRoute({
      method: 'post',
      path: '/absences/:id/decide',
      access: STAFF,
      schemas: { response: absenceSchema, params: idParams, body: decideBody },
      handler: ({ actor, params, body }) => absences.decide(actor, params.id, body),
    }),
  ];
}
