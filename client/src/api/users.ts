import type { CreateUserBody, UpdateUserBody, UserAccount } from '../../../api/src/contracts/users';
import { http, type Query } from './http';

export type * from '../../../api/src/contracts/users';

export const usersApi = {
  list: (query: Query = {}) => http.get<UserAccount[]>('/api/users', query),
  create: (body: CreateUserBody) => http.post<UserAccount>('/api/users', body),
  update: (id: string, body: UpdateUserBody) => http.patch<UserAccount>(`/api/users/${id}`, body),
  resetPassword: (id: string, temporaryPassword: string) =>
    http.post<UserAccount>(`/api/users/${id}/reset-password`, { temporaryPassword }),
};
