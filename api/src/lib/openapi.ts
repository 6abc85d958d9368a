import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from 'zod';
import { SESSION_COOKIE } from '../contracts/auth';
import { ROLES } from '../contracts/common';
import { apiErrorSchema, noContent, responseMediaType } from './responses';
import type { AnyRoute } from './route';

export interface OpenApiInfo {
  version: string;
}

/** Operations served outside the route table, documented alongside it. */
const healthOperation: ZodOpenApiOperationObject = {
  operationId: 'getHealth',
  tags: ['health'],
  summary: 'Liveness and database health',
  security: [],
  'x-roles': ['public'],
  responses: {
    '200': { description: 'The server and its database answer', content: { 'application/json': { schema: healthSchema() } } },
    '503': { description: 'The database does not answer', content: { 'application/json': { schema: healthSchema() } } },
  },
} as ZodOpenApiOperationObject;

function healthSchema() {
  return z.object({
    status: z.enum(['ok', 'degraded']),
    db: z.object({ ok: z.boolean(), mode: z.enum(['embedded', 'external']), name: z.string().optional(), server: z.string().optional(), latencyMs: z.number().optional(), error: z.string().optional() }),
    version: z.string(),
    demo: z.object({ state: z.enum(['seeding', 'done', 'failed']), phase: z.enum(['rotas', 'checkins', 'attendance', 'records']), percent: z.number().int().min(0).max(100) }).optional(),
  });
}

/** `/lawyers/:id` → `/api/lawyers/{id}` */
export function openApiPath(path: string): string {
  return `/api${path.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`;
}

function operationId(route: AnyRoute): string {
  const words = route.path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [route.method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

function rolesOf(route: AnyRoute): string[] {
  if (route.access === 'public') return ['public'];
  if (route.access === 'authenticated') return [...ROLES];
  return [...route.access];
}

const errorContent = { 'application/json': { schema: apiErrorSchema } };

function errorResponses(route: AnyRoute): ZodOpenApiResponsesObject {
  const s = route.schemas ?? {};
  const out: ZodOpenApiResponsesObject = {};
  if (s.params || s.query || s.body || route.upload) out['400'] = { description: 'validation_failed (details: the issues) or another refusal of the input', content: errorContent };
  if (route.access !== 'public') {
    out['401'] = { description: 'unauthenticated or session_expired', content: errorContent };
    out['403'] = { description: 'forbidden (role), password_change_required or origin_refused', content: errorContent };
  }
  if (route.path.includes(':')) out['404'] = { description: 'the named record does not exist', content: errorContent };
  if (route.method !== 'get') out['409'] = { description: 'a conflict with the current state (stale revision, duplicate, wrong state)', content: errorContent };
  if (route.upload) out['413'] = { description: 'file_too_large', content: errorContent };
  if (route.middleware?.length) out['429'] = { description: 'too many attempts; wait and try again', content: errorContent };
  out.default = { description: 'any other error, in the same shape', content: errorContent };
  return out;
}

function successResponse(route: AnyRoute): ZodOpenApiResponsesObject {
  const status = String(route.status ?? 200);
  const schema = route.schemas?.response;
  if (!schema || schema === noContent || status === '204') return { [status === '200' ? '204' : status]: { description: 'Done; no content' } };
  const media = responseMediaType(schema) ?? 'application/json';
  return { [status]: { description: 'Success', content: { [media]: { schema } } } };
}

function operation(route: AnyRoute): ZodOpenApiOperationObject {
  const s = route.schemas ?? {};
  const roles = rolesOf(route);
  const isKiosk = route.path.startsWith('/kiosk/');
  const requestParams: ZodOpenApiOperationObject['requestParams'] = {};
  if (s.params) requestParams.path = s.params as never;
  if (s.query) requestParams.query = s.query as never;
  const op: ZodOpenApiOperationObject & Record<string, unknown> = {
    operationId: operationId(route),
    tags: [route.path.split('/')[1] ?? 'api'],
    summary: `${route.method.toUpperCase()} ${route.path}`,
    description: `Roles: ${roles.join(', ')}.${route.allowedDuringPasswordChange ? ' Reachable while the password must still be changed.' : ''}`,
    'x-roles': roles,
    security: route.access === 'public' ? (isKiosk ? [{ kioskToken: [] }] : []) : [{ session: [] }],
    requestParams,
    responses: { ...successResponse(route), ...errorResponses(route) },
  };
  if (s.body) op.requestBody = { content: { 'application/json': { schema: s.body } } };
  if (route.upload) {
    op.requestBody = {
      content: {
        'multipart/form-data': { schema: z.object({ [route.upload.field]: z.string().meta({ format: 'binary', description: `at most ${route.upload.maxBytes} bytes` }) }) },
      },
    };
  }
  return op;
}

/** The OpenAPI 3.1 document of the HTTP API, generated from the route table and its zod contracts. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], info: OpenApiInfo): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = { '/api/health': { get: healthOperation } };
  for (const route of routes) {
    const p = openApiPath(route.path);
    paths[p] = { ...(paths[p] ?? {}), [route.method]: operation(route) };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'zhiban (值班) API',
        version: info.version,
        description:
          'Duty-lawyer rosters for legal-aid centres. Sign in with POST /api/auth/login; the session is an httpOnly cookie. ' +
          'Each operation lists the roles that may call it (x-roles). Every error answers {"error":{"code","message","details?"}}.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' },
          kioskToken: { type: 'apiKey', in: 'header', name: 'X-Kiosk-Token', description: "A post's kiosk token (staff issue it)" },
        },
      },
      paths,
    },
    { allowEmptySchema: { custom: true, any: true, unknown: true, undefined: true } },
  );
}
