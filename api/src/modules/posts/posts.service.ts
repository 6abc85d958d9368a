import type { CreatePostBody, Post, PostsQuery, UpdatePostBody } from '../../contracts/posts';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import { findPost, findPosts, insertPost, postCodeTaken, updatePost } from './posts.repository';

const codeTaken = () => new AppError('post_code_taken', 'Another post has this code', 409);

export function createPostsService(deps: { audit: AuditService }) {
  const { audit } = deps;

  async function get(id: string): Promise<Post> {
    const post = await findPost(id);
    if (!post) throw new AppError('post_not_found', 'No such post', 404);
    return post;
  }

  async function create(actor: Actor, body: CreatePostBody): Promise<Post> {
    if (await postCodeTaken(body.code)) throw codeTaken();
    let post: Post;
    try {
      post = await insertPost(body);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw codeTaken();
      throw err;
    }
    await audit.record(actor, { action: 'post.create', entityType: 'post', entityId: post.id, after: post });
    return post;
  }

  async function update(actor: Actor, id: string, body: UpdatePostBody | { active: boolean }, action = 'post.update'): Promise<Post> {
    const before = await get(id);
    if ('code' in body && body.code && (await postCodeTaken(body.code, id))) throw codeTaken();
    const after = await updatePost(id, body);
    if (!after) throw new AppError('post_not_found', 'No such post', 404);
    await audit.record(actor, { action, entityType: 'post', entityId: id, before, after });
    return after;
  }

  return {
    list: (q: PostsQuery) => findPosts(q),
    get,
    create,
    update: (actor: Actor, id: string, body: UpdatePostBody) => update(actor, id, body),
    /** Posts are never deleted: history (rotas, duties) points at them. */
    setActive: (actor: Actor, id: string, active: boolean) => update(actor, id, { active }, active ? 'post.activate' : 'post.deactivate'),
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
