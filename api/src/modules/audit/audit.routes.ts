import { auditQuery } from '../../contracts/audit';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { AuditService } from './audit.service';
import { auditPageSchema } from '../../contracts/responses/people';

export function auditRoutes(audit: AuditService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      access: ['admin'],
      schemas: { response: auditPageSchema, query: auditQuery },
      handler: ({ query }) => audit.list(query),
    }),
  ];
}
