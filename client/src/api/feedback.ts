import type { ConcludeBody, FeedbackItem, FeedbackQuery } from '../../../api/src/contracts/feedback';
import type { DutyHistoryRow, HotlineCallBody, HotlineCallLogged, HotlineDutyDetail, HotlineSearchResult } from '../../../api/src/contracts/hotline';
import { http } from './http';

export type * from '../../../api/src/contracts/feedback';
export type * from '../../../api/src/contracts/hotline';

export const feedbackApi = {
  list: (q: Partial<FeedbackQuery> = {}) => http.get<FeedbackItem[]>('/api/feedback', q),
  overdue: () => http.get<FeedbackItem[]>('/api/feedback/overdue'),
  get: (code: string) => http.get<FeedbackItem>(`/api/feedback/${code}`),
  accept: (code: string, note = '') => http.post<FeedbackItem>(`/api/feedback/${code}/accept`, { note }),
  reject: (code: string, conclusion: string) => http.post<FeedbackItem>(`/api/feedback/${code}/reject`, { conclusion }),
  handle: (code: string) => http.post<FeedbackItem>(`/api/feedback/${code}/handle`, {}),
  conclude: (code: string, body: Partial<ConcludeBody> & { conclusion: string }) => http.post<FeedbackItem>(`/api/feedback/${code}/conclude`, body),
};

export const hotlineApi = {
  search: (q: { post?: string; at?: string; lawyer?: string; code?: string }) => http.get<HotlineSearchResult>('/api/hotline/search', q),
  duty: (q: { rotaId: string; slotId: string; lawyerId: string; day: string }) => http.get<HotlineDutyDetail>('/api/hotline/duty', q),
  logCall: (body: HotlineCallBody) => http.post<HotlineCallLogged>('/api/hotline/calls', body),
  history: (lawyerId: string) => http.get<DutyHistoryRow[]>(`/api/lawyers/${lawyerId}/attendance-history`),
};
