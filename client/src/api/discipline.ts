import type {
  BulkDecisionBody,
  DecisionBody,
  LawyerDiscipline,
  MyRecord,
  Violation,
  ViolationsQuery,
} from '../../../api/src/contracts/discipline';
import { http } from './http';

export type * from '../../../api/src/contracts/discipline';

export interface ViolationPage {
  items: Violation[];
  total: number;
  page: number;
  pageSize: number;
}

export const violationsApi = {
  list: (query: Partial<ViolationsQuery> = {}) => http.get<ViolationPage>('/api/violations', query),
  get: (id: string) => http.get<Violation>(`/api/violations/${id}`),
  create: (body: { lawyerId: string; type: string; occurredAt: string; description: string; dutyId?: string }) => http.post<Violation>('/api/violations', body),
  seen: (id: string) => http.post<Violation>(`/api/violations/${id}/seen`),
  decide: (id: string, body: DecisionBody) => http.post<Violation>(`/api/violations/${id}/decision`, body),
  decideMany: (body: BulkDecisionBody) => http.post<{ confirmed: string[] }>('/api/violations/bulk-decision', body),
  reverse: (id: string, reason: string) => http.post<Violation>(`/api/violations/${id}/reversal`, { reason }),
  mine: () => http.get<MyRecord>('/api/violations/mine'),
  reply: (id: string, text: string) => http.post<Violation>(`/api/violations/${id}/reply`, { text }),
  ofLawyer: (lawyerId: string) => http.get<LawyerDiscipline>(`/api/discipline/lawyers/${lawyerId}`),
};

// Values mirrored from the contract (the client only imports its types).
type ViolationType = Violation['type'];
export const VIOLATION_TYPES = ['absent', 'late', 'left_early', 'missing_record', 'complaint_upheld', 'misconduct', 'other'] as const satisfies readonly ViolationType[];
export const VIOLATION_STATES = ['proposed', 'confirmed', 'dismissed'] as const satisfies readonly Violation['state'][];
/** Only these may be confirmed in bulk. */
export const ATTENDANCE_TYPES = ['absent', 'late', 'left_early'] as const satisfies readonly ViolationType[];
