import { idParams } from '../../contracts/common';
import { createDraftBody, dutiesQuery, editBody, publishBody, replanBody, rotasQuery } from '../../contracts/rotas';
import { AppError } from '../../lib/errors';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { RotasService } from './rotas.service';
import { exportRotaWorkbook } from './rotas.export';
import { calendarConflictsSchema, calendarRepairResultSchema, dutiesSchema, editCheckSchema, jobViewSchema, planningStartedSchema, publishStartedSchema, rotaDetailSchema, rotaSummariesSchema, rotaVersionsSchema } from '../../contracts/responses/rotas';
import { fileResponse } from '../../lib/responses';

const STAFF = ['admin', 'coordinator'] as const;
const mineQuery = dutiesQuery.omit({ lawyerId: true, postId: true });

export function rotaRoutes(rotas: RotasService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/rotas', access: STAFF, schemas: { response: rotaSummariesSchema, query: rotasQuery }, handler: ({ query }) => rotas.list(query) }),
    defineRoute({
      method: 'post',
      path: '/rotas/drafts',
      access: STAFF,
      status: 202,
      schemas: { response: planningStartedSchema, body: createDraftBody },
      handler: ({ actor, body }) => rotas.createDraft(actor, body),
    }),
    defineRoute({ method: 'get', path: '/rotas/calendar-conflicts', access: STAFF, schemas: { response: calendarConflictsSchema }, handler: () => rotas.calendarConflicts() }),
    defineRoute({
      method: 'post',
      path: '/rotas/:id/calendar-repair',
      access: STAFF,
      schemas: { response: calendarRepairResultSchema, params: idParams },
      handler: ({ actor, params }) => rotas.repairCalendar(actor, params.id),
    }),
    defineRoute({ method: 'get', path: '/rotas/:id', access: STAFF, schemas: { response: rotaDetailSchema, params: idParams }, handler: ({ params }) => rotas.get(params.id) }),
    defineRoute({
      method: 'post',
      path: '/rotas/:id/replan',
      access: STAFF,
      status: 202,
      schemas: { response: planningStartedSchema, params: idParams, body: replanBody },
      handler: ({ actor, params, body }) => rotas.replan(actor, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/rotas/:id/check',
      access: STAFF,
      schemas: { response: editCheckSchema, params: idParams, body: editBody },
      handler: ({ params, body }) => rotas.check(params.id, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/rotas/:id/assignments',
      access: STAFF,
      schemas: { response: rotaDetailSchema, params: idParams, body: editBody },
      handler: ({ actor, params, body }) => rotas.edit(actor, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/rotas/:id/publish',
      access: STAFF,
      status: 202,
      schemas: { response: publishStartedSchema, params: idParams, body: publishBody },
      handler: ({ actor, params, body }) => rotas.publish(actor, params.id, body),
    }),
    defineRoute({ method: 'get', path: '/rotas/:id/versions', access: STAFF, schemas: { response: rotaVersionsSchema, params: idParams }, handler: ({ params }) => rotas.versions(params.id) }),
    defineRoute({
      method: 'get',
      path: '/rotas/:id/export.xlsx',
      access: STAFF,
      schemas: { response: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'the rota as an Excel workbook'), params: idParams },
      handler: async ({ params, res }) => {
        const detail = await rotas.get(params.id);
        const buffer = await exportRotaWorkbook(detail);
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('Content-Disposition', `attachment; filename="rota-${detail.from}.xlsx"; filename*=UTF-8''${encodeURIComponent(`值班表-${detail.from}至${detail.to}.xlsx`)}`);
        res.send(buffer);
        return undefined;
      },
    }),
    defineRoute({ method: 'get', path: '/jobs/:id', access: STAFF, schemas: { response: jobViewSchema, params: idParams }, handler: ({ params }) => rotas.job(params.id) }),
    defineRoute({
      method: 'get',
      path: '/duties/mine',
      access: ['lawyer'],
      schemas: { response: dutiesSchema, query: mineQuery },
      handler: ({ actor, query }) => {
        if (!actor.lawyerId) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
        return rotas.duties({ ...query, lawyerId: actor.lawyerId });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/duties',
      access: ['admin', 'coordinator', 'hotline'],
      schemas: { response: dutiesSchema, query: dutiesQuery.refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] }) },
      handler: ({ query }) => rotas.duties(query),
    }),
  ];
}

