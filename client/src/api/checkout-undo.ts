import type { UndoCheckoutBody, UndoneCheckout } from '../../../api/src/contracts/checkout-undo';
import { http } from './http';

export type * from '../../../api/src/contracts/checkout-undo';
/** Mirrored from the contract (runtime values may not be imported from it). */
export const UNDO_CHECKOUT_WINDOW_MS = 2 * 60_000;

export const checkoutUndoApi = {
  undo: (body: UndoCheckoutBody) => http.post<UndoneCheckout>('/api/checkins/undo-checkout', body),
};
