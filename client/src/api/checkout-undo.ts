import { call, type BodyOf } from './call';

export type * from '../../../api/src/contracts/checkout-undo';
/** Mirrored from the contract (runtime values may not be imported from it). */
export const UNDO_CHECKOUT_WINDOW_MS = 2 * 60_000;

export const checkoutUndoApi = {
  undo: (body: BodyOf<'POST /checkins/undo-checkout'>) => call('POST /checkins/undo-checkout', { body }),
};
