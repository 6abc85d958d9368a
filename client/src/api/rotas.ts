import type {
  CalendarConflict,
  CalendarRepairResult,
  CreateDraftBody,
  Duty,
  DutiesQuery,
  EditBody,
  EditCheck,
  JobView,
  PlanningStarted,
  PublishBody,
  PublishStarted,
  ReplanBody,
  RotaDetail,
  RotaSummary,
  RotasQuery,
  RotaVersionSummary,
} from '../../../api/src/contracts/rotas';
import { download, http } from './http';

export type * from '../../../api/src/contracts/rotas';

export const rotasApi = {
  list: (query: RotasQuery = {}) => http.get<RotaSummary[]>('/api/rotas', query),
  get: (id: string) => http.get<RotaDetail>(`/api/rotas/${id}`),
  createDraft: (body: CreateDraftBody) => http.post<PlanningStarted>('/api/rotas/drafts', body),
  job: (id: string) => http.get<JobView>(`/api/jobs/${id}`),
  replan: (id: string, body: ReplanBody) => http.post<PlanningStarted>(`/api/rotas/${id}/replan`, body),
  check: (id: string, body: EditBody) => http.post<EditCheck>(`/api/rotas/${id}/check`, body),
  saveAssignments: (id: string, body: EditBody) => http.patch<RotaDetail>(`/api/rotas/${id}/assignments`, body),
  publish: (id: string, body: PublishBody) => http.post<PublishStarted>(`/api/rotas/${id}/publish`, body),
  versions: (id: string) => http.get<RotaVersionSummary[]>(`/api/rotas/${id}/versions`),
  exportXlsx: (id: string, name: string) => download(`/api/rotas/${id}/export.xlsx`, `${name}.xlsx`),
  myDuties: (query: Pick<DutiesQuery, 'from' | 'to'>) => http.get<Duty[]>('/api/duties/mine', query),
  duties: (query: DutiesQuery) => http.get<Duty[]>('/api/duties', query),
  calendarConflicts: () => http.get<CalendarConflict[]>('/api/rotas/calendar-conflicts'),
  repairCalendar: (id: string) => http.post<CalendarRepairResult>(`/api/rotas/${id}/calendar-repair`),
};
