import type { Post } from '../../contracts/posts';
import { findPost, findPosts } from './posts.repository';

/** Posts by id (in the order asked, unknown ids left out) and by code, for other areas. */
export async function findPostsByIds(ids: string[]): Promise<Post[]> {
  const all = await Promise.all([...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/i.test(id)).map((id) => findPost(id)));
  return all.filter((p): p is Post => p !== null);
}

export async function findPostByCode(code: string): Promise<Post | null> {
  const all = await findPosts({ active: 'all' });
  return all.find((p) => p.code === code) ?? null;
}
