import { call, type BodyOf, type QueryOf } from './call';

export type * from '../../../api/src/contracts/users';

export const usersApi = {
  list: (query: QueryOf<'GET /users'> = {}) => call('GET /users', { query }),
  create: (body: BodyOf<'POST /users'>) => call('POST /users', { body }),
  update: (id: string, body: BodyOf<'PATCH /users/:id'>) => call('PATCH /users/:id', { params: { id }, body }),
  resetPassword: (id: string, temporaryPassword: string) => call('POST /users/:id/reset-password', { params: { id }, body: { temporaryPassword } }),
};
