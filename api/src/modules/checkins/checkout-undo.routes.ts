import { undoCheckoutBody, undoneCheckoutSchema } from '../../contracts/checkout-undo';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { CheckoutUndoService } from './checkout-undo.service';

export function checkoutUndoRoutes(undo: CheckoutUndoService): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/checkins/undo-checkout',
      access: ['lawyer'],
      schemas: { body: undoCheckoutBody, response: undoneCheckoutSchema },
      handler: ({ body, actor }) => undo.undoCheckout(actor, body),
    }),
  ];
}
