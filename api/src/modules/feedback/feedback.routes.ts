import { z } from 'zod';
import { concludeBody, decisionNoteBody, feedbackItemSchema, feedbackQuery, rejectBody, trackingParams } from '../../contracts/feedback';
import { STAFF_ROLES } from '../../contracts/common';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { FeedbackService } from './feedback.service';

const READERS = ['admin', 'coordinator', 'hotline'] as const;

export function feedbackRoutes(feedback: FeedbackService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/feedback',
      access: READERS,
      schemas: { query: feedbackQuery, response: z.array(feedbackItemSchema) },
      handler: ({ query }) => feedback.list(query),
    }),
    defineRoute({
      method: 'get',
      path: '/feedback/overdue',
      access: STAFF_ROLES,
      schemas: { response: z.array(feedbackItemSchema) },
      handler: () => feedback.overdue(),
    }),
    defineRoute({
      method: 'get',
      path: '/feedback/:code',
      access: READERS,
      schemas: { params: trackingParams, response: feedbackItemSchema },
      handler: ({ params }) => feedback.get(params.code),
    }),
    defineRoute({
      method: 'post',
      path: '/feedback/:code/accept',
      access: STAFF_ROLES,
      schemas: { params: trackingParams, body: decisionNoteBody, response: feedbackItemSchema },
      handler: ({ actor, params, body }) => feedback.accept(actor, params.code, body.note),
    }),
    defineRoute({
      method: 'post',
      path: '/feedback/:code/reject',
      access: STAFF_ROLES,
      schemas: { params: trackingParams, body: rejectBody, response: feedbackItemSchema },
      handler: ({ actor, params, body }) => feedback.reject(actor, params.code, body.conclusion, body.note),
    }),
    defineRoute({
      method: 'post',
      path: '/feedback/:code/handle',
      access: STAFF_ROLES,
      schemas: { params: trackingParams, body: decisionNoteBody, response: feedbackItemSchema },
      handler: ({ actor, params, body }) => feedback.handle(actor, params.code, body.note),
    }),
    defineRoute({
      method: 'post',
      path: '/feedback/:code/conclude',
      access: STAFF_ROLES,
      schemas: { params: trackingParams, body: concludeBody, response: feedbackItemSchema },
      handler: ({ actor, params, body }) => feedback.conclude(actor, params.code, body),
    }),
  ];
}
