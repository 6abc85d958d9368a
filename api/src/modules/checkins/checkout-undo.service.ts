import type { LiveBoardUpdate, MyDuty } from '../../contracts/checkins';
import { UNDO_CHECKOUT_WINDOW_MS, type UndoCheckoutBody, type UndoneCheckout } from '../../contracts/checkout-undo';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { Clock } from '../../lib/clock';
import type { AttendanceService } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import { deleteCheckout, findCheckout } from './checkout-undo.repository';

export interface CheckoutUndoDeps {
  clock: Clock;
  audit: AuditService;
  /** Withdraws the "left early" event of an undone check-out. */
  attendance: Pick<AttendanceService, 'withdrawLeftEarly'>;
  /** The lawyer's current duties with their state (the check-ins service's `mine`). */
  myDuties(actor: Actor): Promise<MyDuty[]>;
  onUpdate?(u: LiveBoardUpdate): void;
}

/**
 * A lawyer takes back a check-out tapped by mistake, within two minutes: the check-out and the
 * "left early" it caused are withdrawn, so the duty is open again and can be checked out later.
 */
export function createCheckoutUndo(deps: CheckoutUndoDeps) {
  async function undoCheckout(actor: Actor, body: UndoCheckoutBody): Promise<UndoneCheckout> {
    const lawyerId = actor.lawyerId;
    if (!lawyerId) throw new AppError('not_a_lawyer', 'This account is not linked to a lawyer', 403);
    const checkout = await findCheckout(body.dutyKey);
    if (!checkout) throw new AppError('checkout_not_found', 'There is no check-out to undo for this duty', 404);
    if (checkout.lawyerId !== lawyerId) throw new AppError('not_yours', 'This is not your check-out', 403);
    const now = deps.clock.now();
    if (now.getTime() - checkout.at.getTime() > UNDO_CHECKOUT_WINDOW_MS) {
      throw new AppError('undo_expired', 'A check-out can be undone only within 2 minutes', 409, { minutes: UNDO_CHECKOUT_WINDOW_MS / 60_000 });
    }
    if (!(await deleteCheckout(body.dutyKey, checkout.at))) throw new AppError('checkout_not_found', 'There is no check-out to undo for this duty', 404);
    const leftEarlyWithdrawn = await deps.attendance.withdrawLeftEarly(body.dutyKey, checkout.at);
    await deps.audit.record(actor, {
      action: 'checkin.undo_checkout',
      entityType: 'checkin',
      entityId: body.dutyKey,
      before: { kind: 'out', at: checkout.at, postId: checkout.postId, day: checkout.day, slotId: checkout.slotId, leftEarly: leftEarlyWithdrawn },
      after: null,
    });
    const duty = (await deps.myDuties(actor)).find((d) => d.dutyKey === body.dutyKey);
    if (duty) {
      deps.onUpdate?.({
        postId: duty.postId,
        slotId: checkout.slotId,
        dutyKey: body.dutyKey,
        lawyerId,
        state: duty.state,
        checkedInAt: duty.checkedInAt,
        checkedOutAt: null,
        cause: 'checkout',
        at: now.toISOString(),
      });
    }
    return { dutyKey: body.dutyKey, checkedOutAt: checkout.at.toISOString(), leftEarlyWithdrawn };
  }

  return { undoCheckout };
}

export type CheckoutUndoService = ReturnType<typeof createCheckoutUndo>;
