import { Types } from 'mongoose';
import type { CreatePostBody, Post, PostsQuery, UpdatePostBody } from '../../contracts/posts';
import { caches } from '../../db/cache';
import { PostModel, type PostDoc } from './posts.model';

function toPost(d: PostDoc): Post {
  return {
    id: d._id.toHexString(),
    kind: d.kind as Post['kind'],
    name: d.name,
    code: d.code,
    district: d.district,
    address: d.address,
    location: d.location && d.location.lat != null && d.location.lng != null ? { lat: d.location.lat, lng: d.location.lng } : null,
    geofenceRadiusM: d.geofenceRadiusM,
    timeZone: d.timeZone,
    openingHours: d.openingHours.map((o) => ({ days: [...o.days], start: o.start!, end: o.end! })),
    lawyersPerShift: d.lawyersPerShift,
    channel: d.channel as Post['channel'],
    opensOnHolidays: d.opensOnHolidays,
    opensOnMakeUpDays: d.opensOnMakeUpDays,
    active: d.active,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

export async function findPosts(q: PostsQuery): Promise<Post[]> {
  const filter: Record<string, unknown> = {};
  if (q.kind) filter.kind = q.kind;
  if (q.district) filter.district = q.district;
  if (q.active !== 'all') filter.active = q.active === 'true';
  const docs = await PostModel.find(filter).sort({ code: 1 }).lean<PostDoc[]>();
  return docs.map(toPost);
}

export async function findPost(id: string): Promise<Post | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const d = await PostModel.findById(id).lean<PostDoc>();
  return d ? toPost(d) : null;
}

export async function postCodeTaken(code: string, exceptId?: string): Promise<boolean> {
  const filter: Record<string, unknown> = { code };
  if (exceptId) filter._id = { $ne: new Types.ObjectId(exceptId) };
  return (await PostModel.exists(filter)) !== null;
}

/**
 * Every post by id: check-ins and the live board look posts up on every request. Writes here
 * clear it here and, with Redis, in every process; without Redis another process sees a change
 * within about five seconds, read in the background.
 */
const recentPosts = caches.snapshot('posts', async () => new Map((await findPosts({ active: 'all' })).map((p) => [p.id, p])), 5000, { staleWhileRefresh: true });
export const allPostsRecent = () => recentPosts.get();

export async function insertPost(body: CreatePostBody): Promise<Post> {
  const doc = await PostModel.create({ ...body, active: true }).finally(() => recentPosts.clear());
  return toPost(doc.toObject() as PostDoc);
}

export async function updatePost(id: string, set: UpdatePostBody | { active: boolean }): Promise<Post | null> {
  const d = await PostModel.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after', runValidators: true })
    .lean<PostDoc>()
    .finally(() => recentPosts.clear());
  return d ? toPost(d) : null;
}

/** Inserts posts whose code is not yet taken (seeding). */
export async function insertPostsIfAbsent(posts: CreatePostBody[]): Promise<number> {
  if (posts.length === 0) return 0;
  const res = await PostModel.bulkWrite(
    posts.map((p) => ({ updateOne: { filter: { code: p.code }, update: { $setOnInsert: { ...p, active: true } }, upsert: true } })),
    { ordered: false },
  ).finally(() => recentPosts.clear());
  return res.upsertedCount;
}

export async function countPosts(): Promise<number> {
  return PostModel.countDocuments({});
}
