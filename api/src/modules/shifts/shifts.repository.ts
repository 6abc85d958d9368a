import { writeAtRevision } from '../../db/claims';
import type { ShiftPattern, ShiftPatternInput } from '../../contracts/shifts';
import { PostPatternsModel, type PostPatternsDoc } from './shifts.model';

function toPatterns(doc: Pick<PostPatternsDoc, 'postId' | 'patterns' | 'revision'>): ShiftPattern[] {
  return doc.patterns.map((p) => ({
    id: String(p._id),
    postId: doc.postId,
    label: p.label,
    rrule: p.rrule,
    dtstart: p.dtstart,
    start: p.start,
    end: p.end,
    exdates: p.exdates ?? [],
    rdates: p.rdates ?? [],
    lawyersNeeded: p.lawyersNeeded ?? null,
    revision: doc.revision,
  }));
}

export async function findPatterns(postId: string): Promise<{ patterns: ShiftPattern[]; revision: number } | null> {
  const doc = await PostPatternsModel.findOne({ postId }).lean<PostPatternsDoc>();
  return doc ? { patterns: toPatterns(doc), revision: doc.revision } : null;
}

export async function findPatternsOfPosts(postIds: string[]): Promise<Map<string, ShiftPattern[]>> {
  const docs = await PostPatternsModel.find({ postId: { $in: postIds } }).lean<PostPatternsDoc[]>();
  return new Map(docs.map((d) => [d.postId, toPatterns(d)]));
}

/**
 * Replaces a post's patterns if `revision` is still the stored one (or, with no revision,
 * if the post has none yet). Returns null when someone saved first.
 */
export async function replacePatterns(postId: string, patterns: ShiftPatternInput[], revision: number | undefined): Promise<ShiftPattern[] | null> {
  const set = { patterns: patterns.map((p) => ({ ...p, lawyersNeeded: p.lawyersNeeded ?? null })) };
  if (revision === undefined) {
    try {
      const doc = await PostPatternsModel.create({ postId, ...set, revision: 1 });
      return toPatterns(doc.toObject());
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return null;
      throw err;
    }
  }
  // One save per revision, however many staff save at once (db/claims.ts).
  const doc = await PostPatternsModel.findOne({ postId }).select({ _id: 1 }).lean<{ _id: unknown }>();
  if (!doc || !(await writeAtRevision(PostPatternsModel, 'patterns', String(doc._id), 'revision', revision, { set }))) return null;
  return (await findPatterns(postId))!.patterns;
}
