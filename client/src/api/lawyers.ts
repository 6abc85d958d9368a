import type { Paginated } from '../../../api/src/contracts/common';
import type {
  AssessmentGrade,
  AttestationBody,
  Colleague,
  ComplaintBody,
  CreateLawyerBody,
  LawyerDossier,
  LawyerListItem,
  StatusChangeBody,
  UpdateLawyerBody,
  VettingBody,
} from '../../../api/src/contracts/lawyers';
import { download, http, toQueryString, type Query } from './http';

export type * from '../../../api/src/contracts/lawyers';
export type { PostKind } from '../../../api/src/contracts/common';

const base = '/api/lawyers';

export const lawyersApi = {
  list: (query: Query) => http.get<Paginated<LawyerListItem>>(base, query),
  flagged: () => http.get<LawyerListItem[]>(`${base}/flagged`),
  /** Serving lawyers by name and firm, to name a swap partner. */
  colleagues: () => http.get<Colleague[]>(`${base}/colleagues`),
  /** Export ignores paging: the sheet holds every lawyer matching the filters. */
  exportXlsx: (query: Query) => {
    const { page: _p, pageSize: _s, ...filters } = query;
    return download(`${base}/export${toQueryString(filters)}`, 'lawyers.xlsx');
  },
  create: (body: CreateLawyerBody) => http.post<LawyerDossier>(base, body),
  get: (id: string) => http.get<LawyerDossier>(`${base}/${id}`),
  update: (id: string, body: UpdateLawyerBody) => http.patch<LawyerDossier>(`${base}/${id}`, body),
  setAssessment: (id: string, year: number, grade: AssessmentGrade) =>
    http.put<LawyerDossier>(`${base}/${id}/assessments/${year}`, { grade }),
  removeAssessment: (id: string, year: number) => http.delete<LawyerDossier>(`${base}/${id}/assessments/${year}`),
  setAttestation: (id: string, body: AttestationBody) => http.put<LawyerDossier>(`${base}/${id}/attestation`, body),
  addComplaint: (id: string, body: ComplaintBody) => http.post<LawyerDossier>(`${base}/${id}/complaints`, body),
  updateComplaint: (id: string, complaintId: string, body: Partial<Pick<ComplaintBody, 'summary' | 'upheld'>>) =>
    http.patch<LawyerDossier>(`${base}/${id}/complaints/${complaintId}`, body),
  vet: (id: string, body: VettingBody) => http.post<LawyerDossier>(`${base}/${id}/vetting`, body),
  changeStatus: (id: string, body: StatusChangeBody) => http.post<LawyerDossier>(`${base}/${id}/status`, body),
};
