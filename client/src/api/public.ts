import type { FeedbackReceipt, PublicDuty, PublicFeedbackBody, PublicFeedbackStatus, PublicPost } from '../../../api/src/contracts/public';
import { http } from './http';

export type * from '../../../api/src/contracts/public';

/** The public lookup and feedback: no account needed. */
export const publicApi = {
  posts: () => http.get<PublicPost[]>('/api/public/posts'),
  duty: (post: string, at: string) => http.get<PublicDuty>('/api/public/duty', { post, at }),
  challengeUrl: '/api/public/feedback/challenge',
  submit: (body: PublicFeedbackBody) => http.post<FeedbackReceipt>('/api/public/feedback', body),
  status: (code: string) => http.get<PublicFeedbackStatus>(`/api/public/feedback/${encodeURIComponent(code)}`),
};
