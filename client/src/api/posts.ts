import { call, type BodyOf, type QueryOf } from './call';

export type * from '../../../api/src/contracts/posts';

export const postsApi = {
  list: (query: QueryOf<'GET /posts'> = {}) => call('GET /posts', { query }),
  get: (id: string) => call('GET /posts/:id', { params: { id } }),
  create: (body: BodyOf<'POST /posts'>) => call('POST /posts', { body }),
  update: (id: string, body: BodyOf<'PATCH /posts/:id'>) => call('PATCH /posts/:id', { params: { id }, body }),
  deactivate: (id: string) => call('POST /posts/:id/deactivate', { params: { id } }),
  activate: (id: string) => call('POST /posts/:id/activate', { params: { id } }),
};
