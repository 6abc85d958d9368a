import type { CreatePostBody, Post, UpdatePostBody } from '../../../api/src/contracts/posts';
import { http, type Query } from './http';

export type * from '../../../api/src/contracts/posts';

export const postsApi = {
  list: (query: Query = {}) => http.get<Post[]>('/api/posts', query),
  get: (id: string) => http.get<Post>(`/api/posts/${id}`),
  create: (body: CreatePostBody) => http.post<Post>('/api/posts', body),
  update: (id: string, body: UpdatePostBody) => http.patch<Post>(`/api/posts/${id}`, body),
  deactivate: (id: string) => http.post<Post>(`/api/posts/${id}/deactivate`),
  activate: (id: string) => http.post<Post>(`/api/posts/${id}/activate`),
};
