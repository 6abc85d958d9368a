import { idParams } from '../../contracts/common';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { NotificationsService } from './notifications.service';

export function notificationRoutes(notifications: NotificationsService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/notifications/mine', access: 'authenticated', handler: ({ actor }) => notifications.mine(actor!) }),
    defineRoute({
      method: 'post',
      path: '/notifications/:id/read',
      access: 'authenticated',
      schemas: { params: idParams },
      handler: ({ actor, params }) => notifications.markRead(actor!, params.id),
    }),
  ];
}
