import { FeedModel, type FeedDoc } from './feeds.model';

export type { FeedDoc };

export function findFeedBySubject(subjectKey: string): Promise<FeedDoc | null> {
  return FeedModel.findOne({ subjectKey }).lean<FeedDoc>();
}

export function findFeedByToken(token: string): Promise<FeedDoc | null> {
  return FeedModel.findOne({ token }).lean<FeedDoc>();
}

export function findFeed(id: string): Promise<FeedDoc | null> {
  return FeedModel.findById(id).lean<FeedDoc>();
}

/** Inserts a feed; a racing insert for the same subject fails with the unique-index error (E11000). */
export async function insertFeed(fields: Pick<FeedDoc, 'subject' | 'subjectId' | 'subjectKey' | 'token'>): Promise<FeedDoc> {
  return (await FeedModel.create(fields)).toObject();
}

export async function setFeedToken(id: string, token: string): Promise<void> {
  await FeedModel.updateOne({ _id: id }, { $set: { token } });
}
