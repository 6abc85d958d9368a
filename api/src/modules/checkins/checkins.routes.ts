import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { attendanceEventsQuery, checkinBody, checkinSettingsBody } from '../../contracts/checkins';
import { STAFF_ROLES, idParams } from '../../contracts/common';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { sharedRateLimit } from '../../lib/rate-limit';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { AttendanceService } from '../attendance/attendance.service';
import type { LiveboardService } from '../liveboard/liveboard.service';
import type { CheckinsService } from './checkins.service';
import { z } from 'zod';
import { attendanceEventsSchema, checkinResultSchema, checkinSettingsSchema, countersignPinIssuedSchema, kioskTokenIssuedSchema, kioskViewSchema, liveBoardSchema, myDutiesSchema } from '../../contracts/responses/checkins';

const codeParams = z.object({ code: z.string().min(1).max(32) });

/**
 * Refused check-ins per account: six digits are guessable only by trying, so a lawyer gets
 * 30 refusals in 10 minutes (in all processes with Redis), then 429.
 */
function refusalLimit(): RequestHandler {
  return sharedRateLimit('checkin-refusals', {
    windowMs: 10 * 60_000,
    limit: 30,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => (res.locals.actor as Actor | undefined)?.userId ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => next(new AppError('too_many_attempts', 'Too many refused check-ins; wait a few minutes', 429)),
  });
}

export function checkinRoutes(checkins: CheckinsService, attendance: AttendanceService, liveboard: LiveboardService): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/posts/:id/kiosk-token',
      access: STAFF_ROLES,
      status: 201,
      schemas: { response: kioskTokenIssuedSchema, params: idParams },
      handler: ({ params, actor }) => checkins.issueKioskToken(actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/posts/:id/countersign-pin',
      access: STAFF_ROLES,
      status: 201,
      schemas: { response: countersignPinIssuedSchema, params: idParams },
      handler: ({ params, actor }) => checkins.issueCountersignPin(actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/posts/:id/checkin-settings',
      access: STAFF_ROLES,
      schemas: { response: checkinSettingsSchema, params: idParams },
      handler: ({ params }) => checkins.settingsView(params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/posts/:id/checkin-settings',
      access: STAFF_ROLES,
      schemas: { response: checkinSettingsSchema, params: idParams, body: checkinSettingsBody },
      handler: ({ params, body, actor }) => checkins.updateSettings(actor, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/kiosk/:code',
      // The kiosk screen has no account: the post's kiosk token (X-Kiosk-Token) is the key.
      access: 'public',
      schemas: { response: kioskViewSchema, params: codeParams },
      handler: ({ params, req, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        return checkins.kioskView(params.code, req.get('x-kiosk-token') ?? undefined);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/checkins',
      access: ['lawyer'],
      middleware: [refusalLimit()],
      schemas: { response: checkinResultSchema, body: checkinBody },
      handler: async ({ body, actor, res }) => {
        const result = await checkins.checkIn(actor, body);
        res.status(result.replayed ? 200 : 201).json(result);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/checkins/mine',
      access: ['lawyer'],
      schemas: { response: myDutiesSchema },
      handler: ({ actor }) => checkins.mine(actor),
    }),
    defineRoute({
      method: 'get',
      path: '/liveboard',
      access: ['admin', 'coordinator', 'hotline'],
      schemas: { response: liveBoardSchema },
      handler: () => liveboard.board(),
    }),
    defineRoute({
      method: 'get',
      path: '/attendance/events',
      access: STAFF_ROLES,
      schemas: { response: attendanceEventsSchema, query: attendanceEventsQuery },
      handler: ({ query }) => attendance.events(query),
    }),
  ];
}
