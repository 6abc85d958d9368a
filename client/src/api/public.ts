import { call, urlOf, type BodyOf } from './call';

export type * from '../../../api/src/contracts/public';

/** The public lookup and feedback: no account needed. */
export const publicApi = {
  posts: () => call('GET /public/posts'),
  duty: (post: string, at: string) => call('GET /public/duty', { query: { post, at } }),
  challengeUrl: urlOf('GET /public/feedback/challenge'),
  submit: (body: BodyOf<'POST /public/feedback'>) => call('POST /public/feedback', { body }),
  status: (code: string) => call('GET /public/feedback/:code', { params: { code } }),
};
