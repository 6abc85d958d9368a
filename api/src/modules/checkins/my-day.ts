import type { MyDuty } from '../../contracts/checkins';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { localDay } from '../../lib/local-day';
import { checkinWindow, dutyTimes } from '../attendance/attendance.port';
import type { RotasService } from '../rotas/rotas.service';
import type { DutyStates } from './duty-states';

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface MyDayDeps {
  clock: Clock;
  rotas: Pick<RotasService, 'duties'>;
  attendanceOf: DutyStates['attendanceOf'];
}

/** A lawyer's day on the phone: the duties around now, with their state and check-in window. */
export function createMyDay(deps: MyDayDeps) {
  /** The lawyer's duties from yesterday to tomorrow that are not long over, with their state. */
  async function mine(actor: Actor): Promise<MyDuty[]> {
    if (!actor.lawyerId) return [];
    const now = deps.clock.now();
    const duties = await deps.rotas.duties({
      from: localDay('Asia/Shanghai', new Date(now.getTime() - DAY_MS)),
      to: localDay('Asia/Shanghai', new Date(now.getTime() + DAY_MS)),
      lawyerId: actor.lawyerId,
    });
    const states = await deps.attendanceOf(duties, now);
    return states
      .filter((a) => new Date(a.duty.end).getTime() + a.settings.checkoutUntilAfterEndMin * 60_000 >= now.getTime())
      .map((a) => {
        const w = checkinWindow(dutyTimes(a.duty), a.settings);
        return {
          dutyKey: a.dutyKey,
          postId: a.duty.postId,
          postCode: a.duty.postCode,
          postName: a.duty.postName,
          day: a.duty.day,
          localStart: a.duty.localStart,
          localEnd: a.duty.localEnd,
          start: a.duty.start,
          end: a.duty.end,
          state: a.state,
          checkedInAt: iso(a.inAt),
          checkedOutAt: iso(a.outAt),
          checkinOpensAt: w.opensAt.toISOString(),
          checkinClosesAt: w.closesAt.toISOString(),
          requireLocation: a.settings.requireLocation,
          requireCountersign: a.settings.requireCountersign,
        };
      });
  }

  return { mine };
}
