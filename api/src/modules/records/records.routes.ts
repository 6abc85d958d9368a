import type { Response } from 'express';
import { STAFF_ROLES, idParams } from '../../contracts/common';
import {
  MAX_DOCUMENT_BYTES,
  fastTrackBody,
  fastTrackQuery,
  historyQuery,
  monthParams,
  periodQuery,
  recordBody,
  recordIdParams,
  recordsSettingsBody,
  staffRecordsQuery,
  staffRecordsQueryForm,
  subsidyRatesBody,
} from '../../contracts/records';
import { AppError } from '../../lib/errors';
import { fileResponse } from '../../lib/responses';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { FastTrackService } from './fasttrack.service';
import type { HistoryService } from './history.service';
import { statsWorkbook, subsidyWorkbook } from './records.export';
import * as schema from './records.schemas';
import type { RecordsService } from './records.service';
import type { StatsService } from './stats.service';
import type { SubsidyService } from './subsidy.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(res: Response, file: Buffer, ascii: string, name: string) {
  res.status(200).type(XLSX).setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(file);
}

export interface RecordsArea {
  records: RecordsService;
  fastTrack: FastTrackService;
  stats: StatsService;
  subsidy: SubsidyService;
  history: HistoryService;
}

export function recordRoutes(area: RecordsArea): AnyRoute[] {
  const { records, fastTrack, stats, subsidy, history } = area;
  return [
    defineRoute({
      method: 'post',
      path: '/records',
      access: ['lawyer'],
      schemas: { body: recordBody, response: schema.dutyRecordResponse },
      async handler({ actor, body, res }) {
        const r = await records.create(actor, body);
        res.status(r.replayed ? 200 : 201).json(r);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/records/mine',
      access: ['lawyer'],
      schemas: { query: periodQuery, response: schema.dutyRecordsResponse },
      handler: ({ actor, query }) => records.mine(actor, query.from, query.to),
    }),
    defineRoute({
      method: 'get',
      path: '/records/mine/duties',
      access: ['lawyer'],
      schemas: { response: schema.recordableDutiesResponse },
      handler: ({ actor }) => records.recordableDuties(actor),
    }),
    defineRoute({
      method: 'get',
      path: '/records/mine/history',
      access: ['lawyer'],
      schemas: { query: historyQuery, response: schema.dutyHistoryResponse },
      handler: ({ actor, query }) => {
        if (!actor.lawyerId) throw new AppError('forbidden', 'This account is not linked to a lawyer', 403);
        return history.history(actor.lawyerId, query.year);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/records/settings',
      access: STAFF_ROLES,
      schemas: { response: schema.recordsSettingsResponse },
      handler: () => records.settings(),
    }),
    defineRoute({
      method: 'put',
      path: '/records/settings',
      access: STAFF_ROLES,
      schemas: { body: recordsSettingsBody, response: schema.recordsSettingsResponse },
      handler: ({ actor, body }) => records.updateSettings(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/records',
      access: STAFF_ROLES,
      schemas: { query: staffRecordsQuery, response: schema.dutyRecordsResponse },
      handler: ({ query }) => records.list(staffRecordsQueryForm(query)),
    }),
    defineRoute({
      method: 'get',
      path: '/records/:id',
      access: ['lawyer', ...STAFF_ROLES],
      schemas: { params: recordIdParams, response: schema.dutyRecordResponse },
      handler: ({ actor, params }) => records.get(actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/records/:id/forwarded',
      access: ['lawyer'],
      schemas: { params: recordIdParams, response: schema.dutyRecordResponse },
      handler: ({ actor, params }) => records.markForwarded(actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/records/:id/document',
      access: ['lawyer'],
      upload: { field: 'file', maxBytes: MAX_DOCUMENT_BYTES },
      schemas: { params: recordIdParams, response: schema.dutyRecordResponse },
      handler: ({ actor, params, file }) => records.attachDocument(actor, params.id, file),
    }),
    defineRoute({
      method: 'get',
      path: '/records/:id/document',
      access: ['lawyer', ...STAFF_ROLES],
      schemas: { params: recordIdParams, response: fileResponse('application/octet-stream', 'the legal opinion document as uploaded (its own media type)') },
      async handler({ actor, params, res }) {
        const file = await records.documentOf(actor, params.id);
        res
          .status(200)
          .type(file.contentType)
          .setHeader('Content-Disposition', `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.data);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/fast-track',
      access: ['lawyer', ...STAFF_ROLES],
      schemas: { body: fastTrackBody, response: schema.fastTrackResponse },
      async handler({ actor, body, res }) {
        const c = await fastTrack.register(actor, body);
        res.status(c.replayed ? 200 : 201).json(c);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/fast-track/mine',
      access: ['lawyer'],
      schemas: { response: schema.fastTrackListResponse },
      handler: ({ actor }) => fastTrack.mine(actor),
    }),
    defineRoute({
      method: 'get',
      path: '/fast-track',
      access: STAFF_ROLES,
      schemas: { query: fastTrackQuery, response: schema.fastTrackListResponse },
      handler: ({ query }) => fastTrack.list(query.open === undefined ? undefined : query.open === 'true'),
    }),
    defineRoute({
      method: 'get',
      path: '/stats/summary',
      access: STAFF_ROLES,
      schemas: { query: periodQuery, response: schema.statsSummaryResponse },
      handler: ({ query }) => stats.summary(query.from, query.to),
    }),
    defineRoute({
      method: 'get',
      path: '/stats/breakdown',
      access: STAFF_ROLES,
      schemas: { query: periodQuery, response: schema.statsBreakdownResponse },
      handler: ({ query }) => stats.breakdown(query.from, query.to),
    }),
    defineRoute({
      method: 'get',
      path: '/stats/export',
      access: STAFF_ROLES,
      schemas: { query: periodQuery, response: fileResponse(XLSX, 'the statistics workbook') },
      async handler({ query, res }) {
        const [s, b] = await Promise.all([stats.summary(query.from, query.to), stats.breakdown(query.from, query.to)]);
        sendWorkbook(res, await statsWorkbook(s, b), 'statistics.xlsx', `值班统计_${query.from}_${query.to}.xlsx`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/subsidy/rates',
      access: STAFF_ROLES,
      schemas: { response: schema.subsidyRatesResponse },
      handler: () => subsidy.rates(),
    }),
    defineRoute({
      method: 'put',
      path: '/subsidy/rates',
      access: STAFF_ROLES,
      schemas: { body: subsidyRatesBody, response: schema.subsidyRatesResponse },
      handler: ({ actor, body }) => subsidy.updateRates(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/subsidy/:month',
      access: STAFF_ROLES,
      schemas: { params: monthParams, response: schema.subsidyStatementResponse },
      handler: ({ params }) => subsidy.statement(params.month),
    }),
    defineRoute({
      method: 'post',
      path: '/subsidy/:month/lock',
      access: STAFF_ROLES,
      schemas: { params: monthParams, response: schema.subsidyStatementResponse },
      handler: ({ actor, params }) => subsidy.lock(actor, params.month),
    }),
    defineRoute({
      method: 'get',
      path: '/subsidy/:month/export',
      access: STAFF_ROLES,
      schemas: { params: monthParams, response: fileResponse(XLSX, "the month's subsidy statement in the finance office's layout") },
      async handler({ params, res }) {
        sendWorkbook(res, await subsidyWorkbook(await subsidy.statement(params.month)), `subsidy-${params.month}.xlsx`, `值班律师补贴_${params.month}.xlsx`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/lawyers/:id/duty-history',
      // Hotline staff open dossiers to answer callers: the duties, attendance and counts, no record's content.
      access: [...STAFF_ROLES, 'hotline'],
      schemas: { params: idParams, query: historyQuery, response: schema.dutyHistoryResponse },
      handler: ({ params, query }) => history.history(params.id, query.year),
    }),
  ];
}
