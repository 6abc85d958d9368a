import express from 'express';
import { z } from 'zod';
import { mountRoutes, defineRoute, type AnyRoute } from '../../../api/src/lib/route';
import { errorHandler } from '../../../api/src/lib/errors';
import { openApiPath } from '../../../api/src/lib/openapi';
import { listen } from '../../support/app';
import { useTestDatabase } from '../../support/db';
import { useApp } from '../../support/zhiban';

useTestDatabase();
const app = useApp();

function registry(): readonly AnyRoute[] {
  return app.app().locals.routeRegistry!.routes;
}

describe('the route table and its OpenAPI document', () => {
  it('when the app is built, then every route declares the schema of its answer', () => {
    const missing = registry()
      .filter((r) => !r.schemas?.response)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('when /api/openapi.json is fetched, then it is an OpenAPI 3.1 document with every operation, its roles, success and error answers', async () => {
    const res = await fetch(`${app.url()}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-roles': string[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; security: unknown[] }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(['session', 'kioskToken']));
    expect(doc.components.schemas.ApiError).toBeDefined();
    for (const route of registry()) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method];
      expect({ route: `${route.method} ${route.path}`, found: Boolean(op) }).toEqual({ route: `${route.method} ${route.path}`, found: true });
      const roles = route.access === 'public' ? ['public'] : route.access === 'authenticated' ? ['admin', 'coordinator', 'lawyer', 'hotline'] : [...route.access];
      expect(op!['x-roles']).toEqual(roles);
      const success = Object.keys(op!.responses).filter((s) => /^2\d\d$/.test(s));
      expect(success).toHaveLength(1);
      expect(op!.responses.default!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ApiError' });
      if (route.access !== 'public') expect(op!.responses['401']).toBeDefined();
    }
    expect(doc.paths['/api/health']?.get).toBeDefined();
    // A response schema made it into the document, not just a placeholder.
    expect(JSON.stringify(doc.paths['/api/posts/{id}']!.get!.responses['200'])).toContain('#/components/schemas/Post');
    expect(JSON.stringify(doc.paths['/api/lawyers/export']!.get!.responses['200']!.content)).toContain('spreadsheetml');
  });

  it('when /api/docs is opened, then the reference page loads with a nonce its CSP allows and points at the document', async () => {
    const res = await fetch(`${app.url()}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain('/api/openapi.json');
    // The app's own pages keep the strict policy.
    const other = await fetch(`${app.url()}/api/health`);
    expect(other.headers.get('content-security-policy')).not.toContain('cdn.jsdelivr.net');
  });
});

describe('answers are checked against their schema in tests', () => {
  it('when a handler answers something its response schema does not allow, then 500 response_contract_violated names the field', async () => {
    const router = express.Router();
    const routes = [
      defineRoute({ method: 'get', path: '/good', access: 'public', schemas: { response: z.object({ n: z.number() }) }, handler: () => ({ n: 1 }) }),
      defineRoute({ method: 'get', path: '/bad', access: 'public', schemas: { response: z.object({ n: z.number() }) }, handler: () => ({ n: 'one' }) }),
    ];
    mountRoutes(router, routes, () => (_req, _res, next) => next(), { checkResponses: true });
    const server = await listen(express().use(router).use(errorHandler));
    try {
      expect(await (await fetch(`${server.url}/good`)).json()).toEqual({ n: 1 });
      const bad = await fetch(`${server.url}/bad`);
      expect(bad.status).toBe(500);
      const body = (await bad.json()) as { error: { code: string; details: { path: string }[] } };
      expect(body.error.code).toBe('response_contract_violated');
      expect(body.error.details[0]!.path).toBe('n');
    } finally {
      await server.close();
    }
  });
});
