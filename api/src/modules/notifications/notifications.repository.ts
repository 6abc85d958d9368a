import { NotificationModel, type NotificationDoc } from './notifications.model';

export type { NotificationDoc };

/** The dedupe keys among `keys` already stored. */
export async function findSentDedupeKeys(keys: string[]): Promise<Set<string>> {
  const docs = await NotificationModel.find({ dedupeKey: { $in: keys } }).select({ dedupeKey: 1 }).lean<{ dedupeKey: string }[]>();
  return new Set(docs.map((d) => d.dedupeKey));
}

/**
 * Inserts a batch unordered; when a concurrent sender stored some first (duplicate dedupe
 * keys), the ones that went in are returned and the duplicates dropped.
 */
export async function insertNotifications(items: Omit<NotificationDoc, '_id' | 'read' | 'createdAt'>[]): Promise<NotificationDoc[]> {
  try {
    return (await NotificationModel.insertMany(items.map((item) => ({ ...item, read: false })), { ordered: false })).map((d) => d.toObject() as NotificationDoc);
  } catch (err) {
    const inserted = (err as { insertedDocs?: { toObject(): NotificationDoc }[] }).insertedDocs;
    if (!inserted) throw err;
    return inserted.map((d) => d.toObject());
  }
}

/** Newest first, at most 200. */
export function findNotificationsOf(lawyerId: string): Promise<NotificationDoc[]> {
  return NotificationModel.find({ lawyerId }).sort({ createdAt: -1 }).limit(200).lean<NotificationDoc[]>();
}

export function findNotification(id: string): Promise<NotificationDoc | null> {
  return NotificationModel.findById(id).lean<NotificationDoc>();
}

export async function markNotificationRead(id: string): Promise<void> {
  await NotificationModel.updateOne({ _id: id }, { $set: { read: true } });
}
