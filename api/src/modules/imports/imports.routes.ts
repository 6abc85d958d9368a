import { importParams } from '../../contracts/imports';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { ImportsService } from './imports.service';
import { fileResponse } from '../../lib/responses';
import { importTemplate } from './imports.template';
import { importPreviewSchema, importResultSchema } from '../../contracts/responses/people';

const STAFF = ['admin', 'coordinator'] as const;
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function importRoutes(imports: ImportsService): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/lawyers/imports',
      access: STAFF,
      schemas: { response: importPreviewSchema },
      status: 201,
      upload: { field: 'file', maxBytes: MAX_UPLOAD_BYTES },
      handler: ({ actor, file }) => imports.preview(actor, file),
    }),
    defineRoute({
      method: 'get',
      path: '/lawyers/imports/template',
      access: STAFF,
      schemas: { response: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'an empty import workbook with the expected columns and an example row') },
      handler: async ({ res }) => {
        res
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .setHeader('Content-Disposition', `attachment; filename="lawyer-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('律师导入模板.xlsx')}`)
          .send(await importTemplate());
        return undefined;
      },
    }),
    defineRoute({ method: 'get', path: '/lawyers/imports/:id', access: STAFF, schemas: { response: importPreviewSchema, params: importParams }, handler: ({ params }) => imports.get(params.id) }),
    defineRoute({
      method: 'post',
      path: '/lawyers/imports/:id/confirm',
      access: STAFF,
      schemas: { response: importResultSchema, params: importParams },
      handler: ({ actor, params }) => imports.confirm(actor, params.id),
    }),
  ];
}
