import type {
  Absence,
  AbsencesQuery,
  CalendarFeed,
  CreateAbsenceBody,
  CreateSwapBody,
  DecideBody,
  DutyBoard,
  Notification,
  Swap,
  SwapsQuery,
} from '../../../api/src/contracts/selfservice';
import { http } from './http';

export type * from '../../../api/src/contracts/selfservice';

export const absencesApi = {
  list: (query: AbsencesQuery = {}) => http.get<Absence[]>('/api/absences', query),
  mine: () => http.get<Absence[]>('/api/absences/mine'),
  create: (body: CreateAbsenceBody) => http.post<Absence>('/api/absences', body),
  cancel: (id: string) => http.post<Absence>(`/api/absences/${id}/cancel`),
  decide: (id: string, body: DecideBody) => http.post<Absence>(`/api/absences/${id}/decide`, body),
};

export const swapsApi = {
  list: (query: SwapsQuery = {}) => http.get<Swap[]>('/api/swaps', query),
  mine: () => http.get<Swap[]>('/api/swaps/mine'),
  create: (body: CreateSwapBody) => http.post<Swap>('/api/swaps', body),
  accept: (id: string) => http.post<Swap>(`/api/swaps/${id}/accept`),
  cancel: (id: string) => http.post<Swap>(`/api/swaps/${id}/cancel`),
  decide: (id: string, body: DecideBody) => http.post<Swap>(`/api/swaps/${id}/decide`, body),
};

export const notificationsApi = {
  mine: () => http.get<Notification[]>('/api/notifications/mine'),
  read: (id: string) => http.post<Notification>(`/api/notifications/${id}/read`),
};

export const feedsApi = {
  mine: () => http.get<CalendarFeed>('/api/calendar-feeds/mine'),
  forPost: (postId: string) => http.get<CalendarFeed>(`/api/posts/${postId}/calendar-feed`),
  rotate: (id: string) => http.post<CalendarFeed>(`/api/calendar-feeds/${id}/rotate`),
};

export const boardApi = {
  board: (code: string, day?: string) => http.get<DutyBoard>(`/api/public/posts/${encodeURIComponent(code)}/board`, { day }),
};
