import type { ImportPreview, ImportResult } from '../../../api/src/contracts/imports';
import { download, http, upload } from './http';

export type * from '../../../api/src/contracts/imports';

export const importsApi = {
  preview: (file: File) => upload<ImportPreview>('/api/lawyers/imports', file),
  get: (id: string) => http.get<ImportPreview>(`/api/lawyers/imports/${id}`),
  template: () => download('/api/lawyers/imports/template', 'lawyer-import-template.xlsx'),
  confirm: (id: string) => http.post<ImportResult>(`/api/lawyers/imports/${id}/confirm`),
};
