import { call, type BodyOf, type QueryOf } from './call';

export type * from '../../../api/src/contracts/selfservice';

export const absencesApi = {
  list: (query: QueryOf<'GET /absences'> = {}) => call('GET /absences', { query }),
  mine: () => call('GET /absences/mine'),
  create: (body: BodyOf<'POST /absences'>) => call('POST /absences', { body }),
  cancel: (id: string) => call('POST /absences/:id/cancel', { params: { id } }),
  decide: (id: string, body: BodyOf<'POST /absences/:id/decide'>) => call('POST /absences/:id/decide', { params: { id }, body }),
};

export const swapsApi = {
  list: (query: QueryOf<'GET /swaps'> = {}) => call('GET /swaps', { query }),
  mine: () => call('GET /swaps/mine'),
  create: (body: BodyOf<'POST /swaps'>) => call('POST /swaps', { body }),
  accept: (id: string) => call('POST /swaps/:id/accept', { params: { id } }),
  cancel: (id: string) => call('POST /swaps/:id/cancel', { params: { id } }),
  decide: (id: string, body: BodyOf<'POST /swaps/:id/decide'>) => call('POST /swaps/:id/decide', { params: { id }, body }),
};

export const notificationsApi = {
  mine: () => call('GET /notifications/mine'),
  read: (id: string) => call('POST /notifications/:id/read', { params: { id } }),
};

export const feedsApi = {
  mine: () => call('GET /calendar-feeds/mine'),
  forPost: (id: string) => call('GET /posts/:id/calendar-feed', { params: { id } }),
  rotate: (id: string) => call('POST /calendar-feeds/:id/rotate', { params: { id } }),
};

export const boardApi = {
  board: (code: string, day?: string) => call('GET /public/posts/:code/board', { params: { code }, query: { day } }),
};
