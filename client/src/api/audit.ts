import { call, type QueryOf } from './call';

export type * from '../../../api/src/contracts/audit';

export const auditApi = {
  list: (query: QueryOf<'GET /audit'>) => call('GET /audit', { query }),
};
