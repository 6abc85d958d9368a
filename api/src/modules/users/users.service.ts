import type { Role } from '../../contracts/common';
import type { CreateUserBody, UpdateUserBody, UserAccount, UsersQuery } from '../../contracts/users';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { hashPassword } from '../../lib/passwords';
import type { AuditService } from '../audit/audit.service';
import {
  deleteUserSessions,
  findUserById,
  findUserByUsername,
  findUsers,
  insertUser,
  savePasswordHash,
  toAccount,
  updateUser,
  type UserRecord,
} from './users.repository';
import type { SessionsEnded } from './auth.service';

export type { UserRecord };

export interface UsersDeps {
  clock: Clock;
  audit: AuditService;
  /** Whether a lawyer dossier exists (lawyer accounts must point at one). */
  lawyerExists(id: string): Promise<boolean>;
  /** Told when a user's sessions end (deactivation, role change, password reset). */
  onSessionsEnded?: (end: SessionsEnded) => void;
}

export function createUsersService(deps: UsersDeps) {
  const { clock, audit } = deps;

  async function checkLawyerLink(role: Role, lawyerId: string | null | undefined): Promise<void> {
    if (role === 'lawyer' && !lawyerId) {
      throw new AppError('lawyer_account_requires_lawyer', 'A lawyer account must be linked to a lawyer', 409);
    }
    if (lawyerId && !(await deps.lawyerExists(lawyerId))) throw new AppError('lawyer_not_found', 'No such lawyer', 404);
  }

  async function list(q: UsersQuery): Promise<UserAccount[]> {
    return (await findUsers(q)).map(toAccount);
  }

  async function create(actor: Actor, body: CreateUserBody): Promise<UserAccount> {
    await checkLawyerLink(body.role, body.lawyerId);
    if (await findUserByUsername(body.username)) throw new AppError('username_taken', 'This username is taken', 409);
    const lawyerId = body.role === 'lawyer' ? (body.lawyerId ?? null) : null;
    // Hash first: if hashing failed after the insert, the account would exist without a password.
    const hash = await hashPassword(body.temporaryPassword);
    const user = await insertUser({
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      lawyerId,
      active: true,
      mustChangePassword: true,
    });
    await savePasswordHash(user.id, hash, clock.now());
    await audit.record(actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: toAccount(user) });
    return toAccount(user);
  }

  async function update(actor: Actor, id: string, body: UpdateUserBody): Promise<UserAccount> {
    const before = await findUserById(id);
    if (!before) throw new AppError('user_not_found', 'No such user', 404);
    if (id === actor.userId && (body.active === false || (body.role && body.role !== before.role))) {
      throw new AppError('cannot_deactivate_self', 'You cannot deactivate yourself or change your own role', 409);
    }
    const role = body.role ?? before.role;
    const lawyerId = role === 'lawyer' ? (body.lawyerId !== undefined ? body.lawyerId : before.lawyerId) : null;
    await checkLawyerLink(role, lawyerId);
    const after = await updateUser(id, { ...body, lawyerId });
    if (!after) throw new AppError('user_not_found', 'No such user', 404);
    if (body.active === false || role !== before.role) {
      await deleteUserSessions(id);
      deps.onSessionsEnded?.({ userId: id, reason: body.active === false ? 'deactivated' : 'role_changed' });
    }
    await audit.record(actor, { action: 'user.update', entityType: 'user', entityId: id, before: toAccount(before), after: toAccount(after) });
    return toAccount(after);
  }

  /** Sets a temporary password, ends the user's sessions and forces a change at next login. */
  async function resetPassword(actor: Actor, id: string, temporaryPassword: string): Promise<UserAccount> {
    const before = await findUserById(id);
    if (!before) throw new AppError('user_not_found', 'No such user', 404);
    await savePasswordHash(id, await hashPassword(temporaryPassword), clock.now());
    const after = await updateUser(id, { mustChangePassword: true });
    await deleteUserSessions(id);
    deps.onSessionsEnded?.({ userId: id, reason: 'password_reset' });
    await audit.record(actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      before: { mustChangePassword: before.mustChangePassword },
      after: { mustChangePassword: true },
    });
    return toAccount(after ?? before);
  }

  return { list, create, update, resetPassword };
}

export type UsersService = ReturnType<typeof createUsersService>;
