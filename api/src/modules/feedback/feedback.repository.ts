import { writeAtRevision } from '../../db/claims';
import { FeedbackModel, PowClaimModel, type FeedbackDoc } from './feedback.model';
import { saveDutyCopy } from './feedback-duties.repository';

export type { FeedbackDoc };

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** Stores new feedback; false when the tracking code is already taken (the caller draws another). */
export async function insertFeedback(doc: FeedbackDoc): Promise<boolean> {
  try {
    await FeedbackModel.create(doc);
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
  await saveDutyCopy(doc);
  return true;
}

export async function findFeedback(code: string): Promise<FeedbackDoc | null> {
  return FeedbackModel.findById(code).lean<FeedbackDoc>();
}

/** Applies a step if the feedback is still at `revision`; null when someone else moved it first. */
export async function updateFeedbackAt(code: string, revision: number, set: Partial<FeedbackDoc>, push?: FeedbackDoc['history'][number]): Promise<FeedbackDoc | null> {
  // One step per revision, however many staff act at once (db/claims.ts).
  const saved = await writeAtRevision(FeedbackModel, 'feedback', code, 'revision', revision, { set, ...(push ? { push: { history: push } } : {}) });
  if (!saved) return null;
  const after = await findFeedback(code);
  if (after) await saveDutyCopy(after);
  return after;
}

export async function markEffectDone(code: string, effect: string): Promise<void> {
  await FeedbackModel.updateOne({ _id: code }, { $addToSet: { effectsDone: effect } });
}

export async function findFeedbackList(filter: { status?: string; statuses?: string[]; kind?: string; lawyerId?: string; from?: string; to?: string; postId?: string }, limit = 500): Promise<FeedbackDoc[]> {
  const q: Record<string, unknown> = {};
  if (filter.status) q.status = filter.status;
  else if (filter.statuses) q.status = { $in: filter.statuses };
  if (filter.kind) q.kind = filter.kind;
  if (filter.lawyerId) q['duty.lawyerId'] = filter.lawyerId;
  if (filter.postId) q['duty.postId'] = filter.postId;
  if (filter.from && filter.to) q.receivedDay = { $gte: filter.from, $lte: filter.to };
  return FeedbackModel.find(q).sort({ receivedAt: -1 }).limit(limit).lean<FeedbackDoc[]>();
}

/** Claims a solved challenge; false when it was used before. Unique insert: one winner under races. */
export async function claimChallenge(key: string, at: Date): Promise<boolean> {
  try {
    await PowClaimModel.create({ _id: key, at });
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}
