import path from 'node:path';
import cookieParser from 'cookie-parser';
import express from 'express';
import ts from 'typescript';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../api/src/contracts/auth';
import type { Actor } from '../../../api/src/lib/actor';
import { createGuard } from '../../../api/src/lib/auth';
import { errorHandler } from '../../../api/src/lib/errors';
import { defineRoute, mountRoutes } from '../../../api/src/lib/route';
import type { AuthService } from '../../../api/src/modules/users/auth.service';
import type { UserRecord } from '../../../api/src/modules/users/users.repository';
import { listen } from '../../support/app';

// A handler's `actor` follows its route's access: `Actor` where a session is required,
// `Actor | undefined` on a public route. The routes below are type-checked with the rest of
// the project (npm run typecheck), where an unused `@ts-expect-error` is itself an error.

const seen: { route: string; actor: Actor | undefined }[] = [];
const answer = z.object({ userId: z.string().nullable() });

const routes = [
  defineRoute({
    method: 'get',
    path: '/open',
    access: 'public',
    schemas: { response: answer },
    handler: ({ actor }) => {
      // @ts-expect-error a public route may be called anonymously: its actor can be missing
      const required: Actor = actor;
      void required;
      seen.push({ route: 'open', actor });
      return { userId: actor?.userId ?? null };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/mine',
    access: 'authenticated',
    schemas: { response: answer },
    handler: ({ actor }) => {
      const required: Actor = actor;
      seen.push({ route: 'mine', actor: required });
      return { userId: actor.userId };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/staff',
    access: ['admin', 'coordinator'],
    schemas: { response: answer },
    handler: ({ actor }) => {
      seen.push({ route: 'staff', actor });
      return { userId: actor.userId };
    },
  }),
];

const user: UserRecord = {
  id: 'u-1',
  username: 'coord',
  displayName: 'Coordinator',
  role: 'coordinator',
  lawyerId: null,
  active: true,
  mustChangePassword: false,
  createdAt: new Date('2026-03-02T01:00:00Z'),
  updatedAt: new Date('2026-03-02T01:00:00Z'),
};

/** Resolves one session token; anything else is unauthenticated. */
const auth = {
  resolve: (token: string) => Promise.resolve(token === 'live' ? { user, sessionId: 's-1' } : { error: 'unauthenticated' as const }),
} as unknown as AuthService;

async function serve(guard: Parameters<typeof mountRoutes>[2], fn: (get: (p: string, token?: string) => Promise<{ status: number; body: unknown }>) => Promise<void>) {
  const router = express.Router();
  mountRoutes(router, routes, guard, { checkResponses: true });
  const server = await listen(express().use(cookieParser()).use(router).use(errorHandler));
  const get = async (p: string, token?: string) => {
    const res = await fetch(`${server.url}${p}`, { headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {} });
    return { status: res.status, body: await res.json() };
  };
  try {
    await fn(get);
  } finally {
    await server.close();
  }
}

beforeEach(() => {
  seen.length = 0;
});

describe('the actor a route handler receives', () => {
  it('When a public route is called anonymously and signed in, then its handler sees no actor and the signed-in actor', async () => {
    await serve(createGuard(auth), async (get) => {
      expect(await get('/open')).toEqual({ status: 200, body: { userId: null } });
      expect(await get('/open', 'live')).toEqual({ status: 200, body: { userId: 'u-1' } });
    });
    expect(seen).toEqual([
      { route: 'open', actor: undefined },
      { route: 'open', actor: expect.objectContaining({ userId: 'u-1', role: 'coordinator' }) },
    ]);
  });

  it('When routes that require a session are called, then the guard answers 401 without one and the handler gets the actor with one', async () => {
    await serve(createGuard(auth), async (get) => {
      expect(await get('/mine')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
      expect(await get('/staff', 'stale')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
      expect(await get('/mine', 'live')).toEqual({ status: 200, body: { userId: 'u-1' } });
      expect(await get('/staff', 'live')).toEqual({ status: 200, body: { userId: 'u-1' } });
    });
    expect(seen.map((s) => [s.route, s.actor?.username])).toEqual([
      ['mine', 'coord'],
      ['staff', 'coord'],
    ]);
  });

  it('When a guard lets a route that requires a session through without an actor, then it answers 500 and the handler never runs', async () => {
    await serve(
      () => (_req, _res, next) => next(),
      async (get) => {
        expect(await get('/mine')).toEqual({ status: 500, body: { error: { code: 'internal', message: 'Internal server error' } } });
        expect(await get('/staff')).toEqual({ status: 500, body: { error: { code: 'internal', message: 'Internal server error' } } });
        expect(await get('/open')).toEqual({ status: 200, body: { userId: null } });
      },
    );
    expect(seen.map((s) => s.route)).toEqual(['open']);
  });
});

// The same rule shown failing: a route file that uses the actor of a public route as if it
// were there is rejected by the compiler, on exactly the lines marked `// error:`.
const fixture = `import { defineRoute } from '../../../api/src/lib/route';
import type { Actor } from '../../../api/src/lib/actor';

const use = (a: Actor) => a.userId;

export const routes = [
  defineRoute({
    method: 'get',
    path: '/public',
    access: 'public',
    handler: ({ actor }) => {
      const who: Actor = actor; // error: possibly undefined
      use(actor); // error: possibly undefined
      return { id: actor.userId, who }; // error: possibly undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/public-checked',
    access: 'public',
    handler: ({ actor }) => (actor ? use(actor) : null),
  }),
  defineRoute({
    method: 'get',
    path: '/signed-in',
    access: 'authenticated',
    handler: ({ actor }) => use(actor),
  }),
  defineRoute({
    method: 'post',
    path: '/staff',
    access: ['admin', 'coordinator'],
    handler: ({ actor }) => ({ id: actor.userId, lawyer: actor.lawyerId }),
  }),
];
`;

describe('the type of a handler\'s actor', () => {
  it('When a route file uses a public route\'s actor as non-null, then the compiler rejects exactly those lines', () => {
    const root = path.resolve(__dirname, '../../..');
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const file = path.join(__dirname, 'route-actor.fixture.ts');
    const host = ts.createCompilerHost(config!.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, fixture, lang) : getSourceFile(name, lang, ...rest));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
    const program = ts.createProgram({ rootNames: [file], options: { ...config!.options, types: [] }, host });
    const source = program.getSourceFile(file)!;
    const errors = ts.getPreEmitDiagnostics(program, source).map((d) => ({
      line: source.getLineAndCharacterOfPosition(d.start!).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
    const marked = fixture.split('\n').flatMap((line, i) => (line.includes('// error:') ? [i + 1] : []));
    expect(marked).toHaveLength(3);
    expect(errors.map((e) => e.line)).toEqual(marked);
    for (const e of errors) expect(e.message).toMatch(/undefined/);
  }, 120_000);
});
