import type { Violation } from '../../../api/src/contracts/discipline';
import { call, type BodyOf, type QueryOf, type ResponseOf } from './call';

export type * from '../../../api/src/contracts/discipline';

export type ViolationPage = ResponseOf<'GET /violations'>;

export const violationsApi = {
  list: (query: QueryOf<'GET /violations'> = {}) => call('GET /violations', { query }),
  get: (id: string) => call('GET /violations/:id', { params: { id } }),
  create: (body: BodyOf<'POST /violations'>) => call('POST /violations', { body }),
  seen: (id: string) => call('POST /violations/:id/seen', { params: { id } }),
  decide: (id: string, body: BodyOf<'POST /violations/:id/decision'>) => call('POST /violations/:id/decision', { params: { id }, body }),
  decideMany: (body: BodyOf<'POST /violations/bulk-decision'>) => call('POST /violations/bulk-decision', { body }),
  reverse: (id: string, reason: string) => call('POST /violations/:id/reversal', { params: { id }, body: { reason } }),
  mine: () => call('GET /violations/mine'),
  reply: (id: string, text: string) => call('POST /violations/:id/reply', { params: { id }, body: { text } }),
  ofLawyer: (id: string) => call('GET /discipline/lawyers/:id', { params: { id } }),
};

// Values mirrored from the contract (the client only imports its types).
type ViolationType = Violation['type'];
export const VIOLATION_TYPES = ['absent', 'late', 'left_early', 'missing_record', 'complaint_upheld', 'misconduct', 'other'] as const satisfies readonly ViolationType[];
export const VIOLATION_STATES = ['proposed', 'confirmed', 'dismissed'] as const satisfies readonly Violation['state'][];
/** Only these may be confirmed in bulk. */
export const ATTENDANCE_TYPES = ['absent', 'late', 'left_early'] as const satisfies readonly ViolationType[];
