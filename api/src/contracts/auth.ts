/**
 * Sign-in and the current session. Pure: imports only zod.
 *
 * Routes
 *   POST /api/auth/login     body LoginBody          → LoginResponse (sets httpOnly cookie `zhiban_session`)   public
 *   POST /api/auth/logout                            → 204 (clears the cookie)                                  authenticated
 *   GET  /api/auth/me                                → CurrentUser                                              authenticated
 *   POST /api/auth/password  body ChangePasswordBody → 204 (other sessions of the user are ended)              authenticated
 *
 * Sessions expire after `idle` minutes without requests or `absolute` hours after login,
 * whichever is first: the API then answers 401 `session_expired`.
 * While `mustChangePassword` is true, every route except these four answers 403
 * `password_change_required`.
 * Login failures: 401 `invalid_credentials` (same for unknown user, wrong password or
 * inactive account); after 10 failures per IP+username in 15 minutes, 429
 * `too_many_login_attempts` with `details.retryAfterSeconds`.
 */
import { z } from 'zod';
import type { Instant, Role } from './common';

export const SESSION_COOKIE = 'zhiban_session';
export const PASSWORD_MIN_LENGTH = 10;

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

/** At least 10 characters with letters and digits (or other characters). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256)
  .refine((p) => /[A-Za-z\u4e00-\u9fff]/.test(p) && /[^A-Za-z\u4e00-\u9fff]/.test(p), 'must mix letters with digits or symbols');

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for lawyer accounts: their dossier is GET /api/lawyers/:lawyerId. */
  lawyerId: string | null;
  mustChangePassword: boolean;
}

export interface LoginResponse {
  user: CurrentUser;
  session: { expiresAt: Instant; idleTimeoutMinutes: number };
}
