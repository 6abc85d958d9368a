import { idParams } from '../../contracts/common';
import {
  bulkDecisionBody,
  bulkDecisionResultSchema,
  createViolationBody,
  decisionBody,
  lawyerDisciplineSchema,
  myRecordSchema,
  replyBody,
  reversalBody,
  violationIdParams,
  violationListSchema,
  violationSchema,
  violationsQuery,
} from '../../contracts/discipline';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { DisciplineService } from './discipline.service';

const STAFF = ['admin', 'coordinator'] as const;

export function disciplineRoutes(discipline: DisciplineService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/violations', access: STAFF, schemas: { query: violationsQuery, response: violationListSchema }, handler: ({ query }) => discipline.list(query) }),
    defineRoute({ method: 'post', path: '/violations', access: STAFF, status: 201, schemas: { body: createViolationBody, response: violationSchema }, handler: ({ actor, body }) => discipline.create(actor, body) }),
    // Fixed paths before `/violations/:id`.
    defineRoute({ method: 'post', path: '/violations/bulk-decision', access: STAFF, schemas: { body: bulkDecisionBody, response: bulkDecisionResultSchema }, handler: ({ actor, body }) => discipline.decideMany(actor, body) }),
    defineRoute({ method: 'get', path: '/violations/mine', access: ['lawyer'], schemas: { response: myRecordSchema }, handler: ({ actor }) => discipline.mine(actor) }),
    defineRoute({ method: 'get', path: '/violations/:id', access: [...STAFF, 'lawyer'], schemas: { params: violationIdParams, response: violationSchema }, handler: ({ actor, params }) => discipline.get(actor, params.id) }),
    defineRoute({ method: 'post', path: '/violations/:id/seen', access: STAFF, schemas: { params: violationIdParams, response: violationSchema }, handler: ({ actor, params }) => discipline.seen(actor, params.id) }),
    defineRoute({ method: 'post', path: '/violations/:id/reply', access: ['lawyer'], schemas: { params: violationIdParams, body: replyBody, response: violationSchema }, handler: ({ actor, params, body }) => discipline.reply(actor, params.id, body.text) }),
    defineRoute({ method: 'post', path: '/violations/:id/decision', access: STAFF, schemas: { params: violationIdParams, body: decisionBody, response: violationSchema }, handler: ({ actor, params, body }) => discipline.decide(actor, params.id, body) }),
    defineRoute({ method: 'post', path: '/violations/:id/reversal', access: ['admin'], schemas: { params: violationIdParams, body: reversalBody, response: violationSchema }, handler: ({ actor, params, body }) => discipline.reverse(actor, params.id, body.reason) }),
    defineRoute({ method: 'get', path: '/discipline/lawyers/:id', access: STAFF, schemas: { params: idParams, response: lawyerDisciplineSchema }, handler: ({ params }) => discipline.lawyerDiscipline(params.id) }),
  ];
}

