import type { DutyRecordsReader } from '../records/records.port';

/**
 * PLACEHOLDER — to be replaced by the duty-records service at composition (services.ts). Until
 * then the hotline desk shows that no records were kept on a duty.
 */
export const recordsPlaceholder: DutyRecordsReader = {
  forDuty: async () => [],
};
