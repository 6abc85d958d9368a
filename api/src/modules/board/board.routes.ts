import { z } from 'zod';
import { daySchema } from '../../contracts/common';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { BoardService } from './board.service';
import { dutyBoardSchema } from '../../contracts/responses/places';

export function boardRoutes(board: BoardService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/public/posts/:code/board',
      // Public by design: the duty board is posted at the station (值班公示).
      access: 'public',
      schemas: { response: dutyBoardSchema, params: z.object({ code: z.string().trim().min(1).max(40).transform((c) => c.toUpperCase()) }), query: z.object({ day: daySchema.optional() }) },
      handler: ({ params, query }) => board.board(params.code, query.day),
    }),
  ];
}
