import type { PatternPreview, PreviewBody, PutPatternsBody, ShiftPattern } from '../../../api/src/contracts/shifts';
import { http } from './http';

export type * from '../../../api/src/contracts/shifts';

export const shiftsApi = {
  patterns: (postId: string) => http.get<ShiftPattern[]>(`/api/posts/${postId}/patterns`),
  savePatterns: (postId: string, body: PutPatternsBody) => http.put<ShiftPattern[]>(`/api/posts/${postId}/patterns`, body),
  preview: (body: PreviewBody) => http.post<PatternPreview>('/api/shift-patterns/preview', body),
};
