import type { Notification } from '../../contracts/selfservice';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { findNotification, findNotificationsOf, findSentDedupeKeys, insertNotifications, markNotificationRead, type NotificationDoc } from './notifications.repository';

export interface NewNotification {
  lawyerId: string;
  kind: string;
  key: string;
  params: Record<string, string | number>;
  text: string;
  dedupeKey: string;
}

/**
 * Delivery beyond the app (SMS, e-mail). None is configured by default; a deployment plugs
 * one in here. In-app notifications are always stored first.
 */
export interface OutboundChannel {
  deliver(notifications: NewNotification[]): Promise<void>;
}

export const noOutboundChannel: OutboundChannel = { deliver: async () => undefined };

function view(d: NotificationDoc): Notification {
  return { id: String(d._id), kind: d.kind, key: d.key, params: d.params ?? {}, text: d.text, read: d.read, createdAt: d.createdAt.toISOString() };
}

export function createNotificationsService(deps: { outbound?: OutboundChannel; onCreated?: (lawyerId: string, n: Notification) => void } = {}) {
  const outbound = deps.outbound ?? noOutboundChannel;

  /** Stores notifications once each (by dedupeKey), then announces and delivers the new ones. */
  async function notify(items: NewNotification[]): Promise<number> {
    const fresh: { item: NewNotification; doc: NotificationDoc }[] = [];
    if (items.length === 0) return 0;
    // Ones already sent (same dedupeKey) are skipped: a resumed job does not notify twice.
    const sent = await findSentDedupeKeys(items.map((i) => i.dedupeKey));
    const todo = items.filter((i) => !sent.has(i.dedupeKey));
    for (let i = 0; i < todo.length; i += 500) {
      const batch = todo.slice(i, i + 500);
      // A concurrent sender may have got some first: only the ones that went in come back.
      const docs = await insertNotifications(batch);
      const byKey = new Map(batch.map((item) => [item.dedupeKey, item]));
      for (const doc of docs) fresh.push({ item: byKey.get(doc.dedupeKey)!, doc });
    }
    for (const { item, doc } of fresh) deps.onCreated?.(item.lawyerId, view(doc));
    if (fresh.length) await outbound.deliver(fresh.map((f) => f.item));
    return fresh.length;
  }

  async function mine(actor: Actor): Promise<Notification[]> {
    if (!actor.lawyerId) return [];
    const docs = await findNotificationsOf(actor.lawyerId);
    return docs.map(view);
  }

  async function markRead(actor: Actor, id: string): Promise<Notification> {
    const doc = await findNotification(id);
    if (!doc || doc.lawyerId !== actor.lawyerId) throw new AppError('notification_not_found', 'No such notification', 404);
    await markNotificationRead(id);
    return view({ ...doc, read: true });
  }

  return { notify, mine, markRead };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
