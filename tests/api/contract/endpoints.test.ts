import { z } from 'zod';
import { ENDPOINTS, noContent as catalogueNoContent, type EndpointSpec } from '../../../api/src/contracts/endpoints';
import type { AnyRoute } from '../../../api/src/lib/route';
import { noContent, responseMediaType } from '../../../api/src/lib/responses';
import { useTestDatabase } from '../../support/db';
import { useApp } from '../../support/zhiban';

useTestDatabase();
const app = useApp();

/** Mounted before the route table (its 503 carries a body), so it is not in the registry. */
const OUTSIDE_REGISTRY = ['GET /health'];

const catalogue = ENDPOINTS as Record<string, EndpointSpec>;
const keyOf = (r: AnyRoute) => `${r.method.toUpperCase()} ${r.path}`;
function routes(): readonly AnyRoute[] {
  return app.app().locals.routeRegistry!.routes;
}

/** A schema's JSON Schema, as the client would send (`input`) or receive (`output`) it. */
function shape(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

describe('the endpoint catalogue the client calls through', () => {
  it('when the app is built, then the catalogue names exactly the operations of the route table', async () => {
    const served = routes().map(keyOf).sort();
    const named = Object.keys(catalogue)
      .filter((k) => !OUTSIDE_REGISTRY.includes(k))
      .sort();
    expect({ missingFromCatalogue: served.filter((k) => !named.includes(k)), notServed: named.filter((k) => !served.includes(k)) }).toEqual({
      missingFromCatalogue: [],
      notServed: [],
    });
    // The one operation mounted outside the table answers too.
    expect((await fetch(`${app.url()}/api/health`)).status).toBe(200);
  });

  it('when an operation takes a query or a body, then the catalogue states the same schema as its route', () => {
    const mismatches: string[] = [];
    for (const route of routes()) {
      const key = keyOf(route);
      const spec = catalogue[key]!;
      for (const part of ['query', 'body'] as const) {
        const served = route.schemas?.[part];
        const named = spec[part];
        if (!served !== !named) mismatches.push(`${key}: ${part} ${served ? 'missing from the catalogue' : 'not taken by the route'}`);
        else if (served && named && JSON.stringify(shape(served, 'input')) !== JSON.stringify(shape(named, 'input'))) mismatches.push(`${key}: ${part} differs`);
      }
      if (Boolean(route.upload) !== Boolean(spec.upload) || (route.upload && route.upload.field !== spec.upload)) mismatches.push(`${key}: upload differs`);
    }
    expect(mismatches).toEqual([]);
  });

  it('when an operation answers, then the catalogue states the same answer: schema, file, or no content', () => {
    const mismatches: string[] = [];
    const typedOnly: string[] = [];
    for (const route of routes()) {
      const key = keyOf(route);
      const served = route.schemas!.response!;
      const named = catalogue[key]!.response;
      const mediaType = responseMediaType(served);
      if (mediaType) {
        if (!('file' in named) || named.file !== mediaType) mismatches.push(`${key}: a ${mediaType} file`);
      } else if (served === noContent) {
        if (named !== catalogueNoContent) mismatches.push(`${key}: no content`);
      } else if ('typed' in named) {
        typedOnly.push(key);
      } else if (!(named instanceof z.ZodType) || JSON.stringify(shape(served, 'output')) !== JSON.stringify(shape(named, 'output'))) {
        mismatches.push(`${key}: answer differs`);
      }
    }
    expect(mismatches).toEqual([]);
    // Answers stated by contract type only: their schemas sit beside the routes of their area.
    expect(typedOnly.every((k) => / \/(records|fast-track|stats|subsidy|lawyers\/:id\/duty-history|openapi\.json)/.test(k))).toBe(true);
  });
});
