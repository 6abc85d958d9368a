import { z } from 'zod';
import {
  feedbackReceiptSchema,
  publicDutyQuery,
  publicDutySchema,
  publicFeedbackBody,
  publicFeedbackStatusSchema,
  publicPostsSchema,
  trackingCodeParams,
} from '../../contracts/public';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { FeedbackService } from '../feedback/feedback.service';
import { bodyLimit, perIpLimit, type PublicLimits } from './public.limits';
import type { PublicService } from './public.service';

/** Public by design, without an account: the lookup, and praise or complaints about a duty. */
export function publicRoutes(lookup: PublicService, feedback: FeedbackService, limits: PublicLimits): AnyRoute[] {
  const lookupLimit = perIpLimit('lookup', limits.lookup);
  return [
    defineRoute({
      method: 'get',
      path: '/public/posts',
      access: 'public',
      middleware: [lookupLimit],
      schemas: { response: publicPostsSchema },
      handler: () => lookup.posts(),
    }),
    defineRoute({
      method: 'get',
      path: '/public/duty',
      access: 'public',
      middleware: [lookupLimit],
      schemas: { query: publicDutyQuery, response: publicDutySchema },
      handler: ({ query }) => lookup.duty(query.post, query.at),
    }),
    defineRoute({
      method: 'get',
      path: '/public/feedback/challenge',
      access: 'public',
      middleware: [perIpLimit('challenge', limits.challenge)],
      schemas: { response: z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.string().optional() }) },
      handler: () => feedback.challenge(),
    }),
    defineRoute({
      method: 'post',
      path: '/public/feedback',
      access: 'public',
      status: 201,
      middleware: [bodyLimit(limits.maxBodyBytes), perIpLimit('feedback', limits.feedback)],
      schemas: { body: publicFeedbackBody, response: feedbackReceiptSchema },
      handler: ({ body }) => feedback.submitPublic(body),
    }),
    defineRoute({
      method: 'get',
      path: '/public/feedback/:code',
      access: 'public',
      middleware: [lookupLimit],
      schemas: { params: trackingCodeParams, response: publicFeedbackStatusSchema },
      handler: ({ params }) => feedback.status(params.code),
    }),
  ];
}

