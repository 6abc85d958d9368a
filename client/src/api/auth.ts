import type { ChangePasswordBody, CurrentUser, LoginResponse } from '../../../api/src/contracts/auth';
import type { Role } from '../../../api/src/contracts/common';
import { http } from './http';

export type { Role, CurrentUser };

export const authApi = {
  me: () => http.get<CurrentUser>('/api/auth/me'),
  login: (username: string, password: string) => http.post<LoginResponse>('/api/auth/login', { username, password }),
  logout: () => http.post<void>('/api/auth/logout'),
  changePassword: (body: ChangePasswordBody) => http.post<void>('/api/auth/password', body),
};
