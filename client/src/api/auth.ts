import type { CurrentUser } from '../../../api/src/contracts/auth';
import type { Role } from '../../../api/src/contracts/common';
import { call, type BodyOf } from './call';

export type { Role, CurrentUser };

export const authApi = {
  me: () => call('GET /auth/me'),
  login: (username: string, password: string) => call('POST /auth/login', { body: { username, password } }),
  logout: () => call('POST /auth/logout'),
  changePassword: (body: BodyOf<'POST /auth/password'>) => call('POST /auth/password', { body }),
};
