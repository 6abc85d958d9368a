import { call, downloadFrom, type BodyOf, type QueryOf } from './call';

export type * from '../../../api/src/contracts/rotas';

export const rotasApi = {
  list: (query: QueryOf<'GET /rotas'> = {}) => call('GET /rotas', { query }),
  get: (id: string) => call('GET /rotas/:id', { params: { id } }),
  createDraft: (body: BodyOf<'POST /rotas/drafts'>) => call('POST /rotas/drafts', { body }),
  job: (id: string) => call('GET /jobs/:id', { params: { id } }),
  replan: (id: string, body: BodyOf<'POST /rotas/:id/replan'>) => call('POST /rotas/:id/replan', { params: { id }, body }),
  check: (id: string, body: BodyOf<'POST /rotas/:id/check'>) => call('POST /rotas/:id/check', { params: { id }, body }),
  saveAssignments: (id: string, body: BodyOf<'PATCH /rotas/:id/assignments'>) => call('PATCH /rotas/:id/assignments', { params: { id }, body }),
  publish: (id: string, body: BodyOf<'POST /rotas/:id/publish'>) => call('POST /rotas/:id/publish', { params: { id }, body }),
  versions: (id: string) => call('GET /rotas/:id/versions', { params: { id } }),
  exportXlsx: (id: string, name: string) => downloadFrom('GET /rotas/:id/export.xlsx', `${name}.xlsx`, { params: { id } }),
  myDuties: (query: QueryOf<'GET /duties/mine'>) => call('GET /duties/mine', { query }),
  duties: (query: QueryOf<'GET /duties'>) => call('GET /duties', { query }),
  calendarConflicts: () => call('GET /rotas/calendar-conflicts'),
  repairCalendar: (id: string) => call('POST /rotas/:id/calendar-repair', { params: { id } }),
};
