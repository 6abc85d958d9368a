import type { SwapCandidate } from '../../../api/src/contracts/swap-candidates';
import { http } from './http';

export type * from '../../../api/src/contracts/swap-candidates';

export const swapCandidatesApi = {
  forDuty: (rotaId: string, slotId: string) => http.get<SwapCandidate[]>('/api/swaps/candidates', { rotaId, slotId }),
};
