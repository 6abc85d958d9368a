import { createHash, randomBytes } from 'node:crypto';
import type { CurrentUser } from '../../contracts/auth';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { decoyHash, hashPassword, verifyPassword } from '../../lib/passwords';
import type { AuditService } from '../audit/audit.service';
import {
  deleteSession,
  deleteExpiredSessions,
  deleteSessionByTokenHash,
  deleteUserSessions,
  findPasswordHash,
  findSessionByTokenHash,
  findUserById,
  findUserByUsername,
  insertSession,
  savePasswordHash,
  touchSession,
  updateUser,
  type UserRecord,
} from './users.repository';

export interface SessionPolicy {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after login after which a session ends regardless of activity. */
  absoluteHours: number;
}

export interface ResolvedSession {
  user: UserRecord;
  sessionId: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toCurrentUser(u: UserRecord): CurrentUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, lawyerId: u.lawyerId, mustChangePassword: u.mustChangePassword };
}

// Writing lastSeenAt on every request would double the database load for nothing.
const TOUCH_AFTER_MS = 60_000;

/**
 * Sessions that just ended (or lost rights), for the realtime layer to close their sockets
 * at once: one session (`sessionId`), or every session of `userId` except `exceptSessionId`.
 */
export interface SessionsEnded {
  sessionId?: string;
  userId?: string;
  exceptSessionId?: string;
  reason: 'logout' | 'password_changed' | 'password_reset' | 'deactivated' | 'role_changed';
}

export function createAuthService(deps: { clock: Clock; policy: SessionPolicy; audit: AuditService; onSessionsEnded?: (end: SessionsEnded) => void }) {
  const { clock, policy, audit } = deps;

  async function login(username: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
    const user = await findUserByUsername(username);
    const hash = user ? await findPasswordHash(user.id) : null;
    const ok = await verifyPassword(hash ?? (await decoyHash()), password);
    if (!user || !hash || !ok || !user.active) {
      throw new AppError('invalid_credentials', 'Wrong username or password', 401);
    }
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3600_000);
    await deleteExpiredSessions(now, policy.idleMinutes * 60_000);
    await insertSession({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, ...meta });
    return {
      token,
      response: { user: toCurrentUser(user), session: { expiresAt: expiresAt.toISOString(), idleTimeoutMinutes: policy.idleMinutes } },
    };
  }

  /** The session a cookie token stands for, or an error code saying why there is none. */
  async function resolve(token: string): Promise<ResolvedSession | { error: 'unauthenticated' | 'session_expired' }> {
    const session = await findSessionByTokenHash(hashToken(token));
    if (!session) return { error: 'unauthenticated' };
    const now = clock.now().getTime();
    const idleDeadline = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
    if (now >= session.expiresAt.getTime() || now >= idleDeadline) {
      await deleteSession(session.id);
      return { error: 'session_expired' };
    }
    const user = await findUserById(session.userId);
    if (!user || !user.active) {
      await deleteSession(session.id);
      return { error: 'unauthenticated' };
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(session.id, new Date(now));
    return { user, sessionId: session.id };
  }

  async function logout(token: string): Promise<void> {
    const sessionId = hashToken(token);
    await deleteSessionByTokenHash(sessionId);
    deps.onSessionsEnded?.({ sessionId, reason: 'logout' });
  }

  async function changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string): Promise<CurrentUser> {
    const hash = await findPasswordHash(actor.userId);
    if (!hash || !(await verifyPassword(hash, currentPassword))) {
      throw new AppError('wrong_current_password', 'The current password is wrong', 400);
    }
    if (currentPassword === newPassword) {
      throw new AppError('password_unchanged', 'The new password must differ from the current one', 400);
    }
    const user = await findUserById(actor.userId);
    if (!user) throw new AppError('unauthenticated', 'Not signed in', 401);
    if (newPassword.toLowerCase().includes(user.username.toLowerCase())) {
      throw new AppError('password_contains_username', 'The password must not contain the username', 400);
    }
    await savePasswordHash(actor.userId, await hashPassword(newPassword), clock.now());
    const updated = user.mustChangePassword ? await updateUser(actor.userId, { mustChangePassword: false }) : user;
    await deleteUserSessions(actor.userId, sessionId);
    // Other sessions are gone; this one's sockets were held back while a change was required,
    // so they end too and the client reconnects with full rights.
    deps.onSessionsEnded?.({ userId: actor.userId, exceptSessionId: user.mustChangePassword ? undefined : sessionId, reason: 'password_changed' });
    await audit.record(actor, { action: 'user.password_change', entityType: 'user', entityId: actor.userId });
    return toCurrentUser(updated ?? user);
  }

  return { login, resolve, logout, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
