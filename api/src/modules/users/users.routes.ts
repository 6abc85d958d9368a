import type { RequestHandler } from 'express';
import { changePasswordBody, loginBody } from '../../contracts/auth';
import { idParams } from '../../contracts/common';
import { createUserBody, resetPasswordBody, updateUserBody, usersQuery } from '../../contracts/users';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../lib/auth';
import { passwordChangeLimit } from '../../lib/request-guards';
import { defineRoute, type AnyRoute } from '../../lib/route';
import { toCurrentUser, type AuthService } from './auth.service';
import type { UserRecord, UsersService } from './users.service';
import { currentUserSchema, loginResponseSchema, userAccountSchema } from '../../contracts/responses/people';
import { noContent } from '../../lib/responses';
import { z } from 'zod';

export function authRoutes(auth: AuthService, loginLimiter: RequestHandler): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      access: 'public',
      middleware: [loginLimiter],
      schemas: { response: loginResponseSchema, body: loginBody },
      async handler({ body, req, res }) {
        const { token, response } = await auth.login(body.username, body.password, {
          ip: req.ip ?? null,
          userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
        });
        setSessionCookie(req, res, token, new Date(response.session.expiresAt));
        return response;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      access: 'authenticated',
      schemas: { response: noContent },
      allowedDuringPasswordChange: true,
      status: 204,
      async handler({ req, res }) {
        const token = sessionToken(req);
        if (token) await auth.logout(token);
        clearSessionCookie(req, res);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      access: 'authenticated',
      schemas: { response: currentUserSchema },
      allowedDuringPasswordChange: true,
      handler: ({ res }) => toCurrentUser(res.locals.user as UserRecord),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/password',
      access: 'authenticated',
      middleware: [passwordChangeLimit()],
      allowedDuringPasswordChange: true,
      schemas: { response: noContent, body: changePasswordBody },
      status: 204,
      async handler({ body, actor, res }) {
        await auth.changePassword(actor, res.locals.sessionId as string, body.currentPassword, body.newPassword);
      },
    }),
  ];
}

export function userRoutes(users: UsersService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/users', access: ['admin'], schemas: { response: z.array(userAccountSchema), query: usersQuery }, handler: ({ query }) => users.list(query) }),
    defineRoute({
      method: 'post',
      path: '/users',
      access: ['admin'],
      status: 201,
      schemas: { response: userAccountSchema, body: createUserBody },
      handler: ({ actor, body }) => users.create(actor, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/users/:id',
      access: ['admin'],
      schemas: { response: userAccountSchema, params: idParams, body: updateUserBody },
      handler: ({ actor, params, body }) => users.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/users/:id/reset-password',
      access: ['admin'],
      schemas: { response: userAccountSchema, params: idParams, body: resetPasswordBody },
      handler: ({ actor, params, body }) => users.resetPassword(actor, params.id, body.temporaryPassword),
    }),
  ];
}
