import { idParams } from '../../contracts/common';
import { previewBody, putPatternsBody } from '../../contracts/shifts';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { ShiftsService } from './shifts.service';
import { patternPreviewSchema, shiftPatternSchema } from '../../contracts/responses/places';
import { z } from 'zod';

const STAFF = ['admin', 'coordinator'] as const;

export function shiftRoutes(shifts: ShiftsService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/posts/:id/patterns', access: STAFF, schemas: { response: z.array(shiftPatternSchema), params: idParams }, handler: ({ params }) => shifts.list(params.id) }),
    defineRoute({
      method: 'put',
      path: '/posts/:id/patterns',
      access: STAFF,
      schemas: { response: z.array(shiftPatternSchema), params: idParams, body: putPatternsBody },
      handler: ({ actor, params, body }) => shifts.put(actor, params.id, body),
    }),
    defineRoute({ method: 'post', path: '/shift-patterns/preview', access: STAFF, schemas: { response: patternPreviewSchema, body: previewBody }, handler: ({ body }) => shifts.preview(body) }),
  ];
}
