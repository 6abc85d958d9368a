import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { buildOpenApiDocument } from '../../lib/openapi';
import { defineRoute, type AnyRoute } from '../../lib/route';

const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** GET /api/openapi.json: the contract of every operation, built once from the route table. */
export function openApiRoutes(routes: () => readonly AnyRoute[], version: string): AnyRoute[] {
  let document: unknown;
  return [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      access: 'public',
      schemas: { response: openApiDocumentSchema },
      handler: () => (document ??= buildOpenApiDocument(routes(), { version })),
    }),
  ];
}

/** Scalar's reference viewer, loaded by the integrator's browser (the page @scalar/express-api-reference renders). */
const SCALAR_BUNDLE = 'https://cdn.jsdelivr.net/npm/@scalar/api-reference';

function referencePage(nonce: string): string {
  const config = JSON.stringify({ url: '/api/openapi.json', _integration: 'express' });
  return `<!doctype html>
<html>
  <head>
    <title>zhiban API</title>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta property="csp-nonce" content="${nonce}" />
  </head>
  <body>
    <noscript>The machine-readable contract is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script src="${SCALAR_BUNDLE}" nonce="${nonce}"></script>
    <script nonce="${nonce}">Scalar.createApiReference('#app', ${config})</script>
  </body>
</html>`;
}

/**
 * GET /api/docs: a reference page for integrators (Scalar), reading /api/openapi.json. The
 * viewer's script comes from Scalar's CDN, so this page alone gets a CSP that allows it and
 * the page's inline start-up script, by a per-response nonce. (The page is written here
 * rather than by @scalar/express-api-reference, an ES-module-only package the CommonJS test
 * runner cannot load; the markup is the same.)
 */
export function docsPage(): Router {
  const router = Router();
  router.get('/docs', (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' https://cdn.jsdelivr.net`,
        `style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.scalar.com`,
        "font-src 'self' data: https://cdn.jsdelivr.net https://fonts.scalar.com",
        "img-src 'self' data: blob: https:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
      ].join('; '),
    );
    res.type('text/html').send(referencePage(nonce));
  });
  return router;
}
