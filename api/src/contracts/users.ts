/**
 * Accounts (admin only). Pure: imports only zod.
 *
 * Routes
 *   GET   /api/users                      query UsersQuery       → UserAccount[]   admin
 *   POST  /api/users                      body CreateUserBody    → UserAccount     admin   (201; must change password at first login)
 *   PATCH /api/users/:id                  body UpdateUserBody    → UserAccount     admin   (deactivating ends the user's sessions)
 *   POST  /api/users/:id/reset-password   body ResetPasswordBody → UserAccount     admin   (ends sessions; forces a change at next login)
 *
 * Errors: 409 `username_taken`, 409 `lawyer_account_requires_lawyer` (role lawyer without lawyerId),
 * 404 `lawyer_not_found`, 409 `cannot_deactivate_self`.
 */
import { z } from 'zod';
import { newPasswordSchema } from './auth';
import { idSchema, roleSchema, type Instant, type Role } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash, underscore');

export const usersQuery = z.object({
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type UsersQuery = z.infer<typeof usersQuery>;

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64),
  role: roleSchema,
  lawyerId: idSchema.nullish(),
  temporaryPassword: newPasswordSchema,
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(64),
    role: roleSchema,
    lawyerId: idSchema.nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ temporaryPassword: newPasswordSchema });
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  lawyerId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Instant;
  updatedAt: Instant;
}
