import { idParams } from '../../contracts/common';
import { createPostBody, postsQuery, updatePostBody } from '../../contracts/posts';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { PostsService } from './posts.service';
import { postSchema } from '../../contracts/responses/places';
import { z } from 'zod';

const STAFF = ['admin', 'coordinator'] as const;

export function postRoutes(posts: PostsService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/posts', access: 'authenticated', schemas: { response: z.array(postSchema), query: postsQuery }, handler: ({ query }) => posts.list(query) }),
    defineRoute({ method: 'get', path: '/posts/:id', access: 'authenticated', schemas: { response: postSchema, params: idParams }, handler: ({ params }) => posts.get(params.id) }),
    defineRoute({
      method: 'post',
      path: '/posts',
      access: STAFF,
      status: 201,
      schemas: { response: postSchema, body: createPostBody },
      handler: ({ actor, body }) => posts.create(actor, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/posts/:id',
      access: STAFF,
      schemas: { response: postSchema, params: idParams, body: updatePostBody },
      handler: ({ actor, params, body }) => posts.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/posts/:id/deactivate',
      access: STAFF,
      schemas: { response: postSchema, params: idParams },
      handler: ({ actor, params }) => posts.setActive(actor, params.id, false),
    }),
    defineRoute({
      method: 'post',
      path: '/posts/:id/activate',
      access: STAFF,
      schemas: { response: postSchema, params: idParams },
      handler: ({ actor, params }) => posts.setActive(actor, params.id, true),
    }),
  ];
}
