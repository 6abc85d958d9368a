import type { DisciplinePort } from '../discipline/discipline.port';

/**
 * Stands in for the discipline area until it is composed in services.ts: records nothing.
 * REPLACE AT COMPOSITION with the discipline service's port.
 */
export const disciplinePlaceholder: DisciplinePort = {
  propose: async () => ({ id: '', created: false }),
  recordConfirmed: async () => ({ id: '', created: false }),
};
