// Response bodies are asserted field by field in the tests; an `any` body keeps them readable.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Express } from 'express';
import type { Role } from '../../api/src/contracts/common';
import type { CreateLawyerBody } from '../../api/src/contracts/lawyers';
import type { Clock } from '../../api/src/lib/clock';
import { hashPassword } from '../../api/src/lib/passwords';
import { insertUser, savePasswordHash } from '../../api/src/modules/users/users.repository';
import { buildTestStack, listen, type Listening, type TestAppOptions, type TestStack } from './app';

/** A clock tests move by hand. */
export function manualClock(start: string | Date): Clock & { set(d: string | Date): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export const TEST_PASSWORD = 'correct-horse-42';

/** Creates an account straight in the database (no audit entry), active, password TEST_PASSWORD. */
export async function createAccount(username: string, role: Role, opts: { lawyerId?: string; mustChangePassword?: boolean; password?: string } = {}) {
  const user = await insertUser({
    username,
    displayName: username,
    role,
    lawyerId: opts.lawyerId ?? null,
    active: true,
    mustChangePassword: opts.mustChangePassword ?? false,
  });
  await savePasswordHash(user.id, await hashPassword(opts.password ?? TEST_PASSWORD), new Date());
  return user;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client that keeps one session cookie, like a browser tab. */
export class Client {
  cookie: string | undefined;
  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}/api${path}`, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const first = setCookie.split(';')[0]!;
      const value = first.slice(first.indexOf('=') + 1);
      this.cookie = value ? first : undefined;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : type.includes('sheet') ? Buffer.from(await res.arrayBuffer()) : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async login(username: string, password = TEST_PASSWORD): Promise<Reply> {
    return this.post('/auth/login', { username, password });
  }
}

/** Starts the real app; returns its URL and a way to make signed-in clients. */
export function useApp(overrides: () => TestAppOptions = () => ({})) {
  const state: { server?: Listening; url: string; stack?: TestStack } = { url: '' };
  beforeAll(async () => {
    state.stack = buildTestStack(overrides());
    state.server = await listen(state.stack.app);
    state.url = state.server.url;
  });
  afterAll(async () => {
    await state.server?.close();
  });
  return {
    url: () => state.url,
    app: (): Express => state.stack!.app,
    /** The services the app was built over (tests drive jobs and read state through them). */
    services: () => state.stack!.services,
    client: () => new Client(state.url),
    async as(username: string, password = TEST_PASSWORD): Promise<Client> {
      const c = new Client(state.url);
      const r = await c.login(username, password);
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return c;
    },
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A checksum-valid fictional ID number for a birth date and sequence. */
export function idNumberFor(birth: string, seq: number): string {
  const body = `320102${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11];
}

export function licenceFor(n: number): string {
  return `1320120${String(n).padStart(10, '0')}`;
}

/** A lawyer who passes every rule on 2026-06-01. */
export function eligibleLawyer(n: number, over: Partial<CreateLawyerBody> = {}): CreateLawyerBody {
  return {
    name: `测试律师${n}`,
    gender: n % 2 ? 'female' : 'male',
    licenceNumber: licenceFor(n),
    firm: '江苏测试律师事务所',
    licensedSince: '2015-03-01',
    criminalCases: 20,
    phone: `138${String(n).padStart(8, '0')}`,
    idNumber: idNumberFor('1985-05-12', n),
    districts: ['玄武区'],
    postKinds: ['detention_centre'],
    assessments: [
      { year: 2024, grade: '称职' },
      { year: 2025, grade: '优秀' },
    ],
    attestation: { attested: true, attestedBy: '玄武区司法局', attestedOn: '2025-12-01' },
    ...over,
  };
}
