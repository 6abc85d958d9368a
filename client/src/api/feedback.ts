import { call, type BodyOf, type QueryOf } from './call';

export type * from '../../../api/src/contracts/feedback';
export type * from '../../../api/src/contracts/hotline';

export const feedbackApi = {
  list: (query: QueryOf<'GET /feedback'> = {}) => call('GET /feedback', { query }),
  overdue: () => call('GET /feedback/overdue'),
  get: (code: string) => call('GET /feedback/:code', { params: { code } }),
  accept: (code: string, note = '') => call('POST /feedback/:code/accept', { params: { code }, body: { note } }),
  reject: (code: string, conclusion: string) => call('POST /feedback/:code/reject', { params: { code }, body: { conclusion } }),
  handle: (code: string) => call('POST /feedback/:code/handle', { params: { code }, body: {} }),
  conclude: (code: string, body: BodyOf<'POST /feedback/:code/conclude'>) => call('POST /feedback/:code/conclude', { params: { code }, body }),
};

export const hotlineApi = {
  search: (query: QueryOf<'GET /hotline/search'>) => call('GET /hotline/search', { query }),
  duty: (query: QueryOf<'GET /hotline/duty'>) => call('GET /hotline/duty', { query }),
  logCall: (body: BodyOf<'POST /hotline/calls'>) => call('POST /hotline/calls', { body }),
  history: (id: string) => call('GET /lawyers/:id/attendance-history', { params: { id } }),
};
