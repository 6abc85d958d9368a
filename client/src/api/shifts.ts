import { call, type BodyOf } from './call';

export type * from '../../../api/src/contracts/shifts';

export const shiftsApi = {
  patterns: (id: string) => call('GET /posts/:id/patterns', { params: { id } }),
  savePatterns: (id: string, body: BodyOf<'PUT /posts/:id/patterns'>) => call('PUT /posts/:id/patterns', { params: { id }, body }),
  preview: (body: BodyOf<'POST /shift-patterns/preview'>) => call('POST /shift-patterns/preview', { body }),
};
