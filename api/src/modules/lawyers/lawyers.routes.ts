import { idParams } from '../../contracts/common';
import {
  assessmentBody,
  assessmentParams,
  attestationBody,
  complaintBody,
  complaintParams,
  createLawyerBody,
  lawyersQuery,
  statusChangeBody,
  updateComplaintBody,
  updateLawyerBody,
  vettingBody,
} from '../../contracts/lawyers';
import { defineRoute, type AnyRoute } from '../../lib/route';
import { exportLawyersWorkbook } from './lawyers.export';
import type { LawyersService } from './lawyers.service';
import { colleaguesSchema, lawyerDossierSchema, lawyerListItemSchema, lawyerPageSchema, reevaluationResultSchema } from '../../contracts/responses/people';
import { fileResponse } from '../../lib/responses';
import { z } from 'zod';

const STAFF = ['admin', 'coordinator'] as const;

export function lawyerRoutes(lawyers: LawyersService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/lawyers',
      access: ['admin', 'coordinator', 'hotline'],
      schemas: { response: lawyerPageSchema, query: lawyersQuery },
      handler: ({ actor, query }) => lawyers.list(actor, query),
    }),
    // Fixed paths before `/lawyers/:id`.
    defineRoute({
      method: 'get',
      path: '/lawyers/colleagues',
      access: ['lawyer', 'admin', 'coordinator'],
      schemas: { response: colleaguesSchema },
      handler: () => lawyers.colleagues(),
    }),
    defineRoute({ method: 'get', path: '/lawyers/flagged', access: STAFF, schemas: { response: z.array(lawyerListItemSchema) }, handler: ({ actor }) => lawyers.flagged(actor) }),
    defineRoute({
      method: 'get',
      path: '/lawyers/export',
      access: ['admin', 'coordinator', 'hotline'],
      schemas: { response: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'the lawyers as an Excel workbook'), query: lawyersQuery },
      async handler({ actor, query, res }) {
        const file = await exportLawyersWorkbook(actor, query);
        res
          .status(200)
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .setHeader('Content-Disposition', `attachment; filename="lawyers.xlsx"; filename*=UTF-8''${encodeURIComponent('值班律师.xlsx')}`)
          .send(file);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/lawyers/eligibility/re-evaluate',
      access: STAFF,
      schemas: { response: reevaluationResultSchema },
      handler: ({ actor }) => lawyers.reevaluateAll(actor),
    }),
    defineRoute({
      method: 'post',
      path: '/lawyers',
      access: STAFF,
      status: 201,
      schemas: { response: lawyerDossierSchema, body: createLawyerBody },
      handler: ({ actor, body }) => lawyers.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/lawyers/:id',
      access: ['admin', 'coordinator', 'hotline', 'lawyer'],
      schemas: { response: lawyerDossierSchema, params: idParams },
      handler: ({ actor, params }) => lawyers.dossier(actor, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/lawyers/:id',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: idParams, body: updateLawyerBody },
      handler: ({ actor, params, body }) => lawyers.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'put',
      path: '/lawyers/:id/assessments/:year',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: assessmentParams, body: assessmentBody },
      handler: ({ actor, params, body }) => lawyers.setAssessment(actor, params.id, params.year, body.grade),
    }),
    defineRoute({
      method: 'delete',
      path: '/lawyers/:id/assessments/:year',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: assessmentParams },
      handler: ({ actor, params }) => lawyers.removeAssessment(actor, params.id, params.year),
    }),
    defineRoute({
      method: 'put',
      path: '/lawyers/:id/attestation',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: idParams, body: attestationBody },
      handler: ({ actor, params, body }) => lawyers.setAttestation(actor, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/lawyers/:id/complaints',
      access: STAFF,
      status: 201,
      schemas: { response: lawyerDossierSchema, params: idParams, body: complaintBody },
      handler: ({ actor, params, body }) => lawyers.addComplaint(actor, params.id, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/lawyers/:id/complaints/:complaintId',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: complaintParams, body: updateComplaintBody },
      handler: ({ actor, params, body }) => lawyers.updateComplaint(actor, params.id, params.complaintId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/lawyers/:id/vetting',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: idParams, body: vettingBody },
      handler: ({ actor, params, body }) => lawyers.vet(actor, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/lawyers/:id/status',
      access: STAFF,
      schemas: { response: lawyerDossierSchema, params: idParams, body: statusChangeBody },
      handler: ({ actor, params, body }) => lawyers.changeStatus(actor, params.id, body.to, body.reason),
    }),
  ];
}
