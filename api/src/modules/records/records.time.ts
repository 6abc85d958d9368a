import { addDays } from '../../../../scheduler/src/index';
import { localDay } from '../../lib/local-day';

/** Records, counters and statistics use the centre's calendar. */
export const RECORDS_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

export const today = (now: Date) => localDay(RECORDS_ZONE, now);
export const dayOf = (at: Date) => localDay(RECORDS_ZONE, at);
/** The instant a local day starts. */
export const startOfDay = (day: string) => new Date(`${day}T00:00:00${OFFSET}`);
export { addDays };

/** Every day from..to inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${addDays(from, 31).slice(0, 7)}-01`, -1) };
}
