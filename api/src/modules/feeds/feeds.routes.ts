import { z } from 'zod';
import { idParams } from '../../contracts/common';
import { AppError } from '../../lib/errors';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { FeedsService } from './feeds.service';
import { calendarFeedSchema } from '../../contracts/responses/places';
import { fileResponse } from '../../lib/responses';

const fileParams = z.object({ file: z.string().max(100) });

export function feedRoutes(feeds: FeedsService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/calendar-feeds/mine', access: ['lawyer'], schemas: { response: calendarFeedSchema }, handler: ({ actor }) => feeds.mine(actor) }),
    defineRoute({ method: 'get', path: '/posts/:id/calendar-feed', access: ['admin', 'coordinator'], schemas: { response: calendarFeedSchema, params: idParams }, handler: ({ params }) => feeds.forPost(params.id) }),
    defineRoute({
      method: 'post',
      path: '/calendar-feeds/:id/rotate',
      access: ['lawyer', 'admin', 'coordinator'],
      schemas: { response: calendarFeedSchema, params: idParams },
      handler: ({ actor, params }) => feeds.rotate(actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/ical/:file',
      // The unguessable token in the path is the key: calendar apps cannot sign in.
      access: 'public',
      schemas: { response: fileResponse('text/calendar', 'an iCalendar feed of duties'), params: fileParams },
      handler: async ({ params, res }) => {
        const match = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(params.file);
        if (!match) throw new AppError('feed_not_found', 'No such calendar feed', 404);
        const text = await feeds.render(match[1]);
        res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
        res.setHeader('Cache-Control', 'private, max-age=300');
        res.send(text);
        return undefined;
      },
    }),
  ];
}
