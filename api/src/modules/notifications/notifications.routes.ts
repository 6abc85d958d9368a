import { idParams } from '../../contracts/common';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { NotificationsService } from './notifications.service';
import { notificationSchema } from '../../contracts/responses/rotas';
import { z } from 'zod';

export function notificationRoutes(notifications: NotificationsService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/notifications/mine', access: 'authenticated', schemas: { response: z.array(notificationSchema) }, handler: ({ actor }) => notifications.mine(actor) }),
    defineRoute({
      method: 'post',
      path: '/notifications/:id/read',
      access: 'authenticated',
      schemas: { response: notificationSchema, params: idParams },
      handler: ({ actor, params }) => notifications.markRead(actor, params.id),
    }),
  ];
}
