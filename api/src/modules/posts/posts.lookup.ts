import type { Post } from '../../contracts/posts';
import { allPostsRecent } from './posts.repository';

/**
 * Posts by id (in the order asked, unknown ids left out) and by code, for other areas' hot
 * paths; from the two-second snapshot of all posts.
 */
export async function findPostsByIds(ids: string[]): Promise<Post[]> {
  const all = await allPostsRecent();
  return [...new Set(ids)].map((id) => all.get(id)).filter((p): p is Post => p !== undefined);
}

export async function findPostByCode(code: string): Promise<Post | null> {
  for (const p of (await allPostsRecent()).values()) if (p.code === code) return p;
  return null;
}

/** Active posts by code, from the same snapshot (the live board reads them on every change). */
export async function findActivePosts(): Promise<Post[]> {
  return [...(await allPostsRecent()).values()].filter((p) => p.active).sort((a, b) => a.code.localeCompare(b.code));
}
