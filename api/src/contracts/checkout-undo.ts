/**
 * Undoing one's own check-out. Pure: imports only zod.
 *
 * Routes
 *   POST /api/checkins/undo-checkout   body UndoCheckoutBody → UndoneCheckout   lawyer
 *
 * A lawyer who tapped 签退 by mistake may take it back within UNDO_CHECKOUT_WINDOW_MS of the
 * check-out: the check-out and the "left early" it caused are withdrawn, the live board is told,
 * and the undo is written to the audit log. Errors: 404 `checkout_not_found`, 403 `not_yours`,
 * 409 `undo_expired`.
 */
import { z } from 'zod';

export const UNDO_CHECKOUT_WINDOW_MS = 2 * 60_000;

export const undoCheckoutBody = z.object({
  /** The duty (`<rotaId>:<slotId>:<lawyerId>`) whose check-out is taken back. */
  dutyKey: z.string().trim().min(5).max(200),
});
export type UndoCheckoutBody = z.infer<typeof undoCheckoutBody>;

export const undoneCheckoutSchema = z.object({
  dutyKey: z.string(),
  /** When the withdrawn check-out had been recorded. */
  checkedOutAt: z.string(),
  /** Whether a "left early" it caused was withdrawn with it. */
  leftEarlyWithdrawn: z.boolean(),
});
export type UndoneCheckout = z.infer<typeof undoneCheckoutSchema>;
