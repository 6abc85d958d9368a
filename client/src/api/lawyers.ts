import type { AssessmentGrade, ComplaintBody } from '../../../api/src/contracts/lawyers';
import { call, downloadFrom, type BodyOf, type QueryOf } from './call';

export type * from '../../../api/src/contracts/lawyers';
export type { PostKind } from '../../../api/src/contracts/common';

export type LawyersQuery = QueryOf<'GET /lawyers'>;

export const lawyersApi = {
  list: (query: LawyersQuery) => call('GET /lawyers', { query }),
  flagged: () => call('GET /lawyers/flagged'),
  /** Serving lawyers by name and firm, to name a swap partner. */
  colleagues: () => call('GET /lawyers/colleagues'),
  /** Export ignores paging: the sheet holds every lawyer matching the filters. */
  exportXlsx: (query: LawyersQuery) => {
    const { page: _p, pageSize: _s, ...filters } = query;
    return downloadFrom('GET /lawyers/export', 'lawyers.xlsx', { query: filters });
  },
  create: (body: BodyOf<'POST /lawyers'>) => call('POST /lawyers', { body }),
  get: (id: string) => call('GET /lawyers/:id', { params: { id } }),
  update: (id: string, body: BodyOf<'PATCH /lawyers/:id'>) => call('PATCH /lawyers/:id', { params: { id }, body }),
  setAssessment: (id: string, year: number, grade: AssessmentGrade) =>
    call('PUT /lawyers/:id/assessments/:year', { params: { id, year }, body: { grade } }),
  removeAssessment: (id: string, year: number) => call('DELETE /lawyers/:id/assessments/:year', { params: { id, year } }),
  setAttestation: (id: string, body: BodyOf<'PUT /lawyers/:id/attestation'>) => call('PUT /lawyers/:id/attestation', { params: { id }, body }),
  addComplaint: (id: string, body: BodyOf<'POST /lawyers/:id/complaints'>) => call('POST /lawyers/:id/complaints', { params: { id }, body }),
  updateComplaint: (id: string, complaintId: string, body: Partial<Pick<ComplaintBody, 'summary' | 'upheld'>>) =>
    call('PATCH /lawyers/:id/complaints/:complaintId', { params: { id, complaintId }, body }),
  vet: (id: string, body: BodyOf<'POST /lawyers/:id/vetting'>) => call('POST /lawyers/:id/vetting', { params: { id }, body }),
  changeStatus: (id: string, body: BodyOf<'POST /lawyers/:id/status'>) => call('POST /lawyers/:id/status', { params: { id }, body }),
};
