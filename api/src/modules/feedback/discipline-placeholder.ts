import type { DisciplinePort } from '../discipline/discipline.port';

/**
 * PLACEHOLDER — to be replaced by the discipline service at composition (services.ts), once the
 * discipline area exists. It records nothing: an upheld complaint still reaches the dossier
 * (and eligibility) through the lawyers area, but no violation is created here.
 */
export const disciplinePlaceholder: DisciplinePort = {
  propose: async () => ({ id: '', created: false }),
  recordConfirmed: async () => ({ id: '', created: false }),
};
