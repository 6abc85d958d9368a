import { call, downloadFrom, uploadTo } from './call';

export type * from '../../../api/src/contracts/imports';

export const importsApi = {
  preview: (file: File) => uploadTo('POST /lawyers/imports', file),
  get: (id: string) => call('GET /lawyers/imports/:id', { params: { id } }),
  template: () => downloadFrom('GET /lawyers/imports/template', 'lawyer-import-template.xlsx'),
  confirm: (id: string) => call('POST /lawyers/imports/:id/confirm', { params: { id } }),
};
