import { call } from './call';

export type * from '../../../api/src/contracts/swap-candidates';

export const swapCandidatesApi = {
  forDuty: (rotaId: string, slotId: string) => call('GET /swaps/candidates', { query: { rotaId, slotId } }),
};
