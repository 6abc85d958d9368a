import type { AuditEntry } from '../../../api/src/contracts/audit';
import type { Paginated } from '../../../api/src/contracts/common';
import { http, type Query } from './http';

export type * from '../../../api/src/contracts/audit';

export const auditApi = {
  list: (query: Query) => http.get<Paginated<AuditEntry>>('/api/audit', query),
};
