import type { AuditPage } from '../../../api/src/contracts/audit';
import { http, type Query } from './http';

export type * from '../../../api/src/contracts/audit';

export const auditApi = {
  list: (query: Query) => http.get<AuditPage>('/api/audit', query),
};
