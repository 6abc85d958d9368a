import { z } from 'zod';
import { idParams } from '../../contracts/common';
import { dutyHistoryQuery, dutyHistoryRowSchema, dutyRefQuery, hotlineCallBody, hotlineCallLoggedSchema, hotlineDutyDetailSchema, hotlineSearchQuery, hotlineSearchResultSchema } from '../../contracts/hotline';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { HotlineService } from './hotline.service';

const DESK = ['hotline', 'admin', 'coordinator'] as const;

export function hotlineRoutes(hotline: HotlineService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/hotline/search',
      access: DESK,
      schemas: { query: hotlineSearchQuery, response: hotlineSearchResultSchema },
      handler: ({ query }) => hotline.search(query),
    }),
    defineRoute({
      method: 'get',
      path: '/hotline/duty',
      access: DESK,
      schemas: { query: dutyRefQuery, response: hotlineDutyDetailSchema },
      handler: ({ actor, query }) => hotline.duty(actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/hotline/calls',
      access: DESK,
      status: 201,
      schemas: { body: hotlineCallBody, response: hotlineCallLoggedSchema },
      handler: ({ actor, body }) => hotline.logCall(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/lawyers/:id/attendance-history',
      access: ['admin', 'coordinator', 'hotline', 'lawyer'],
      schemas: { params: idParams, query: dutyHistoryQuery, response: z.array(dutyHistoryRowSchema) },
      handler: ({ actor, params, query }) => hotline.history(actor, params.id, query),
    }),
  ];
}
